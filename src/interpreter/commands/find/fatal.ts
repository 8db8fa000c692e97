import { Data } from "effect"

/** A fatal command-line error: findutils prints `find: message` and exits with 1. */
export class Fatal extends Data.TaggedError("Fatal")<{ readonly message: string }> {}

/** The fatal error with `message`. */
export const fatal = (message: string): Fatal => new Fatal({ message })
