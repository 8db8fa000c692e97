/**
 * Pathname expansion against the virtual filesystem, as bash 5.2 does it in
 * the C locale: patterns are matched one path component at a time; only
 * components with glob characters list their directory; a leading `.` needs
 * an explicit `.` unless `dotglob`; `.` and `..` never match a wildcard;
 * `**` (with `globstar`) spans any number of directories without entering
 * hidden ones or following symlinks; a trailing `/` keeps directories only.
 * Results are sorted in byte order of the whole path.
 *
 * ```ts
 * glob("src/*.ts", "/work", fs)          // ["src/a.ts", "src/b.ts"]
 * glob("/data/**\/*.csv", "/", fs, { globstar: true })
 * ```
 */
import { Effect } from "effect"
import { hasGlobChars, matches, unescape, type PatternOptions } from "./pattern.ts"

/** A directory entry as the filesystem lists it. */
export interface GlobEntry {
  readonly name: string
  readonly type: "file" | "directory" | "symlink"
}

/** The one filesystem call globbing needs. A failure (missing or unreadable directory) just means no matches. */
export interface GlobFs {
  readonly list: (absDir: string) => Effect.Effect<ReadonlyArray<GlobEntry>, unknown>
}

/** The shell options that change pathname expansion. */
export interface GlobOptions {
  readonly dotglob?: boolean
  readonly globstar?: boolean
  readonly extglob?: boolean
  readonly nocaseglob?: boolean
}

/** A path found so far: as it will be printed, and absolute for the filesystem. */
interface Found {
  readonly shown: string
  readonly abs: string
}

/** Directories listed concurrently; listings can be remote. */
const CONCURRENCY = 16

/** `name` under `base`, with one slash between them. */
const join = (base: string, name: string): string =>
  base === "" ? name : base.endsWith("/") ? base + name : `${base}/${name}`

/** Lexical normalisation of an absolute path (`.`, `..`, repeated slashes). */
const normalize = (path: string): string => {
  const out: Array<string> = []
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue
    if (part === "..") out.pop()
    else out.push(part)
  }
  return `/${out.join("/")}`
}

/**
 * Byte order of the UTF-8 encodings (what `LC_ALL=C` sorting gives), which is
 * code point order: UTF-16 code units agree with it except for surrogates.
 */
const compareBytes = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    const rank = (c: number): number => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c)
    return rank(x) - rank(y)
  }
  return a.length - b.length
}

/** Byte-order sort, as the results of a glob come out. */
export const sortPaths = (paths: ReadonlyArray<string>): Array<string> => [...paths].sort(compareBytes)

/**
 * Matches of `pattern` (escaped form: a backslash makes the next character
 * literal), absolute or relative to `cwd`; relative patterns give relative
 * results. Sorted in byte order; empty when nothing matches.
 */
export const glob = (pattern: string, cwd: string, fs: GlobFs, options?: GlobOptions): Effect.Effect<Array<string>> =>
  Effect.gen(function* () {
    if (pattern === "") return []
    const patternOptions: PatternOptions = {
      pathname: true,
      dotglob: options?.dotglob === true,
      extglob: options?.extglob === true,
      nocase: options?.nocaseglob === true,
    }
    const hidden = (name: string): boolean =>
      name === "." || name === ".." || (!patternOptions.dotglob && name[0] === ".")

    const listings = new Map<string, ReadonlyArray<GlobEntry> | undefined>()
    const list = (abs: string): Effect.Effect<ReadonlyArray<GlobEntry> | undefined> => {
      const key = normalize(abs)
      if (listings.has(key)) return Effect.succeed(listings.get(key))
      return fs.list(key).pipe(
        Effect.map((entries): ReadonlyArray<GlobEntry> | undefined =>
          entries.filter((e) => e.name !== "." && e.name !== ".."),
        ),
        Effect.orElseSucceed(() => undefined),
        Effect.tap((entries) => Effect.sync(() => listings.set(key, entries))),
      )
    }
    /** Whether a path can be listed: how a symlink shows that it leads to a directory. */
    const listable = (abs: string): Effect.Effect<boolean> => Effect.map(list(abs), (entries) => entries !== undefined)

    /**
     * Everything below `from` that `**` reaches: names not hidden, descending
     * into real directories only (never through a symlink), one level of the
     * tree at a time; undefined when `from` cannot be listed.
     */
    const descendants = (from: Found): Effect.Effect<Array<readonly [Found, GlobEntry]> | undefined> =>
      Effect.gen(function* () {
        const top = yield* list(from.abs)
        if (top === undefined) return undefined
        const out: Array<readonly [Found, GlobEntry]> = []
        let level: Array<readonly [Found, ReadonlyArray<GlobEntry>]> = [[from, top]]
        while (level.length > 0) {
          const dirs: Array<Found> = []
          for (const [dir, entries] of level) {
            for (const e of entries) {
              if (hidden(e.name)) continue
              const found = { shown: join(dir.shown, e.name), abs: join(dir.abs, e.name) }
              out.push([found, e])
              if (e.type === "directory") dirs.push(found)
            }
          }
          const listed = yield* Effect.forEach(dirs, (d) => list(d.abs), { concurrency: CONCURRENCY })
          level = dirs.map((d, i) => [d, listed[i] ?? []] as const)
        }
        return out
      })

    const absolute = pattern.startsWith("/")
    const root = absolute ? (/^\/+/.exec(pattern)?.[0] ?? "/") : ""
    const parts = pattern
      .slice(root.length)
      .split("/")
      // bash skips a `**` that another `**` follows
      .filter((p, i, all) => !(options?.globstar === true && p === "**" && all[i + 1] === "**"))
    const dirsOnly = parts.length > 1 && parts[parts.length - 1] === ""
    if (dirsOnly) parts.pop()

    // Until the first component with glob characters, the path is printed as
    // written, slashes and all (`dir1//*` gives `dir1//a`); after it, names
    // are joined with one slash, as bash glues globbed directories to names.
    let literal = true
    let found: Array<Found> = [{ shown: root, abs: absolute ? "/" : cwd }]
    // whether each path is a directory, when the listing told
    let kinds: Array<boolean | undefined> = [true]
    const kindOf = (e: GlobEntry): boolean | undefined =>
      e.type === "directory" ? true : e.type === "file" ? false : undefined

    for (let k = 0; k < parts.length && found.length > 0; k++) {
      const part = parts[k]
      const last = k === parts.length - 1
      const next: Array<Found> = []
      const nextKinds: Array<boolean | undefined> = []
      const add = (f: Found, kind: boolean | undefined): void => {
        next.push(f)
        nextKinds.push(kind)
      }
      if (part === "**" && options?.globstar === true) {
        const below = yield* Effect.forEach(found, descendants)
        found.forEach((f, i) => {
          const under = below[i]
          if (under === undefined) return
          // zero directories: the directory itself
          if (!last || f.shown !== "") add(f, true)
          for (const [g, e] of under) if (last || e.type === "directory") add(g, kindOf(e))
        })
        literal = false
      } else if (hasGlobChars(part)) {
        const listed = yield* Effect.forEach(found, (f) => list(f.abs), { concurrency: CONCURRENCY })
        found.forEach((f, i) => {
          for (const e of listed[i] ?? []) {
            if ((last || e.type !== "file") && matches(part, e.name, patternOptions)) {
              add({ shown: join(f.shown, e.name), abs: join(f.abs, e.name) }, kindOf(e))
            }
          }
        })
        literal = false
      } else if (!last) {
        const name = unescape(part)
        found.forEach((f, i) => {
          if (literal) add({ shown: `${f.shown}${name}/`, abs: join(f.abs, name) }, undefined)
          else if (name === "") add({ shown: f.shown.endsWith("/") ? f.shown : `${f.shown}/`, abs: f.abs }, kinds[i])
          else add({ shown: join(f.shown, name), abs: join(f.abs, name) }, undefined)
        })
      } else {
        // a literal last component must exist: look for it in its directory's listing
        const name = unescape(part)
        const listed = yield* Effect.forEach(found, (f) => list(f.abs), { concurrency: CONCURRENCY })
        found.forEach((f, i) => {
          const entries = listed[i]
          if (entries === undefined) return
          const entry = entries.find((e) => e.name === name)
          const dot = name === "." || name === ".."
          if (entry !== undefined || dot)
            add(
              { shown: join(f.shown, name), abs: join(f.abs, name) },
              dot ? true : entry === undefined ? undefined : kindOf(entry),
            )
        })
      }
      found = next
      kinds = nextKinds
    }

    let results = found
    if (dirsOnly) {
      const keep = yield* Effect.forEach(
        found,
        (f, i) => {
          const kind = kinds[i]
          return kind !== undefined ? Effect.succeed(kind) : listable(f.abs)
        },
        { concurrency: CONCURRENCY },
      )
      results = found.filter((_, i) => keep[i])
    }
    const shown = results.map((f) => (dirsOnly && !f.shown.endsWith("/") ? `${f.shown}/` : f.shown))
    return sortPaths(shown.filter((s) => s !== ""))
  })
