import * as esbuild from "esbuild"
import * as fs from "node:fs"
import * as http from "node:http"
import * as os from "node:os"
import * as path from "node:path"
import { chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// The browser entry must bundle without Node built-ins and run in a real Chromium (Debian's,
// never a downloaded one). The smoke test skips where Chromium is not installed.
const root = path.resolve(import.meta.dirname, "../..")
const chromiumPath = "/usr/bin/chromium"
const hasChromium = fs.existsSync(chromiumPath)

let outdir = ""
let bundle = ""

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-browser-"))
  await esbuild.build({
    entryPoints: [path.join(root, "src/browser.ts")],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2023",
    outfile: path.join(outdir, "mirage.js"),
    logLevel: "silent",
  })
  bundle = fs.readFileSync(path.join(outdir, "mirage.js"), "utf8")
})

afterAll(() => {
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true })
})

const page = `<!doctype html>
<meta charset="utf-8">
<title>mirage smoke test</title>
<script type="module">
  import { Workspace, RAMResource, MountMode } from "./mirage.js"
  try {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    const r = await ws.execute("echo hello | tr a-z A-Z > /x; cat /x")
    window.mirageResult = { exitCode: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText }
  } catch (error) {
    window.mirageResult = { error: String(error && error.stack || error) }
  }
</script>
`

/** Serve the page and the bundle on 127.0.0.1 at a free port. */
const serve = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = http.createServer((req, res) => {
    if (req.url === "/" || req.url === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page)
    } else if (req.url === "/mirage.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("the server has no port")
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe("browser bundle", () => {
  it("has no node: imports and no require()", () => {
    expect(bundle.length).toBeGreaterThan(0)
    expect(bundle).not.toMatch(/\bfrom\s*["']node:/)
    expect(bundle).not.toMatch(/\bimport\s*\(\s*["']node:/)
    expect(bundle).not.toMatch(/\brequire\(/)
  })

  if (!hasChromium) console.log("SKIPPED: chromium not installed")

  it.skipIf(!hasChromium)("runs a pipeline in Chromium", { timeout: 60_000 }, async () => {
    const server = await serve()
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    })
    try {
      const tab = await browser.newPage()
      const errors: Array<string> = []
      tab.on("pageerror", (error) => errors.push(error.message))
      await tab.goto(server.url)
      await tab.waitForFunction(() => "mirageResult" in window, undefined, { timeout: 30_000 })
      const result = await tab.evaluate(() => Reflect.get(window, "mirageResult"))
      expect(errors).toEqual([])
      expect(result).toEqual({ exitCode: 0, stdout: "HELLO\n", stderr: "" })
    } finally {
      await browser.close()
      await server.close()
    }
  })
})
