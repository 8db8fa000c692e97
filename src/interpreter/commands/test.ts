import { Effect } from "effect"
import type { MountMode, NamespaceShape } from "../../vfs/Namespace.ts"
import * as Path from "../../vfs/Path.ts"
import { compareBytes } from "../../vfs/Path.ts"
import { make, type CommandContext } from "../Command.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { hasBytes } from "./shared/FileInfo.ts"

/** Unary operators `test` knows. */
const UNARY = new Set("abcdefghknoprstuvwxzGLNORS".split("").map((c) => `-${c}`))
/** Binary operators `test` knows. */
const BINARY = new Set(["=", "==", "!=", "<", ">", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"])

type Node =
  | { readonly _tag: "Word"; readonly word: string }
  | { readonly _tag: "Unary"; readonly op: string; readonly arg: string }
  | { readonly _tag: "Binary"; readonly op: string; readonly left: string; readonly right: string }
  | { readonly _tag: "Not"; readonly expr: Node }
  | { readonly _tag: "And" | "Or"; readonly left: Node; readonly right: Node }

const word = (w: string): Node => ({ _tag: "Word", word: w })
const not = (expr: Node): Node => ({ _tag: "Not", expr })

/**
 * Parse test's arguments as bash's test.c does: the POSIX rules by argument
 * count, then a recursive descent over `!`, `(`, `-a`, `-o`. Returns the
 * tree or the syntax error message.
 */
export const parseTest = (argv: ReadonlyArray<string>): Node | { readonly error: string } => {
  const argc = argv.length
  let pos = 0
  let error: string | undefined
  const fail = (message: string): Node => {
    error ??= message
    pos = argc
    return word("")
  }
  const advance = (needMore: boolean) => {
    pos++
    if (needMore && pos === argc) fail("argument expected")
  }
  const isUnop = (s: string | undefined) => s !== undefined && UNARY.has(s)
  const isBinop = (s: string | undefined) => s !== undefined && BINARY.has(s)

  const twoArguments = (): Node => {
    const a = argv[pos]
    if (a === "!") return { _tag: "Not", expr: word(argv[pos + 1]) }
    if (a.length === 2 && a[0] === "-" && isUnop(a)) return { _tag: "Unary", op: a, arg: argv[pos + 1] }
    return fail(`${a}: unary operator expected`)
  }
  const threeArguments = (): Node => {
    const [a, b, c] = [argv[pos], argv[pos + 1], argv[pos + 2]]
    let node: Node
    if (isBinop(b)) node = { _tag: "Binary", op: b, left: a, right: c }
    else if (b === "-a" || b === "-o") node = { _tag: b === "-a" ? "And" : "Or", left: word(a), right: word(c) }
    else if (a === "!") {
      pos++
      node = not(twoArguments())
    } else if (a === "(" && c.startsWith(")")) node = word(b)
    else return fail(`${b}: binary operator expected`)
    pos = argc
    return node
  }
  const expr = (): Node => {
    if (pos >= argc) return fail("argument expected")
    return or()
  }
  const or = (): Node => {
    const left = and()
    if (pos < argc && argv[pos] === "-o") {
      advance(false)
      return { _tag: "Or", left, right: or() }
    }
    return left
  }
  const and = (): Node => {
    const left = term()
    if (pos < argc && argv[pos] === "-a") {
      advance(false)
      return { _tag: "And", left, right: and() }
    }
    return left
  }
  const term = (): Node => {
    if (pos >= argc) return fail("argument expected")
    if (argv[pos] === "!") {
      let negate = false
      while (pos < argc && argv[pos] === "!") {
        advance(true)
        negate = !negate
      }
      return negate ? not(term()) : term()
    }
    if (argv[pos] === "(") {
      advance(true)
      const value = expr()
      if (pos >= argc) return fail("`)' expected")
      if (argv[pos] !== ")") return fail(`\`)' expected, found ${argv[pos]}`)
      advance(false)
      return value
    }
    if (pos + 3 <= argc && isBinop(argv[pos + 1])) {
      const node: Node = { _tag: "Binary", op: argv[pos + 1], left: argv[pos], right: argv[pos + 2] }
      pos += 3
      return node
    }
    if (pos + 2 <= argc && isUnop(argv[pos])) {
      const node: Node = { _tag: "Unary", op: argv[pos], arg: argv[pos + 1] }
      pos += 2
      return node
    }
    return word(argv[pos++])
  }

  let node: Node
  switch (argc) {
    case 0:
      return word("")
    case 1:
      node = word(argv[0])
      pos = argc
      break
    case 2:
      node = twoArguments()
      pos = argc
      break
    case 3:
      node = threeArguments()
      break
    case 4:
      if (argv[0] === "!") {
        pos++
        node = not(threeArguments())
        break
      }
      if (argv[0] === "(" && argv[3] === ")") {
        pos++
        node = twoArguments()
        pos = argc
        break
      }
      node = expr()
      break
    default:
      node = expr()
  }
  if (error !== undefined) return { error }
  if (pos !== argc)
    return { error: argv[pos].startsWith("-") ? `syntax error: \`${argv[pos]}' unexpected` : "too many arguments" }
  return node
}

/** The mode of the mount a path routes to (longest prefix). */
const mountMode = (fs: NamespaceShape, path: string): MountMode | undefined => {
  let best: { prefix: string; mode: MountMode } | undefined
  for (const m of fs.mounts()) {
    if (Path.isWithin(m.prefix, path) && (best === undefined || m.prefix.length > best.prefix.length)) best = m
  }
  return best?.mode
}

/**
 * A unary file test (`-e -f -d -h -L -s -r -w -x` and the rest) on an
 * absolute namespace path; false when the path does not exist. Shared with
 * the interpreter's `[[ ]]`. Permissions come from the owner bits of the
 * mode (the VFS has one user); `-w` is also false on a read-only mount.
 */
export const fileTest = (op: string, path: string, fs: NamespaceShape): Effect.Effect<boolean> =>
  Effect.gen(function* () {
    if (op === "-h" || op === "-L") {
      const st = yield* Effect.option(fs.lstat(path))
      return st._tag === "Some" && st.value.type === "symlink"
    }
    const result = yield* Effect.option(fs.stat(path))
    if (result._tag === "None") return false
    const st = result.value
    switch (op) {
      case "-a":
      case "-e":
      case "-O":
      case "-G":
        return true
      case "-f":
        return st.type === "file"
      case "-d":
        return st.type === "directory"
      case "-s":
        return st.type === "directory" || (yield* hasBytes(fs, path, st))
      case "-r":
        return (st.mode & 0o400) !== 0
      case "-w":
        return (st.mode & 0o200) !== 0 && mountMode(fs, path) !== "read"
      case "-x":
        return (st.mode & 0o100) !== 0
      case "-u":
        return (st.mode & 0o4000) !== 0
      case "-g":
        return (st.mode & 0o2000) !== 0
      case "-k":
        return (st.mode & 0o1000) !== 0
      default:
        // -b -c -p -S (devices, FIFOs, sockets) and -N do not occur in the namespace.
        return false
    }
  })

/** bash's legal_number: blanks around an optionally signed decimal integer that fits in 64 bits. */
const toInteger = (s: string): bigint | undefined => {
  if (!/^\s*[+-]?\d+\s*$/.test(s)) return undefined
  const n = BigInt(s.trim())
  return n >= -(1n << 63n) && n < 1n << 63n ? n : undefined
}

type Outcome = boolean | { readonly error: string }

/** Evaluate a parsed test; integer errors come back as messages. Both sides of -a/-o are evaluated, as in bash. */
const evaluate = (node: Node, ctx: CommandContext): Effect.Effect<Outcome> =>
  Effect.gen(function* () {
    switch (node._tag) {
      case "Word":
        return node.word !== ""
      case "Not": {
        const v = yield* evaluate(node.expr, ctx)
        return typeof v === "boolean" ? !v : v
      }
      case "And":
      case "Or": {
        const l = yield* evaluate(node.left, ctx)
        const r = yield* evaluate(node.right, ctx)
        if (typeof l !== "boolean") return l
        if (typeof r !== "boolean") return r
        return node._tag === "And" ? l && r : l || r
      }
      case "Unary": {
        const arg = node.arg
        switch (node.op) {
          case "-z":
            return arg === ""
          case "-n":
            return arg !== ""
          case "-v":
            return ctx.shell?.isSet(arg) ?? ctx.env.has(arg)
          case "-o":
            return ctx.shell?.option(arg) ?? false
          case "-t":
          case "-R":
            return false
        }
        return arg !== "" && (yield* fileTest(node.op, ctx.resolve(arg), ctx.fs))
      }
      case "Binary": {
        const { op, left, right } = node
        switch (op) {
          case "=":
          case "==":
            return left === right
          case "!=":
            return left !== right
          case "<":
            return compareBytes(left, right) < 0
          case ">":
            return compareBytes(left, right) > 0
          case "-nt":
          case "-ot":
          case "-ef": {
            const [l, r] = yield* Effect.all([
              Effect.option(ctx.fs.stat(ctx.resolve(left))),
              Effect.option(ctx.fs.stat(ctx.resolve(right))),
            ])
            if (op === "-nt") return l._tag === "Some" && (r._tag === "None" || l.value.mtime > r.value.mtime)
            if (op === "-ot") return r._tag === "Some" && (l._tag === "None" || l.value.mtime < r.value.mtime)
            return l._tag === "Some" && r._tag === "Some" && ctx.resolve(left) === ctx.resolve(right)
          }
        }
        const a = toInteger(left)
        if (a === undefined) return { error: `${left}: integer expression expected` }
        const b = toInteger(right)
        if (b === undefined) return { error: `${right}: integer expression expected` }
        switch (op) {
          case "-eq":
            return a === b
          case "-ne":
            return a !== b
          case "-lt":
            return a < b
          case "-le":
            return a <= b
          case "-gt":
            return a > b
          default:
            return a >= b
        }
      }
    }
  })

const run = (name: string, argv: ReadonlyArray<string>, ctx: CommandContext): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const parsed = parseTest(argv)
    if ("error" in parsed) {
      yield* writeText(ctx.stderr, `${name}: ${parsed.error}\n`)
      return 2
    }
    const v = yield* evaluate(parsed, ctx)
    if (typeof v === "boolean") return v ? 0 : 1
    yield* writeText(ctx.stderr, `${name}: ${v.error}\n`)
    return 2
  })

const details = "Exits with a status of 0 (true) or 1 (false) depending on the evaluation of EXPR; 2 on a syntax error."

/** `test EXPR` (bash's builtin). */
export const test = make("test", {
  summary: "Evaluate conditional expression.",
  flags: {},
  operands: { usage: "[expr]" },
  raw: true,
  details,
  run: ({ operands, ctx }) => run("test", operands, ctx),
})

/** `[ EXPR ]`: `test` with a required closing `]`. */
export const bracket = make("[", {
  summary: "Evaluate conditional expression. The last argument must be a literal `]'.",
  flags: {},
  operands: { usage: "[expr] ]" },
  raw: true,
  details,
  run: ({ operands, ctx }) => {
    if (operands.length === 0 || operands[operands.length - 1] !== "]") {
      return Effect.as(writeText(ctx.stderr, "[: missing `]'\n"), 2)
    }
    return run("[", operands.slice(0, -1), ctx)
  },
})
