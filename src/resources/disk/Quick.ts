import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "node:fs"
import type { BigIntStats } from "node:fs"
import * as nodePath from "node:path"

/**
 * The fast way to a small file on a disk mount, for commands that read
 * thousands of them (`grep -r`): four system calls where the careful way
 * (`realpath` of the parent, `lstat`, then open, fstat, read, close) takes
 * a dozen on a deep tree.
 *
 * The parent is the part that costs: `realpath` reads every component. A
 * parent directory, once `realpath` has shown it inside the root, is
 * remembered for a second by its real path, device, inode and ctime; a
 * `stat` of the real path that finds the same directory (a swapped-in link
 * leads to another inode; a rename or a change of entries moves the ctime)
 * stands for the walk. The file itself is opened with `O_NOFOLLOW` (a final
 * link is left to the careful way) and `O_NONBLOCK` (a FIFO does not hang
 * the open), and only a regular file is read.
 *
 * Everything here answers `undefined` whenever it is not sure, and the
 * careful way then decides, with its own errors.
 */

interface Checked {
  readonly real: string
  readonly dev: bigint
  readonly ino: bigint
  readonly ctime: bigint
  readonly at: number
}

/** How long a checked parent stands without a new `realpath`. */
const CHECKED_MS = 1000
/** Parents remembered at most (the map is dropped whole when it fills). */
const MAX_CHECKED = 4096

// Windows has no O_NOFOLLOW: there every read takes the careful way.
const FLAGS =
  constants.O_NOFOLLOW === undefined
    ? undefined
    : constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0)

/** A file too large for the limit asked: the caller streams it. */
export const LARGE = Symbol("large")

const same = (c: Checked, st: BigIntStats | undefined): boolean =>
  st !== undefined && st.isDirectory() && st.ino === c.ino && st.dev === c.dev && st.ctimeNs === c.ctime

/**
 * Small-file reads under one root. `inside(real)` says whether a real host
 * path is within the root.
 */
export const make = (inside: (real: string) => boolean) => {
  const checked = new Map<string, Checked>()

  /** The real path of the host directory `dir`, known to be inside the root; undefined when unsure. */
  const parent = (dir: string): string | undefined => {
    const now = Date.now()
    const c = checked.get(dir)
    if (c !== undefined && now - c.at < CHECKED_MS) {
      if (same(c, statSync(c.real, { bigint: true, throwIfNoEntry: false }))) return c.real
      checked.delete(dir)
    }
    const real = realpathSync.native(dir + "/")
    if (!inside(real)) return undefined
    const st = statSync(real, { bigint: true })
    if (checked.size >= MAX_CHECKED) checked.clear()
    checked.set(dir, { real, dev: st.dev, ino: st.ino, ctime: st.ctimeNs, at: now })
    return real
  }

  /**
   * The bytes of the regular, non-empty file at host path `host` if it has
   * at most `limit` of them, `LARGE` if it has more, `undefined` when the
   * careful way must decide (a link, a directory, a device, an empty file
   * that may be a /proc one, any error).
   */
  const read = (host: string, limit: number): Uint8Array | typeof LARGE | undefined => {
    if (FLAGS === undefined) return undefined
    let fd: number
    try {
      const dir = parent(nodePath.dirname(host))
      if (dir === undefined) return undefined
      fd = openSync(nodePath.join(dir, nodePath.basename(host)), FLAGS)
    } catch {
      return undefined
    }
    try {
      const st = fstatSync(fd)
      if (!st.isFile() || st.size === 0) return undefined
      if (st.size > limit) return LARGE
      const buf = new Uint8Array(st.size)
      let n = 0
      while (n < buf.length) {
        const got = readSync(fd, buf, n, buf.length - n, n)
        if (got === 0) break
        n += got
      }
      return n === buf.length ? buf : buf.subarray(0, n)
    } catch {
      return undefined
    } finally {
      closeSync(fd)
    }
  }

  return { read }
}
