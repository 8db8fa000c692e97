import type { Regex } from "./regex/Regex.ts"

/**
 * A compiled sed program: a flat vector of commands, as GNU sed keeps it
 * (`{` jumps past its block when the address does not match, `b`/`t`/`T`
 * hold the index they jump to). Text is latin1: one code unit per byte.
 */

/**
 * One address: a line number, `first~step`, `$`, a regex (null: the last
 * regex used), or for the second address of a range `+N` / `~N`.
 */
export interface Address {
  readonly type: "num" | "numMod" | "last" | "regex" | "step" | "stepMod" | "null"
  /** Line number; for `step`/`stepMod` recomputed when the range starts. */
  num: number
  readonly step: number
  readonly regex: Regex | null
}

/** A range not started (or ended and ready to start again). */
export const RANGE_INACTIVE = 0
/** Inside a range. */
export const RANGE_ACTIVE = 1
/** A range finished for good: its numeric end was passed. */
export const RANGE_CLOSED = 2

/** Case conversion of a replacement piece: none (`\E`). */
export const REPL_ASIS = 0
/** `\U` */
export const REPL_UPPERCASE = 1
/** `\L` */
export const REPL_LOWERCASE = 2
/** `\u`: the next character only. */
export const REPL_UPPERCASE_FIRST = 4
/** `\l`: the next character only. */
export const REPL_LOWERCASE_FIRST = 8
/** The one-character conversions. */
export const REPL_MODIFIERS = REPL_UPPERCASE_FIRST | REPL_LOWERCASE_FIRST

/** A piece of a replacement: literal text, then the group `ref` (-1: none), converted by `type`. */
export interface ReplacementPart {
  readonly prefix: string
  readonly ref: number
  readonly type: number
}

/** A file that `w`, `W` and `s///w` write to. */
export interface WriteTarget {
  /** The name as written in the script; `/dev/stdout` and `/dev/stderr` are special. */
  readonly name: string
}

/** A file that `R` reads line by line (shared by every `R` naming it). */
export interface ReadSource {
  readonly name: string
}

/** The `s` command. */
export interface Substitution {
  /** null: the last regex used. */
  readonly regex: Regex | null
  readonly replacement: ReadonlyArray<ReplacementPart>
  /** Highest group the replacement refers to. */
  readonly maxRef: number
  readonly global: boolean
  /** Replace only the Nth match (and later ones with `g`); 0 when not given. */
  readonly occurrence: number
  readonly print: boolean
  readonly write: WriteTarget | undefined
}

/** One command with its addresses. `cmd` is the command letter. */
export interface Command {
  readonly a1: Address | undefined
  readonly a2: Address | undefined
  rangeState: number
  /** `!` (for `{`, inverted so that a match skips the block). */
  readonly bang: boolean
  readonly cmd: string
  /** `a` `i` `c`: the text with its final newline. */
  text: string
  /** `{`: index after the matching `}`; `b` `t` `T`: index of the label (or the end). */
  jump: number
  /** `b` `t` `T` `:`: the label. */
  readonly label: string
  /** `q` `Q`: exit status; `l` `L`: line length (-1: the default). */
  readonly int: number
  /** `r`: the file name; `R`: the source; `w` `W`: the target. */
  readonly fileName: string
  /** `r`: append at the end of the cycle (false for `0r`, which prints before line 1). */
  readonly append: boolean
  readonly readSource: ReadSource | undefined
  readonly writeTarget: WriteTarget | undefined
  readonly subst: Substitution | undefined
  /** `y`: the byte map (256 code units). */
  readonly translate: string
}

/** What the compiler hands the executor. */
export interface Program {
  readonly commands: ReadonlyArray<Command>
  /** `#n` on the first line of the script. */
  readonly quiet: boolean
  /** Every file `w` writes, in first-mention order. */
  readonly writeTargets: ReadonlyArray<WriteTarget>
  /** Every file `R` reads. */
  readonly readSources: ReadonlyArray<ReadSource>
  /** Where errors found while running are located: `-e expression #N, char 0` or `file F line L`. */
  readonly location: string
}
