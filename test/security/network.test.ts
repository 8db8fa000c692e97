import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makePolicy } from "../../src/interpreter/commands/net/Policy.ts"
import type { NetworkOptions } from "../../src/index.ts"
import { ramWorkspace } from "./support.ts"

/**
 * `curl` and `wget` reach only what `WorkspaceOptions.network` allows;
 * nothing by default, and nothing a script can widen. A local server on
 * 127.0.0.1 stands in for the network and counts what reaches it.
 */

let server: Server
let other: Server
let port = 0
let otherPort = 0
let hits: Array<string> = []

const listen = (s: Server): Promise<number> =>
  new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port)))

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "")
    if (req.url === "/away") {
      res.writeHead(302, { Location: `http://127.0.0.1:${otherPort}/there` })
      res.end()
      return
    }
    res.writeHead(200, { "Content-Type": "text/plain" })
    res.end(`ok ${req.url}\n`)
  })
  other = createServer((req, res) => {
    hits.push(`other${req.url ?? ""}`)
    res.end("other\n")
  })
  port = await listen(server)
  otherPort = await listen(other)
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await new Promise<void>((resolve) => other.close(() => resolve()))
})

const blocked = (p: number) =>
  `curl: (7) Failed to connect to 127.0.0.1 port ${p} after 0 ms: blocked by the workspace network policy\n`

const run = async (network: NetworkOptions | undefined, script: string) => {
  hits = []
  const r = await ramWorkspace({ network }).execute(
    script.replaceAll("PORT", String(port)).replaceAll("OTHER", String(otherPort)),
  )
  return { status: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText, hits: [...hits] }
}

describe("curl and wget behind the workspace network policy", () => {
  it("allow nothing by default, and say so even under -s", async () => {
    expect(await run(undefined, "curl -s http://127.0.0.1:PORT/a")).toEqual({
      status: 7,
      stdout: "",
      stderr: blocked(port),
      hits: [],
    })
    expect(await run(undefined, "wget -q -O - http://127.0.0.1:PORT/a")).toEqual({
      status: 4,
      stdout: "",
      stderr: `Connecting to 127.0.0.1:${port}... failed: blocked by the workspace network policy.\n`,
      hits: [],
    })
  })

  it("cannot be widened by the script's environment", async () => {
    const r = await run(
      undefined,
      "export MIRAGE_ALLOWED_HOSTS='*'; MIRAGE_ALLOWED_HOSTS=127.0.0.1 curl -s http://127.0.0.1:PORT/a",
    )
    expect([r.status, r.hits]).toEqual([7, []])
  })

  it.each([
    ["a host", ["127.0.0.1"], "/a", true],
    ["any host", ["*"], "/a", true],
    ["a host and its port", ["127.0.0.1:PORT"], "/a", true],
    ["a host on another port", ["127.0.0.1:1"], "/a", false],
    ["another host", ["example.com"], "/a", false],
    ["a subdomain pattern", ["*.0.0.1"], "/a", false],
    ["a URL prefix", ["http://127.0.0.1:PORT/api/"], "/api/v1", true],
    ["a URL prefix without its slash", ["http://127.0.0.1:PORT/api"], "/api/v1", true],
    ["outside a URL prefix", ["http://127.0.0.1:PORT/api"], "/apix", false],
    ["a URL prefix of another scheme", ["https://127.0.0.1:PORT/"], "/a", false],
    ["a path escaping a prefix with ..", ["http://127.0.0.1:PORT/api/"], "/api/../secret", false],
  ])("%s", async (_, allow, path, allowed) => {
    const r = await run(
      { allow: allow.map((a) => a.replaceAll("PORT", String(port))) },
      `curl -sS http://127.0.0.1:PORT${path}`,
    )
    if (allowed) expect(r).toMatchObject({ status: 0, stdout: `ok ${path}\n`, stderr: "" })
    else expect(r).toEqual({ status: 7, stdout: "", stderr: blocked(port), hits: [] })
  })

  it("checks every redirect hop", async () => {
    const allowOne = { allow: [`127.0.0.1:${port}`] }
    const r = await run(allowOne, "curl -sSL http://127.0.0.1:PORT/away")
    expect(r).toEqual({ status: 7, stdout: "", stderr: blocked(otherPort), hits: ["/away"] })
    const both = await run({ allow: ["127.0.0.1"] }, "curl -sSL http://127.0.0.1:PORT/away")
    expect(both).toMatchObject({ status: 0, stdout: "other\n", hits: ["/away", "other/there"] })
    const wget = await run(allowOne, "wget -q -O - http://127.0.0.1:PORT/away")
    expect([wget.status, wget.hits]).toEqual([4, ["/away"]])
  })

  it("user and host tricks in the URL do not fool it", async () => {
    const allow = { allow: ["example.com"] }
    for (const url of [
      "http://example.com@127.0.0.1:PORT/",
      "http://127.0.0.1:PORT/#example.com",
      "http://127.0.0.1:PORT/?example.com",
    ]) {
      const r = await run(allow, `curl -s '${url}'`)
      expect([url, r.status, r.hits]).toEqual([url, 7, []])
    }
  })
})

describe("policy patterns", () => {
  it.each([
    ["example.com", "https://example.com/x", true],
    ["example.com", "http://EXAMPLE.com:8080/", true],
    ["example.com", "https://api.example.com/", false],
    ["*.example.com", "https://api.example.com/", true],
    ["*.example.com", "https://example.com/", false],
    ["*.example.com", "https://evil-example.com/", false],
    ["example.com:443", "https://example.com/", true],
    ["example.com:443", "http://example.com/", false],
    ["[::1]:8080", "http://[::1]:8080/", true],
    ["[::1]", "http://[::1]:9/", true],
    ["https://api.github.com/repos/", "https://api.github.com/repos/a/b", true],
    ["https://api.github.com/repos", "https://api.github.com/repos", true],
    ["https://api.github.com/repos", "https://api.github.com/reposx", false],
    ["https://api.github.com/repos/", "https://api.github.com.evil.org/repos/", false],
    ["https://api.github.com/", "https://api.github.com:444/", false],
    ["not a url://", "http://x/", false],
    ["", "http://x/", false],
  ])("%s allows %s: %s", (pattern, url, want) => {
    expect(makePolicy({ allow: [pattern] }).allows(new URL(url))).toBe(want)
  })
})
