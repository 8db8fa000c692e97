import { Effect, Stream } from "effect"
import type { ByteRange, FileStat } from "../../vfs/Resource.ts"

/**
 * The files of the Linear tree: what a path names, and how a file's bytes,
 * version and stat are made.
 */

/** The directories of a team besides `team.json`. */
export type Section = "issues" | "projects" | "cycles"

/** What a resource path names. Team directories are named by the lower-case key. */
export type Node =
  | { readonly kind: "root" }
  | { readonly kind: "teams" }
  | { readonly kind: "team"; readonly dir: string }
  | { readonly kind: "teamJson"; readonly dir: string }
  | { readonly kind: "section"; readonly dir: string; readonly section: Section }
  | { readonly kind: "issue"; readonly dir: string; readonly identifier: string }
  | { readonly kind: "entry"; readonly dir: string; readonly section: "projects" | "cycles"; readonly name: string }
  /** Below a file: NotADirectory when the file exists. */
  | { readonly kind: "below"; readonly leaf: string }
  | { readonly kind: "missing" }

/** A team directory's subdirectories, in listing order. */
export const SECTIONS: ReadonlyArray<Section> = ["issues", "projects", "cycles"]

const isSection = (s: string): s is Section => s === "issues" || s === "projects" || s === "cycles"

/** What a resource path names, from its segments alone (existence is checked against Linear later). */
export const parse = (path: string): Node => {
  const s = path.split("/").filter((x) => x !== "")
  if (s.length === 0) return { kind: "root" }
  if (s[0] !== "teams") return { kind: "missing" }
  if (s.length === 1) return { kind: "teams" }
  const dir = s[1]
  if (dir !== dir.toLowerCase()) return { kind: "missing" }
  if (s.length === 2) return { kind: "team", dir }
  if (s[2] === "team.json")
    return s.length === 3 ? { kind: "teamJson", dir } : { kind: "below", leaf: `/teams/${dir}/team.json` }
  if (!isSection(s[2])) return { kind: "missing" }
  const section = s[2]
  if (s.length === 3) return { kind: "section", dir, section }
  if (!s[3].endsWith(".json") || s[3].length === 5) return { kind: "missing" }
  if (s.length > 4) return { kind: "below", leaf: `/teams/${dir}/${section}/${s[3]}` }
  const name = s[3].slice(0, -5)
  return section === "issues" ? { kind: "issue", dir, identifier: name } : { kind: "entry", dir, section, name }
}

const encoder = new TextEncoder()

/** Pretty-printed JSON with a trailing newline, as every file shows it. */
export const render = (value: unknown): Uint8Array => encoder.encode(`${JSON.stringify(value, null, 2)}\n`)

/** cyrb53: a fast 53-bit hash, enough to tell versions of a small file apart. */
export const hash = (bytes: Uint8Array): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 2654435761)
    h2 = Math.imul(h2 ^ b, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)
}

/** A project's file name: its name as a slug, letters of any script kept. */
export const slug = (name: string): string =>
  name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")

const CHUNK = 64 * 1024

/** Bytes as a stream of chunks of at most 64 KiB, sliced to `range`. */
export const chunks = (bytes: Uint8Array, range?: ByteRange): Stream.Stream<Uint8Array> => {
  const slice = range === undefined ? bytes : bytes.subarray(range.start, range.end ?? bytes.length)
  const out: Array<Uint8Array> = []
  for (let i = 0; i < slice.length; i += CHUNK) out.push(slice.subarray(i, i + CHUNK))
  return Stream.fromArray(out)
}

/** Values remembered for `ttl` milliseconds. */
export class Memo<A> {
  readonly #entries = new Map<string, { readonly at: number; readonly value: A }>()
  readonly #ttl: number
  constructor(ttl: number) {
    this.#ttl = ttl
  }
  get<E>(key: string, fetch: Effect.Effect<A, E>): Effect.Effect<A, E> {
    return Effect.suspend(() => {
      const hit = this.#entries.get(key)
      if (hit !== undefined && Date.now() - hit.at < this.#ttl) return Effect.succeed(hit.value)
      return Effect.tap(fetch, (value) =>
        Effect.sync(() => {
          if (this.#ttl > 0) this.#entries.set(key, { at: Date.now(), value })
        }),
      )
    })
  }
  delete(key: string): void {
    this.#entries.delete(key)
  }
}

/** A file whose bytes came with a listing (team.json, a project, a cycle). */
export interface Known {
  readonly bytes: Uint8Array
  readonly mtime: number
  readonly etag: string
}

/** A team as its lookup found it; `bytes` are its `team.json`. */
export interface Team extends Known {
  readonly id: string
  readonly key: string
}

/** What a listing knows of an issue. */
export interface Head {
  readonly identifier: string
  readonly mtime: number
  readonly etag: string
}

/** Milliseconds since the epoch of an ISO time, or `fallback`. */
export const timeOf = (iso: string | undefined, fallback: number): number => {
  const t = iso === undefined ? Number.NaN : Date.parse(iso)
  return Number.isNaN(t) ? fallback : t
}

/** An issue's version: its own `updatedAt` and its most recently updated comment's. */
export const headOf = (identifier: string, updatedAt: string | undefined, latestComment: string | undefined): Head => {
  const mtime = Math.max(timeOf(updatedAt, 0), timeOf(latestComment, 0))
  return { identifier, mtime, etag: `${updatedAt ?? ""}|${latestComment ?? ""}` }
}

/** The stat of a directory of the read-only tree. */
export const dirStat = (mtime: number): FileStat => ({ type: "directory", size: 4096, mtime, mode: 0o555 })

/** The stat of a read-only file; `size` null until known. */
export const fileStat = (size: number | null, mtime: number, etag: string): FileStat => ({
  type: "file",
  size,
  mtime,
  mode: 0o444,
  etag,
})
