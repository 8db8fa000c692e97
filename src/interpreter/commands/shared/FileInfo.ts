import { Effect, Stream } from "effect"
import type { ByteRange, FileStat, FileType } from "../../../vfs/Resource.ts"
import type { NamespaceShape } from "../../../vfs/Namespace.ts"
import { blocksOf, modeString as lsModeString } from "./LsFormat.ts"

/**
 * The metadata a Unix tool prints that resources do not store: owner, group,
 * inode, link count, block count, device. Every command that prints them
 * (`stat`, `ls -l`, `find -ls`, `du`) takes them from here, so they agree.
 *
 * Every file belongs to the one user of the workspace, `user` (uid 1000), in
 * group `user` (gid 1000), as the session's `USER` says (and as `ls -l`
 * shows). Inodes are a hash of the namespace path (stable across runs),
 * block counts are those `ls -s` uses (ext4's), and the device is the
 * mount's position in the mount table.
 */

/** The owner of every file. */
export const OWNER = { user: "user", uid: 1000, group: "user", gid: 1000 } as const

/** User names `-user`, `stat` and friends know, with their ids. */
export const USERS: ReadonlyMap<string, number> = new Map([
  ["root", 0],
  [OWNER.user, OWNER.uid],
])

/** Group names known, with their ids. */
export const GROUPS: ReadonlyMap<string, number> = new Map([
  ["root", 0],
  [OWNER.group, OWNER.gid],
])

/** The ten-character mode string of `ls -l` (`-rw-r--r--`, `drwxr-xr-x`), as `ls` prints it. */
export const modeString = (type: FileType, mode: number): string => lsModeString({ type, mode, size: 0, mtime: 0 })

/** The `st_mode` type bits of a type (`S_IFREG`, `S_IFDIR`, `S_IFLNK`). */
export const typeBits = (type: FileType): number =>
  type === "directory" ? 0o040000 : type === "symlink" ? 0o120000 : 0o100000

/** Bytes of a stat, 0 when the backend does not know the size yet. */
export const sizeOf = (st: FileStat): number => st.size ?? 0

/** Bytes a read yields, counted as they stream past (never held), or undefined when the read fails. */
const countBytes = (fs: NamespaceShape, path: string, range?: ByteRange): Effect.Effect<number | undefined> =>
  Stream.runFold(
    fs.read(path, range),
    () => 0,
    (n, chunk) => n + chunk.length,
  ).pipe(Effect.orElseSucceed(() => undefined))

/**
 * `st` with its size known, for a command whose output depends on the size
 * (`stat -c %s`, `ls -l`, `du`, `find -size`): an API-backed file may report
 * `size: null` until read, and a real file system always knows it. When the
 * size is known or `path` is not a regular file, `st` comes back as it is;
 * otherwise the file is streamed once to count its bytes. A file that cannot
 * be read keeps its unknown size, which `sizeOf` counts as 0.
 *
 * Call it only where the size is needed: it costs a whole read.
 */
export const measured = (fs: NamespaceShape, path: string, st: FileStat): Effect.Effect<FileStat> =>
  st.size !== null || st.type !== "file"
    ? Effect.succeed(st)
    : Effect.map(countBytes(fs, path), (size) => (size === undefined ? st : { ...st, size }))

/**
 * Whether a file has any bytes (`test -s`, `find -empty`): from the size when
 * known, else by reading at most its first byte. False when the read fails.
 */
export const hasBytes = (fs: NamespaceShape, path: string, st: FileStat): Effect.Effect<boolean> =>
  st.size !== null || st.type !== "file"
    ? Effect.succeed(sizeOf(st) > 0)
    : Effect.map(countBytes(fs, path, { start: 0, end: 1 }), (n) => n !== undefined && n > 0)

/**
 * Allocated size in 1 KiB units, as `ls -s` counts it: ext4's 4 KiB per
 * started 4 KiB (a directory 4, a symlink or an empty file 0), so `du`,
 * `ls -s` and `stat` agree with each other and with a real disk.
 */
export const kibBlocks = (st: FileStat): number => (st.type === "directory" ? 4 : blocksOf(st))

/** `st_blocks`: allocated 512-byte blocks. */
export const blocks512 = (st: FileStat): number => kibBlocks(st) * 2

/** The preferred I/O size `stat` reports. */
export const IO_BLOCK = 4096

/**
 * A stable inode number for a namespace path: 32-bit FNV-1a of the path,
 * kept away from the small numbers real file systems reserve.
 */
export const inodeOf = (absolutePath: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < absolutePath.length; i++) {
    h ^= absolutePath.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) + 1000
}

/** The `stat` description of a type (`regular empty file`, `directory`, ...). */
export const typeDescription = (st: FileStat): string =>
  st.type === "directory"
    ? "directory"
    : st.type === "symlink"
      ? "symbolic link"
      : sizeOf(st) === 0
        ? "regular empty file"
        : "regular file"

/**
 * The device of a path: 0 for the synthesized directories above the mounts,
 * else the mount's 1-based position in the mount table (`stat` shows it as
 * `Device: 0,N`).
 */
export const deviceOf = (fs: NamespaceShape, absolutePath: string): number => {
  const route = fs.route(absolutePath)
  if (route === undefined) return 0
  return fs.mounts().findIndex((m) => m.prefix === route.mount.prefix) + 1
}

/** The resource kind a path lives on (`ram`, `disk`, ...), as `df` and `stat -f` name the file system. */
export const fsKindOf = (fs: NamespaceShape, absolutePath: string): string =>
  fs.route(absolutePath)?.mount.resource.kind ?? "none"
