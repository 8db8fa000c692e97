/**
 * POSIX path helpers for namespace paths.
 *
 * Namespace paths are absolute: every helper returns a normalized absolute
 * path ("/" or "/a/b", no trailing slash, no "." or ".." segments), and a
 * relative input is read as relative to "/". ".." never climbs above "/",
 * as in the kernel (`cd /..` stays at `/`). Pure string work, so it runs in
 * the browser too.
 */

/** The root of every namespace and of every resource. */
export const ROOT = "/"

/**
 * Whether `path` is already normalized. Checked first so that the common case
 * (paths the namespace produced itself) costs one scan and no allocation.
 */
const isNormalized = (path: string): boolean => {
  if (path === "/") return true
  if (path.length === 0 || path.charCodeAt(0) !== 47 || path.charCodeAt(path.length - 1) === 47) return false
  // Every segment starts right after a "/": reject "//", "/./" and "/../" (and their forms at the end).
  let i = 0
  while (i < path.length) {
    const next = path.indexOf("/", i + 1)
    const end = next === -1 ? path.length : next
    const len = end - i - 1
    if (len === 0) return false
    if (path.charCodeAt(i + 1) === 46 && (len === 1 || (len === 2 && path.charCodeAt(i + 2) === 46))) return false
    i = end
  }
  return true
}

/**
 * Resolve "." and "..", collapse repeated slashes and drop a trailing slash.
 *
 * @example
 * normalize("/a//b/../c/.") // "/a/c"
 * normalize("/..")          // "/"
 * normalize("data/")        // "/data"
 */
export const normalize = (path: string): string => {
  if (isNormalized(path)) return path
  const out: Array<string> = []
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue
    if (segment === "..") out.pop()
    else out.push(segment)
  }
  return "/" + out.join("/")
}

/**
 * Resolve `path` against a working directory, as the shell does for an
 * operand: absolute paths ignore `cwd`.
 *
 * @example
 * resolve("/data", "../tmp/x") // "/tmp/x"
 */
export const resolve = (cwd: string, path: string): string =>
  path.charCodeAt(0) === 47 ? normalize(path) : normalize(cwd + "/" + path)

/**
 * Join segments with "/" and normalize. Leading slashes of later segments do
 * not restart at the root (unlike `resolve`): `join("/a", "/b")` is "/a/b".
 */
export const join = (...parts: ReadonlyArray<string>): string => normalize(parts.join("/"))

/** The parent directory; the parent of "/" is "/". */
export const dirname = (path: string): string => {
  const p = normalize(path)
  const i = p.lastIndexOf("/")
  return i <= 0 ? "/" : p.slice(0, i)
}

/** The last segment; the basename of "/" is "/" (as POSIX `basename /`). */
export const basename = (path: string): string => {
  const p = normalize(path)
  return p === "/" ? "/" : p.slice(p.lastIndexOf("/") + 1)
}

/** The segments of a path: `split("/a/b")` is `["a", "b"]`, `split("/")` is `[]`. */
export const split = (path: string): Array<string> => {
  const p = normalize(path)
  return p === "/" ? [] : p.slice(1).split("/")
}

/**
 * Whether `path` is `prefix` or lies under it, segment-wise: "/data" is
 * within "/data" and contains "/data/x" but not "/database".
 */
export const isWithin = (prefix: string, path: string): boolean => {
  const pre = normalize(prefix)
  const p = normalize(path)
  if (pre === "/") return true
  return p === pre || (p.startsWith(pre) && p.charCodeAt(pre.length) === 47)
}

/**
 * `path` relative to `prefix`, as a "/"-based path (the path a resource
 * mounted at `prefix` sees). Assumes `isWithin(prefix, path)`.
 *
 * @example
 * relativeTo("/data", "/data/a/b") // "/a/b"
 * relativeTo("/data", "/data")     // "/"
 */
export const relativeTo = (prefix: string, path: string): string => {
  const pre = normalize(prefix)
  const p = normalize(path)
  if (pre === "/") return p
  return p.length === pre.length ? "/" : p.slice(pre.length)
}

/**
 * Compare names by the byte order of their UTF-8 encoding (what `LC_ALL=C ls`
 * sorts by). UTF-16 code unit order differs from it only between surrogates
 * and U+E000..U+FFFF, which this corrects without encoding anything.
 */
export const compareBytes = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x === y) continue
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (code points >= U+10000) sort after U+E000..U+FFFF in UTF-8.
      x = x < 0xe000 ? x + 0x2000 : x - 0x800
      y = y < 0xe000 ? y + 0x2000 : y - 0x800
    }
    return x - y
  }
  return a.length - b.length
}
