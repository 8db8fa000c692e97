import { spawn, spawnSync } from "node:child_process"
import type { ChildProcess } from "node:child_process"
import * as net from "node:net"

/**
 * A throwaway `redis-server` (Debian's binary) for tests: on 127.0.0.1, a
 * free port, no persistence. Tests that need one skip when the binary is
 * absent (`describe.skipIf(!hasRedisServer)`) and say so.
 */

/** Whether `redis-server` can be run on this machine. */
export const hasRedisServer: boolean = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0

/** The line a suite prints when it is skipped for want of the binary. */
export const skipNotice = "skipped: redis-server not installed"

/** A running server. */
export interface RedisServer {
  readonly port: number
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  /** Stop the server and wait for it to exit. */
  readonly stop: () => Promise<void>
}

/** A port nothing listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/** Whether a PING on `port` gets a reply (+PONG, or an auth error from a password-protected server). */
const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once("error", () => done(false))
    socket.once("data", (data) => done(/^[+-]/.test(data.toString())))
    socket.once("connect", () => socket.write("PING\r\n"))
  })

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()))

/** Start a server; `args` adds options (e.g. `["--requirepass", "pw"]`). */
export const startRedis = async (args: ReadonlyArray<string> = []): Promise<RedisServer> => {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort()
    const child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...args],
      { stdio: "ignore" },
    )
    const deadline = Date.now() + 5000
    while (Date.now() < deadline && child.exitCode === null && !(await answers(port)))
      await new Promise((r) => setTimeout(r, 25))
    if (child.exitCode === null && (await answers(port))) {
      const stop = async () => {
        child.kill("SIGTERM")
        await exited(child)
      }
      return { port, url: `redis://127.0.0.1:${port}`, stop }
    }
    child.kill("SIGKILL")
    await exited(child)
    // Another process may have taken the port between the check and the start.
    if (attempt >= 2) throw new Error("redis-server did not start")
  }
}
