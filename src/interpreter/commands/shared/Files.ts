import { Effect, type Stream } from "effect"
import { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { inputFromStream, type BrokenPipe, type Input } from "../../Io.ts"

/**
 * Opening operands as inputs: `-` is stdin, anything else a namespace path
 * read as a stream (never loaded whole).
 */

/** An input over a stream; the stream lives until `use` ends. */
export const withStreamInput = <A, E>(
  stream: Stream.Stream<Uint8Array, VfsError>,
  use: (input: Input) => Effect.Effect<A, E>,
): Effect.Effect<A, E | VfsError> => Effect.scoped(Effect.flatMap(inputFromStream(stream), use))

/**
 * The namespace path an operand names, with the kernel's rules that
 * resolving alone would lose: the empty operand names nothing (ENOENT, not
 * the working directory), and a trailing slash requires a directory
 * (`f/` on a file is ENOTDIR).
 */
export const resolveOperand = (ctx: CommandContext, operand: string): Effect.Effect<string, VfsError> => {
  if (operand === "") return Effect.fail(new VfsError({ reason: "NotFound", op: "open", path: operand }))
  const path = ctx.resolve(operand)
  if (!operand.endsWith("/") || path === "/") return Effect.succeed(path)
  return Effect.flatMap(ctx.fs.stat(path), (st) =>
    st.type === "directory"
      ? Effect.succeed(path)
      : Effect.fail(new VfsError({ reason: "NotADirectory", op: "open", path })),
  )
}

/** Run `use` over the input an operand names (`-` is stdin). */
export const withInput = <A, E>(
  ctx: CommandContext,
  operand: string,
  use: (input: Input) => Effect.Effect<A, E>,
): Effect.Effect<A, E | VfsError> =>
  operand === "-"
    ? use(ctx.stdin)
    : Effect.flatMap(resolveOperand(ctx, operand), (path) => withStreamInput(ctx.fs.read(path), use))

/**
 * Whether a read failure happened while opening (`cannot open 'x' for
 * reading`) rather than while reading (`error reading 'x'`). Streams fail on
 * their first pull, so the reason decides.
 */
export const isOpenError = (error: VfsError): boolean =>
  error.reason === "NotFound" || error.reason === "PermissionDenied" || error.reason === "NotADirectory"

/**
 * Process each operand (stdin when there are none) in turn; a failing
 * operand is reported through `report` and makes the status 1, the others
 * still run. BrokenPipe ends the loop.
 */
export const forEachInput = (
  ctx: CommandContext,
  operands: ReadonlyArray<string>,
  body: (input: Input, operand: string, index: number) => Effect.Effect<void, VfsError | BrokenPipe>,
  report: (operand: string, error: VfsError) => Effect.Effect<void, BrokenPipe>,
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const list = operands.length === 0 ? ["-"] : operands
    let status = 0
    for (let i = 0; i < list.length; i++) {
      const operand = list[i]
      const failed = yield* withInput(ctx, operand, (input) => body(input, operand, i)).pipe(
        Effect.as(false),
        Effect.catchTag("VfsError", (error) => Effect.as(report(operand, error), true)),
      )
      if (failed) status = 1
    }
    return status
  })
