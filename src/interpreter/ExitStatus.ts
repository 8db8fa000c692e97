import { Effect } from "effect"
import { describe, type VfsError } from "../vfs/VfsError.ts"
import { writeText, type BrokenPipe, type Output } from "./Io.ts"

/**
 * The one place that turns failures into an exit status and a stderr line.
 *
 * Each command words its own context (`cannot remove 'x'`, `cannot open 'x'
 * for reading`); the errno text always comes from `describe(reason)`.
 */

/** Exit statuses with a fixed meaning. */
export const Status = {
  success: 0,
  failure: 1,
  /** Usage errors of bash builtins, grep, ls, sort. */
  usage: 2,
  /** Found but not executable. */
  cannotExecute: 126,
  commandNotFound: 127,
  /** 128 + SIGPIPE. */
  brokenPipe: 141,
} as const

/** `name: message\n` */
export const errorLine = (name: string, message: string): string => `${name}: ${message}\n`

const PLAIN: ReadonlySet<VfsError["reason"]> = new Set([
  "NotFound",
  "NotADirectory",
  "IsADirectory",
  "AlreadyExists",
  "NotEmpty",
])

/**
 * The strerror text of a filesystem error (`No such file or directory`).
 * A backend's own cause rides along in parentheses with the mount it came
 * from (`Input/output error (/s3: NoSuchBucket: ...)`), so a failing remote
 * says which service failed and why in one line.
 */
export const errorText = (error: VfsError): string => {
  const text = describe(error.reason)
  // A missing path, a wrong type, a full name: bash's words say it all.
  if (PLAIN.has(error.reason) || error.detail === undefined || error.detail === "" || error.detail === text) return text
  return `${text} (${error.mount !== undefined && error.mount !== "/" ? `${error.mount}: ` : ""}${error.detail})`
}

/** `name: path: strerror\n`, the most common coreutils form (`cat: x: No such file or directory`). */
export const fileErrorLine = (name: string, path: string, error: VfsError): string =>
  errorLine(name, `${path}: ${errorText(error)}`)

/** `name: context: strerror\n` (`rm: cannot remove 'x': Is a directory`). */
export const contextErrorLine = (name: string, context: string, error: VfsError): string =>
  errorLine(name, `${context}: ${errorText(error)}`)

/** Write `name: context: strerror` to stderr and give `status` (default 1). */
export const report = (
  stderr: Output,
  name: string,
  context: string,
  error: VfsError,
  status: number = Status.failure,
): Effect.Effect<number, BrokenPipe> => Effect.as(writeText(stderr, contextErrorLine(name, context, error)), status)

/** What the shell says about a command it cannot find, and its status. */
export const commandNotFound = (name: string): { readonly message: string; readonly status: number } => ({
  message: errorLine(name, "command not found"),
  status: Status.commandNotFound,
})

/** Write the command-not-found line to stderr and give 127. */
export const reportCommandNotFound = (stderr: Output, name: string): Effect.Effect<number, BrokenPipe> => {
  const { message, status } = commandNotFound(name)
  return Effect.as(writeText(stderr, message), status)
}

const SPECIAL = new Set(" !\"$&()*;<=>[^`|?\\'")
// Characters that read the same inside C and shell double quotes.
const COMPAT = /^[A-Za-z0-9 %+,\-./:@\]_']$/
const LETTER_ESCAPES: Record<number, string> = { 7: "a", 8: "b", 12: "f", 10: "n", 13: "r", 9: "t", 11: "v" }

const encoder = new TextEncoder()

/**
 * A file name quoted for a message as gnulib's shell-escape style does in
 * the C locale: bytes outside printable ASCII become `$'\ooo'`, a name with a
 * single quote and nothing else special gets double quotes.
 */
const shellQuote = (name: string, always: boolean, colon: boolean): string => {
  const bytes = encoder.encode(name)
  const printable = (b: number) => b >= 0x20 && b < 0x7f
  let needs = always || bytes.length === 0
  let hasQuote = false
  let compat = true
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    const c = String.fromCharCode(b)
    if (!printable(b)) needs = true
    else if (SPECIAL.has(c) || (colon && c === ":")) needs = true
    else if ((c === "#" || c === "~") && i === 0) needs = true
    else if ((c === "{" || c === "}") && bytes.length === 1) needs = true
    if (c === "'") hasQuote = true
    if (!printable(b) || !COMPAT.test(c)) compat = false
  }
  if (!needs) return name
  if (hasQuote && compat) return `"${name}"`
  let out = "'"
  let open = true
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    if (printable(b)) {
      if (!open) {
        out += "'"
        open = true
      }
      out += b === 0x27 ? "'\\''" : String.fromCharCode(b)
      i++
      continue
    }
    out += "'$'"
    while (i < bytes.length && !printable(bytes[i])) {
      const e = bytes[i]
      out += "\\" + (LETTER_ESCAPES[e] ?? e.toString(8).padStart(3, "0"))
      i++
    }
    out += "'"
    open = false
  }
  return open ? out + "'" : out
}

/** A name always quoted, as coreutils' `quoteaf` does (`rm: cannot remove 'x'`). */
export const quote = (name: string): string => shellQuote(name, true, false)

/** A name quoted only when needed, as coreutils' `quotef` does (`cat: x: No such ...`, `cat: 'a b': ...`). */
export const quoteIfNeeded = (name: string): string => shellQuote(name, false, true)
