import { Effect, Stream } from "effect"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import type { FileStat } from "../vfs/Resource.ts"
import { emptyInput, inputToStream, nullOutput, writeTo } from "./Io.ts"
import type * as Sh from "./Shell.ts"

/**
 * The namespace as a command sees it: the real mounts plus the few device
 * paths scripts expect (`/dev/null`, `/dev/zero`, `/dev/urandom`,
 * `/dev/random`, `/dev/stdin`, `/dev/stdout`, `/dev/stderr`, and `/dev/fd/N`
 * for process substitutions).
 */
/**
 * The descriptor a device path names, for redirections and the overlay:
 * undefined for a closed descriptor, "none" when the path is no device.
 */
export const deviceFd = (sh: Sh.Shell, path: string): Sh.Fd | undefined | "none" => {
  switch (path) {
    case "/dev/null":
      return nullDevice
    case "/dev/zero":
      return zeroDevice
    case "/dev/random":
    case "/dev/urandom":
      return randomDevice
    case "/dev/stdin":
      return sh.fds[0]
    case "/dev/stdout":
      return sh.fds[1]
    case "/dev/stderr":
      return sh.fds[2]
  }
  if (path.startsWith("/dev/fd/")) return sh.rt.procSubs.get(path)?.fd ?? sh.fds[Number(path.slice(8))]
  return "none"
}

const nullDevice: Sh.Fd = { input: emptyInput, output: nullOutput }

const DEVICE_CHUNK = 64 * 1024

/** An endless input of fresh chunks (readers may keep them); `unread` bytes come back first. */
const endless = (next: () => Uint8Array): Sh.Fd => {
  const pending: Array<Uint8Array> = []
  return {
    input: { read: Effect.sync(() => pending.shift() ?? next()), unread: (b) => void pending.unshift(b) },
    output: nullOutput,
  }
}

const zeroDevice: Sh.Fd = endless(() => new Uint8Array(DEVICE_CHUNK))

const randomDevice: Sh.Fd = endless(() => {
  // getRandomValues fills at most 64 KiB per call.
  const chunk = new Uint8Array(DEVICE_CHUNK)
  globalThis.crypto.getRandomValues(chunk)
  return chunk
})

export const devOverlay = (sh: Sh.Shell): NamespaceShape => {
  const ns = sh.rt.ns
  // the overlay treats a closed descriptor as an empty device
  const device = (path: string): Sh.Fd | undefined => {
    const fd = deviceFd(sh, path)
    return fd === "none" ? undefined : (fd ?? {})
  }
  const charDevice: FileStat = { type: "file", size: null, mtime: 0, mode: 0o666 }
  return {
    ...ns,
    stat: (path) => (device(path) !== undefined ? Effect.succeed(charDevice) : ns.stat(path)),
    lstat: (path) => (device(path) !== undefined ? Effect.succeed(charDevice) : ns.lstat(path)),
    exists: (path) => (device(path) !== undefined ? Effect.succeed(true) : ns.exists(path)),
    read: (path, range) => {
      const d = device(path)
      if (d === undefined) return ns.read(path, range)
      if (d.input === undefined) return Stream.empty
      return inputToStream(d.input)
    },
    readSmall: (path, limit) => (device(path) !== undefined ? Effect.succeed(undefined) : ns.readSmall(path, limit)),
    write: (path, data, options) => {
      const d = device(path)
      if (d === undefined) return ns.write(path, data, options)
      if (d.output === undefined) return Stream.runDrain(data)
      return writeTo(d.output, data)
    },
  }
}
