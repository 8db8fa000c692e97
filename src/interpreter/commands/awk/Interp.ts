import { Effect } from "effect"
import type { CommandContext } from "../../Command.ts"
import { writeText, type BrokenPipe } from "../../Io.ts"
import type * as Ast from "./Ast.ts"
import { analyse, type Analysis } from "./Analysis.ts"
import { AwkIo } from "./AwkIo.ts"
import { gstmt, gval } from "./CompileAsync.ts"
import { compileStmt } from "./CompileStmt.ts"
import { Compiler, type FuncCode } from "./Compiler.ts"
import { CompileError } from "./Ops.ts"
import { unescape } from "./Lexer.ts"
import { ENDED, MainInput } from "./MainInput.ts"
import { where, type Source } from "./Program.ts"
import { NEED } from "./Records.ts"
import { AwkFatal, EXIT, NEXT, NEXTFILE, NORMAL, Runtime, Unwind } from "./Runtime.ts"
import type { Bool, Exec, Gen, GenExec, Io } from "./Types.ts"
import { StrNum, toBool } from "./Values.ts"

/**
 * Running a parsed program: compile it, run BEGIN, read records through
 * the main rules, run END, close everything. Rules run synchronously record
 * after record; only I/O goes through Effect.
 */

export interface RunOptions {
  /** Name in messages (`awk`, `gawk`). */
  readonly name: string
  readonly sources: ReadonlyArray<Source>
  /** `-v` assignments, in order. */
  readonly assigns: ReadonlyArray<readonly [string, string]>
  /** ARGV[1..]. */
  readonly operands: ReadonlyArray<string>
  /** `-F`, already escape-processed. */
  readonly fs: string | undefined
}

/** A rule with its pattern compiled. */
interface RuleCode {
  readonly matches: (() => boolean) | undefined
  readonly gmatches: (() => Gen<boolean>) | undefined
  readonly action: Exec | undefined
  readonly gaction: GenExec | undefined
}

type Outcome = number | AwkFatal

const outcomeOf = (e: unknown): Outcome => {
  if (e instanceof Unwind) return e.code
  if (e instanceof AwkFatal) return e
  if (e instanceof RangeError) {
    return new AwkFatal(
      /call stack/i.test(e.message) ? "function call nesting too deep" : `out of memory: ${e.message}`,
    )
  }
  throw e
}

/** Run a synchronous step, catching awk's own exceptions. */
const guard = (f: () => number): Outcome => {
  try {
    return f()
  } catch (e) {
    return outcomeOf(e)
  }
}

/** A generator stopped at an I/O step. */
interface Pending {
  readonly io: Io
  readonly g: Gen<number>
}

/** Run a generator as far as it goes without I/O. */
const advance = (g: Gen<number>): Outcome | Pending => {
  try {
    const r = g.next()
    return r.done === true ? r.value : { io: r.value, g }
  } catch (e) {
    return outcomeOf(e)
  }
}

const isPending = (s: Outcome | Pending): s is Pending => typeof s === "object" && !(s instanceof AwkFatal)

/** Finish a generator, running the Effects it yields. */
const finish = (first: Pending): Effect.Effect<Outcome, BrokenPipe> =>
  Effect.gen(function* () {
    let s: Outcome | Pending = first
    while (isPending(s)) {
      yield* s.io
      s = advance(s.g)
    }
    return s
  })

/** The rules of a list that select the current record, run in order; exceptions go to the driver. */
const rulesOf = function* (list: ReadonlyArray<RuleCode>): Gen<number> {
  for (const r of list) {
    if (r.matches !== undefined ? !r.matches() : r.gmatches !== undefined && !(yield* r.gmatches())) continue
    const o = r.action !== undefined ? r.action() : r.gaction !== undefined ? yield* r.gaction() : NORMAL
    if (o === NEXT || o === NEXTFILE || o === EXIT) return o
  }
  return NORMAL
}

const latin1OfUtf8 = (s: string): string => {
  let out = ""
  for (const b of new TextEncoder().encode(s)) out += String.fromCharCode(b)
  return out
}

/** Compile one rule's pattern (range patterns keep their state here). */
const compilePattern = (c: Compiler, p: Ast.Pattern): Pick<RuleCode, "matches" | "gmatches"> => {
  if (p.k === "all") return { matches: undefined, gmatches: undefined }
  if (p.k === "expr") {
    if (!c.isAsync(p.expr)) return { matches: c.bool(p.expr), gmatches: undefined }
    const g = gval(c, p.expr)
    return {
      matches: undefined,
      gmatches: function* () {
        return toBool(yield* g())
      },
    }
  }
  if (p.k === "range") {
    const from: Bool = c.bool(p.from)
    const to: Bool = c.bool(p.to)
    let active = false
    return {
      matches: () => {
        if (active) {
          if (to()) active = false
          return true
        }
        if (!from()) return false
        active = !to()
        return true
      },
      gmatches: undefined,
    }
  }
  return { matches: undefined, gmatches: undefined }
}

const printRecord =
  (c: Compiler): Exec =>
  () => {
    c.io.print(c.rt.getRecord() + c.rt.ors, undefined, "")
    return NORMAL
  }

/** Run an awk program over the command's context; returns the exit status. */
export const run = (
  ctx: CommandContext,
  program: Ast.Program,
  options: RunOptions,
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const rt = new Runtime()
    let analysis: Analysis
    try {
      analysis = analyse(program)
    } catch (e) {
      if (!(e instanceof RangeError)) throw e
      yield* writeText(ctx.stderr, `${options.name}: fatal: expression nested too deeply\n`)
      return 2
    }
    rt.orderedArrays = analysis.iterates
    let compiler: Compiler | undefined
    const main = new MainInput(ctx, rt, {
      argv: () => rt.arrays[compiler?.arraySlot("ARGV") ?? 0],
      argc: () => Math.trunc(Number(rt.str(rt.scalars[compiler?.scalarSlot("ARGC") ?? 0]))),
      assign: (name, value) => compiler?.setter(name)(new StrNum(unescape(value))),
      warn: (message) => io.stderr.latin1(`${options.name}: warning: ${message}\n`),
    })
    const io = new AwkIo(ctx, rt, main)
    const c = new Compiler(program, analysis, rt, io)
    compiler = c
    const message = (kind: string, text: string): string => {
      const at = rt.line > 0 ? `${where(options.sources, rt.line)}: ` : ""
      const input = rt.fnr > 0 ? `(FILENAME=${rt.str(rt.FILENAME)} FNR=${rt.fnr}) ` : ""
      return `${options.name}: ${at}${input}${kind}${text}\n`
    }
    rt.warn = (text) => io.stderr.latin1(message("warning: ", text))

    // Built-in arrays and variables, then -F and -v.
    const environ = rt.arrays[c.arraySlot("ENVIRON")]
    for (const [k, v] of ctx.env) environ.set(latin1OfUtf8(k), new StrNum(latin1OfUtf8(v)))
    const argv = rt.arrays[c.arraySlot("ARGV")]
    argv.set("0", options.name)
    options.operands.forEach((o, i) => argv.set(String(i + 1), new StrNum(latin1OfUtf8(o))))
    rt.scalars[c.scalarSlot("ARGC")] = options.operands.length + 1
    c.arraySlot("PROCINFO")

    const fatal = (e: AwkFatal) =>
      Effect.gen(function* () {
        yield* Effect.exit(io.closeAll)
        yield* writeText(ctx.stderr, "")
        yield* ctx.stderr.write(latin1Bytes(message("fatal: ", e.message)))
        return 2
      })

    // Compile.
    const rules: Record<"begin" | "main" | "end" | "beginfile" | "endfile", Array<RuleCode>> = {
      begin: [],
      main: [],
      end: [],
      beginfile: [],
      endfile: [],
    }
    try {
      const codes: Array<readonly [FuncCode, Ast.Func]> = []
      for (const [name, f] of program.funcs) {
        const code: FuncCode = {
          name,
          params: f.params,
          arrayParams: analysis.arrayParams.get(name) ?? [],
          isAsync: analysis.asyncFuncs.has(name),
          body: undefined,
          gen: undefined,
        }
        c.funcs.set(name, code)
        codes.push([code, f])
      }
      for (const [code, f] of codes) {
        c.locals = new Map(f.params.map((p, i) => [p, i]))
        if (code.isAsync) code.gen = gstmt(c, f.body)
        else code.body = compileStmt(c, f.body)
        c.locals = undefined
      }
      for (const r of program.rules) {
        const k = r.pattern.k
        const kind = k === "begin" || k === "end" || k === "beginfile" || k === "endfile" ? k : "main"
        const async = r.action !== undefined && c.stmtIsAsync(r.action)
        const action = r.action === undefined ? printRecord(c) : async ? undefined : compileStmt(c, r.action)
        const gaction = r.action !== undefined && async ? gstmt(c, r.action) : undefined
        rules[kind].push({ ...compilePattern(c, r.pattern), action, gaction })
      }
    } catch (e) {
      if (e instanceof CompileError) {
        yield* writeText(ctx.stderr, `${options.name}: ${where(options.sources, e.line)}: error: ${e.message}\n`)
        return 1
      }
      if (e instanceof AwkFatal) return yield* fatal(e)
      if (e instanceof RangeError) return yield* fatal(new AwkFatal("expression nested too deeply"))
      throw e
    }
    for (const w of c.warnings)
      io.stderr.latin1(`${options.name}: ${where(options.sources, w.line)}: warning: ${w.message}\n`)

    try {
      const plain = (m: string) => io.stderr.latin1(`${options.name}: warning: ${m}\n`)
      if (options.fs !== undefined) rt.setFS(unescape(latin1OfUtf8(options.fs), plain))
      for (const [name, value] of options.assigns) c.setter(name)(new StrNum(unescape(latin1OfUtf8(value), plain)))
    } catch (e) {
      if (e instanceof AwkFatal) return yield* fatal(e)
      throw e
    }

    /** Run one rule list on the current record: NORMAL, NEXT, NEXTFILE, EXIT or a fatal error. */
    const runRules = (list: ReadonlyArray<RuleCode>): Outcome | Effect.Effect<Outcome, BrokenPipe> => {
      const s = advance(rulesOf(list))
      return isPending(s) ? finish(s) : s
    }

    /** A rule list's outcome, waiting only when it needs I/O. */
    const settle = (o: Outcome | Effect.Effect<Outcome, BrokenPipe>): Effect.Effect<Outcome, BrokenPipe> =>
      typeof o === "number" || o instanceof AwkFatal ? Effect.succeed(o) : o

    const plain = rules.main.flatMap((r) =>
      r.gmatches === undefined && r.action !== undefined ? [{ matches: r.matches, action: r.action }] : [],
    )
    const syncMain = plain.length === rules.main.length
    const mainSync = (): number => {
      for (const r of plain) {
        if (r.matches !== undefined && !r.matches()) continue
        const code = r.action()
        if (code === NEXT || code === NEXTFILE || code === EXIT) return code
      }
      return NORMAL
    }

    let outcome: Outcome = yield* settle(runRules(rules.begin))
    if (outcome instanceof AwkFatal) return yield* fatal(outcome)
    const reads = rules.main.length + rules.end.length + rules.beginfile.length + rules.endfile.length > 0
    if (outcome !== EXIT && reads) {
      for (;;) {
        const rec = main.nextSync()
        if (rec === ENDED) {
          if (rules.endfile.length === 0) continue
          outcome = yield* settle(runRules(rules.endfile))
          if (outcome instanceof AwkFatal) return yield* fatal(outcome)
          if (outcome === EXIT) break
          continue
        }
        if (rec === NEED) {
          yield* main.fill
          const f = main.takeFailure()
          if (f !== undefined) return yield* fatal(f)
          if (main.takeOpened() && rules.beginfile.length > 0) {
            outcome = yield* settle(runRules(rules.beginfile))
            if (outcome instanceof AwkFatal) return yield* fatal(outcome)
            if (outcome === EXIT) break
            if (outcome === NEXTFILE) main.skipFile()
          }
          continue
        }
        if (rec === undefined) break
        rt.nr++
        rt.fnr++
        rt.setRecord(rec)
        if (syncMain) outcome = guard(mainSync)
        else {
          const o = runRules(rules.main)
          outcome = typeof o === "number" || o instanceof AwkFatal ? o : yield* o
        }
        if (outcome instanceof AwkFatal) return yield* fatal(outcome)
        if (outcome === EXIT) break
        if (outcome === NEXTFILE) main.skipFile()
        if (io.pending() >= 64 * 1024) {
          yield* io.flushAll
          const f = guard(() => {
            io.check()
            return NORMAL
          })
          if (f instanceof AwkFatal) return yield* fatal(f)
        }
      }
    }
    outcome = yield* settle(runRules(rules.end))
    if (outcome instanceof AwkFatal) return yield* fatal(outcome)
    yield* io.closeAll
    const late = guard(() => {
      io.check()
      return NORMAL
    })
    if (late instanceof AwkFatal) return yield* fatal(late)
    return rt.exitCode & 0xff
  })

const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (ch) => ch.charCodeAt(0) & 0xff)
