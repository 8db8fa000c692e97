import type { Effect } from "effect"
import type { Segment } from "./printf.ts"
import type { Num, Perm, Size, TimeWindow } from "./primaries.ts"
import type { FileStat, FileType } from "../../../vfs/Resource.ts"

/** One file `find` visits. */
export interface Entry {
  /** The path as printed: the start point, then names joined with `/`. */
  readonly path: string
  /** The absolute namespace path. */
  readonly abs: string
  /** The base name `-name` matches (a start point's last component, trailing slashes removed). */
  readonly name: string
  /** The start point it was found under, as given. */
  readonly start: string
  readonly depth: number
  /** Its type as the traversal sees it (a followed link has its target's type), when known. */
  type: FileType | undefined
  /** Whether its metadata is that of the link target (`-L`, or `-H` on a start point). */
  readonly follow: boolean
  /** Cached lookups: undefined until asked, null when the file could not be read. */
  stat?: FileStat | null
  links?: number
  target?: string | null
}

/** Metadata lookups the evaluator and the formatters share; each is cached per entry. */
export interface Inspector {
  /** Stat in the traversal's sense (following links when the entry does); undefined when it vanished. */
  readonly stat: (e: Entry) => Effect.Effect<FileStat | undefined>
  /** `stat`, with an unknown size measured by reading the file (only for tests and formats that show sizes). */
  readonly sized: (e: Entry) => Effect.Effect<FileStat | undefined>
  /** The link target of a symlink, or undefined. */
  readonly readlink: (e: Entry) => Effect.Effect<string | undefined>
  /** The number of hard links (2 + subdirectories for a directory). */
  readonly links: (e: Entry) => Effect.Effect<number>
  /** `%Y`: the type letter of what a link points to (`N` when missing, `L` for a loop). */
  readonly targetType: (e: Entry) => Effect.Effect<string>
  /** Whether a directory has no entries. */
  readonly isEmptyDir: (e: Entry) => Effect.Effect<boolean>
  /** The resource kind the entry lives on. */
  readonly fsType: (e: Entry) => string
  readonly device: (e: Entry) => number
}

/** Where an action writes: find's stdout or stderr, or a file written when find ends. */
export type Out =
  | { readonly kind: "stdout" }
  | { readonly kind: "stderr" }
  | { readonly kind: "file"; readonly abs: string; readonly chunks: Array<string> }

/** `-exec` and friends; `batch` collects file names for the `{} +` form. */
export interface Exec {
  readonly argv: ReadonlyArray<string>
  readonly plus: boolean
  readonly dir: boolean
  readonly ok: boolean
  readonly batch: Array<string>
}

/** One primary of a `find` expression. */
export type Test =
  | { readonly t: "true" }
  | { readonly t: "false" }
  | { readonly t: "name" | "path" | "lname"; readonly pattern: string; readonly nocase: boolean }
  | { readonly t: "regex"; readonly regex: RegExp }
  | { readonly t: "type"; readonly types: ReadonlySet<string>; readonly x: boolean }
  | { readonly t: "size"; readonly size: Size }
  | { readonly t: "time"; readonly window: TimeWindow }
  | { readonly t: "used"; readonly window: TimeWindow }
  | { readonly t: "newer"; readonly ref: number }
  | { readonly t: "empty" }
  | { readonly t: "perm"; readonly perm: Perm }
  | { readonly t: "num"; readonly field: "uid" | "gid" | "links" | "inum"; readonly num: Num }
  | { readonly t: "owner"; readonly field: "user" | "group"; readonly id: number }
  | { readonly t: "access"; readonly mode: "r" | "w" | "x" }
  | { readonly t: "fstype"; readonly name: string }
  | { readonly t: "samefile"; readonly abs: string }
  | { readonly t: "print"; readonly out: Out; readonly nul: boolean }
  | { readonly t: "printf"; readonly out: Out; readonly segments: ReadonlyArray<Segment> }
  | { readonly t: "ls"; readonly out: Out }
  | { readonly t: "prune" }
  | { readonly t: "quit" }
  | { readonly t: "delete" }
  | { readonly t: "exec"; readonly exec: Exec }
