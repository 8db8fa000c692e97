import { Effect } from "effect"
import * as Path from "../../../vfs/Path.ts"
import type { CommandContext } from "../../Command.ts"
import type { BrokenPipe } from "../../Io.ts"
import { latin1 } from "../shared/Lines.ts"
import { judge, parseIgnoreFile, type Rule } from "./ignore.ts"

/**
 * ripgrep's directory walk over the namespace: entries in name order,
 * hidden ones skipped, `.gitignore` (inside a git repository), `.ignore` and
 * `.rgignore` files honoured at every level (and in the directories above
 * the search root), `-g` globs and `-t`/`-T` types, with ripgrep's order of
 * precedence: globs, then ignore files, then types, then hiddenness.
 */

/** What decides which files are searched. */
export interface WalkOptions {
  readonly hidden: boolean
  /** Skip `.gitignore`, `.ignore` and `.rgignore`. */
  readonly noIgnore: boolean
  /** Skip `.gitignore` only. */
  readonly noIgnoreVcs: boolean
  /** `-g` globs, in order. */
  readonly globs: ReadonlyArray<Rule>
  /** Globs of the selected types (`-t`); undefined when none is selected. */
  readonly selected: ReadonlyArray<Rule> | undefined
  /** Globs of the excluded types (`-T`). */
  readonly excluded: ReadonlyArray<Rule>
  readonly maxDepth: number | undefined
  readonly follow: boolean
}

interface Level {
  /** Absolute directory the rules are relative to. */
  readonly dir: string
  readonly rules: ReadonlyArray<Rule>
}

const readRules = (ctx: CommandContext, dir: string, names: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const rules: Array<Rule> = []
    // Lower precedence first: the last matching rule wins.
    for (const name of names) {
      const r = yield* Effect.result(ctx.fs.readFile(Path.join(dir, name)))
      if (r._tag === "Success") rules.push(...parseIgnoreFile(latin1(r.success)))
    }
    return rules
  })

/** Walk `root` (absolute; shown as `display`), calling `visit` for each file to search. */
export const walk = (
  ctx: CommandContext,
  root: string,
  display: string,
  o: WalkOptions,
  visit: (path: string, display: string) => Effect.Effect<void, BrokenPipe>,
  onError: (display: string, message: string) => Effect.Effect<void, BrokenPipe>,
): Effect.Effect<void, BrokenPipe> =>
  Effect.gen(function* () {
    // A .gitignore counts only inside a git repository.
    let repo: string | undefined
    for (let d = root; ; d = Path.dirname(d)) {
      if (yield* ctx.fs.exists(Path.join(d, ".git"))) {
        repo = d
        break
      }
      if (d === "/") break
    }
    const namesAt = (dir: string): Array<string> => {
      if (o.noIgnore) return []
      const vcs = !o.noIgnoreVcs && repo !== undefined && Path.isWithin(repo, dir)
      return [...(vcs ? [".gitignore"] : []), ".ignore", ".rgignore"]
    }
    const levels: Array<Level> = []
    const ancestors: Array<string> = []
    for (let d = Path.dirname(root); d !== root && ancestors.length < 64; d = Path.dirname(d)) {
      ancestors.unshift(d)
      if (d === "/") break
    }
    for (const d of ancestors) {
      const rules = yield* readRules(ctx, d, namesAt(d))
      if (rules.length > 0) levels.push({ dir: d, rules })
    }

    const ignored = (path: string, name: string, isDir: boolean, stack: ReadonlyArray<Level>): boolean => {
      const rel = Path.relativeTo(root, path).replace(/^\//, "")
      let verdict: "ignore" | "keep" | undefined
      if (o.globs.length > 0) {
        // For -g a plain glob includes and a `!glob` excludes: the reverse of ignore files.
        verdict = judge(o.globs, rel, isDir)
        if (verdict !== undefined) return verdict === "keep"
        if (!isDir && o.globs.some((g) => !g.negated)) return true
      }
      let kept = false
      for (let k = stack.length - 1; k >= 0; k--) {
        const level = stack[k]
        const v = judge(level.rules, Path.relativeTo(level.dir, path).replace(/^\//, ""), isDir)
        if (v === "ignore") return true
        if (v === "keep") {
          kept = true
          break
        }
      }
      if (!isDir) {
        if (o.excluded.length > 0 && judge(o.excluded, name, false) === "ignore") return true
        if (o.selected !== undefined) {
          if (judge(o.selected, name, false) !== "ignore") return true
          kept = true
        }
      }
      return !kept && !o.hidden && name.startsWith(".")
    }

    const dirDisplay = (d: string, name: string) => (d === "" ? name : d.endsWith("/") ? d + name : `${d}/${name}`)

    const visitDir = (
      dir: string,
      shown: string,
      depth: number,
      stack: ReadonlyArray<Level>,
    ): Effect.Effect<void, BrokenPipe> =>
      Effect.gen(function* () {
        const listed = yield* Effect.result(ctx.fs.list(dir))
        if (listed._tag === "Failure") return yield* onError(shown === "" ? "." : shown, listed.failure.message)
        const rules = yield* readRules(ctx, dir, namesAt(dir))
        const here = rules.length > 0 ? [...stack, { dir, rules }] : stack
        for (const entry of listed.success) {
          const path = Path.join(dir, entry.name)
          let type = entry.type
          if (type === "symlink") {
            if (!o.follow) continue
            const st = yield* Effect.result(ctx.fs.stat(path))
            if (st._tag === "Failure") continue
            type = st.success.type
          }
          const isDir = type === "directory"
          if (entry.name === ".git" && isDir) continue
          if (ignored(path, entry.name, isDir, here)) continue
          const show = dirDisplay(shown, entry.name)
          if (isDir) {
            if (o.maxDepth === undefined || depth + 1 < o.maxDepth) yield* visitDir(path, show, depth + 1, here)
          } else if (o.maxDepth === undefined || depth + 1 <= o.maxDepth) yield* visit(path, show)
        }
      })

    if (o.maxDepth === 0) return
    yield* visitDir(root, display, 0, levels)
  })
