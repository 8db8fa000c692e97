// Types for the parser peggy generates from grammar/bash.peggy (grammar.js).
import type * as Ast from "./Ast.ts"

/** What the grammar records while parsing, for error messages and `isIncomplete`. */
export interface Diag {
  /** Openers whose closer was missing at end of input (first attempt first). */
  readonly eof: Array<{ readonly close: string; readonly offset: number; readonly kind: "open" | "eof" }>
  unterminatedHereDoc: boolean
  trailingBackslash: boolean
}

export interface ParseOptions {
  readonly mode?: "script" | "heredoc"
  readonly baseOffset?: number
  readonly baseLine?: number
  readonly diag?: Diag
}

export interface LocationPoint {
  readonly offset: number
  readonly line: number
  readonly column: number
}

export interface Location {
  readonly start: LocationPoint
  readonly end: LocationPoint
}

/** An error in text parsed on its own (a backquoted command, a here-document body). */
export interface NestedError {
  readonly error: SyntaxError
  readonly source: string
  readonly mode: "script" | "heredoc"
  /** Offset of `source` in the outermost text. */
  readonly base: number
  readonly diag: Diag
}

/** peggy's error: `expected` is null for the messages the grammar words itself. */
export declare class SyntaxError extends Error {
  readonly expected: ReadonlyArray<unknown> | null
  readonly found: string | null
  readonly location: Location
  readonly sub?: NestedError
}

export declare function parse(input: string, options: ParseOptions & { readonly mode: "heredoc" }): Ast.Word
export declare function parse(input: string, options?: ParseOptions): Ast.Script
