import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { curl } from "../../../src/interpreter/commands/curl.ts"
import { wget } from "../../../src/interpreter/commands/wget.ts"
import { makePolicy } from "../../../src/interpreter/commands/net/Policy.ts"
import { readText, run } from "./harness.ts"

// A local server stands in for the network; nothing leaves 127.0.0.1.
// Expectations of the transfers were confirmed with curl 7.88 and wget
// 1.21 against this same server (curl with -s/-sS: it draws no progress meter here).
let server: Server
let base = ""

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const body = Buffer.concat(chunks)
      if (req.url === "/hello") {
        res.writeHead(200, { "Content-Type": "text/plain" })
        res.end("hello\n")
      } else if (req.url === "/redirect") {
        res.writeHead(302, { Location: "/hello" })
        res.end()
      } else if (req.url === "/echo") {
        res.writeHead(200, { "Content-Type": "text/plain" })
        res.end(`${req.method} ${req.headers["content-type"] ?? "-"} ${body.toString()}\n`)
      } else if (req.url === "/headers") {
        res.writeHead(200, { "Content-Type": "text/plain" })
        res.end(`${req.headers["x-test"] ?? "-"}\n`)
      } else {
        res.writeHead(404, { "Content-Type": "text/plain" })
        res.end("no\n")
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const allowed = { network: makePolicy({ allow: ["127.0.0.1"] }) }

describe("curl", () => {
  // A blocked URL is worded as curl words a refused connection, with the policy as the reason.
  const blocked = (url: URL) =>
    `curl: (7) Failed to connect to ${url.hostname} port ${url.port} after 0 ms: blocked by the workspace network policy\n`

  it("refuses every host when no host is allowed, even under -s", async () => {
    const r = await run(curl, ["-s", `${base}/hello`])
    expect(r).toMatchObject({ stdout: "", stderr: blocked(new URL(base)), status: 7 })
  })

  it("refuses a host that is not on the list, and ignores MIRAGE_ALLOWED_HOSTS", async () => {
    const r = await run(curl, ["-sS", `${base}/hello`], {
      network: makePolicy({ allow: ["example.com"] }),
      env: { MIRAGE_ALLOWED_HOSTS: "*" },
    })
    expect(r).toMatchObject({ stdout: "", stderr: blocked(new URL(base)), status: 7 })
  })

  it("refuses a redirect to a URL outside the allowed prefix", async () => {
    const r = await run(curl, ["-sSL", `${base}/redirect`], { network: makePolicy({ allow: [`${base}/redirect`] }) })
    expect(r).toMatchObject({ stdout: "", stderr: blocked(new URL(base)), status: 7 })
  })

  const cases: ReadonlyArray<{
    readonly args: (base: string) => ReadonlyArray<string>
    readonly files?: Readonly<Record<string, string>>
    readonly stdout: string
    readonly stderr?: string
    readonly status: number
  }> = [
    { args: (b) => ["-s", `${b}/hello`], stdout: "hello\n", status: 0 },
    { args: (b) => ["-s", `${b}/missing`], stdout: "no\n", status: 0 },
    { args: (b) => ["-sf", `${b}/missing`], stdout: "", stderr: "", status: 22 },
    {
      args: (b) => ["-sSf", `${b}/missing`],
      stdout: "",
      stderr: "curl: (22) The requested URL returned error: 404\n",
      status: 22,
    },
    { args: (b) => ["-s", `${b}/redirect`], stdout: "", status: 0 },
    { args: (b) => ["-sL", `${b}/redirect`], stdout: "hello\n", status: 0 },
    {
      args: (b) => ["-s", "-d", "a=1", "-d", "b=2", `${b}/echo`],
      stdout: "POST application/x-www-form-urlencoded a=1&b=2\n",
      status: 0,
    },
    {
      args: (b) => ["-s", "-X", "PUT", "-H", "Content-Type: text/plain", "--data-binary", "@f", `${b}/echo`],
      files: { f: "line1\nline2\n" },
      stdout: "PUT text/plain line1\nline2\n\n",
      status: 0,
    },
    {
      args: (b) => ["-s", "-d", "@f", `${b}/echo`],
      files: { f: "x\ny\n" },
      stdout: "POST application/x-www-form-urlencoded xy\n",
      status: 0,
    },
    { args: (b) => ["-s", "-H", "X-Test: yes", `${b}/headers`], stdout: "yes\n", status: 0 },
    { args: (b) => ["-s", "-o", "out", "-w", "%{http_code}\\n", `${b}/missing`], stdout: "404\n", status: 0 },
    {
      args: (b) => ["-s", "-w", "%{http_code} %{size_download}\\n", `${b}/hello`],
      stdout: "hello\n200 6\n",
      status: 0,
    },
    { args: (b) => ["-s", "-I", `${b}/hello`], stdout: "", status: 0 },
    {
      args: () => [],
      stdout: "",
      stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n",
      status: 2,
    },
  ]

  it.each(cases)("curl $args", async (c) => {
    const r = await run(curl, c.args(base), { ...allowed, files: c.files })
    if (c.args(base).includes("-I")) {
      expect(r.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(r.stdout.toLowerCase()).toContain("content-type: text/plain\r\n")
      return
    }
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: c.stdout, status: c.status })
    if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr)
  })

  it("reports a refused connection", async () => {
    // A port that was just free: listening and closing finds one.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((resolve) => probe.close(() => resolve()))
    const r = await run(curl, ["-sS", `http://127.0.0.1:${port}/`], allowed)
    expect(r).toMatchObject({
      stdout: "",
      stderr: `curl: (7) Failed to connect to 127.0.0.1 port ${port} after 0 ms: Couldn't connect to server\n`,
      status: 7,
    })
  })

  it("writes -o and -O files", async () => {
    const r = await run(curl, ["-s", "-o", "got", `${base}/hello`, "-O", `${base}/hello`], allowed)
    expect(r.status).toBe(0)
    expect(await readText(r.fs, "/got")).toBe("hello\n")
    expect(await readText(r.fs, "/hello")).toBe("hello\n")
  })
})

describe("wget", () => {
  it("refuses when no host is allowed", async () => {
    const r = await run(wget, ["-q", `${base}/hello`])
    expect(r.status).toBe(4)
    const url = new URL(base)
    expect(r.stderr).toBe(
      `Connecting to ${url.hostname}:${url.port}... failed: blocked by the workspace network policy.\n`,
    )
  })

  it("downloads to stdout, to a file named by the URL, and fails on 404", async () => {
    expect(await run(wget, ["-q", "-O", "-", `${base}/hello`], allowed)).toMatchObject({
      stdout: "hello\n",
      status: 0,
    })
    const saved = await run(wget, ["-q", `${base}/hello`], allowed)
    expect(saved.status).toBe(0)
    expect(await readText(saved.fs, "/hello")).toBe("hello\n")
    expect(await run(wget, ["-q", `${base}/missing`], allowed)).toMatchObject({
      stdout: "",
      stderr: "",
      status: 8,
    })
    expect(await run(wget, [])).toMatchObject({ status: 1 })
  })
})
