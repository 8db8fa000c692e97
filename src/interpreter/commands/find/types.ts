import type { Effect } from "effect"
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
