import { spawn } from "node:child_process"
import * as fs from "node:fs/promises"
import * as http from "node:http"
import * as os from "node:os"
import * as nodePath from "node:path"
import { createInterface } from "node:readline"
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3"

/**
 * A real S3 HTTP server for tests: `s3rver` in a child process (its
 * continuation tokens need `--openssl-legacy-provider`), behind a counting
 * proxy so a test can tell how many requests reached the server.
 */

/** The keys s3rver knows; any other access key id is refused with InvalidAccessKeyId. */
export const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const

/** An S3 server the tests talk to. */
export interface S3Server {
  /** The endpoint resources use; every request through it is counted and logged. */
  readonly endpoint: string
  /** A client straight to the server, not counted: for setup and for "someone else" changing objects. */
  readonly client: S3Client
  readonly createBucket: (name: string) => Promise<void>
  /** Requests that went through `endpoint` so far. */
  readonly requests: () => number
  /** `METHOD /path?query` of each counted request, oldest first. */
  readonly log: () => ReadonlyArray<string>
  readonly stop: () => Promise<void>
}

/** Client settings s3rver (and any S3-compatible server without flexible checksums) needs. */
export const clientFor = (endpoint: string): S3Client =>
  new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  })

/**
 * A proxy to `target` that counts and logs requests. Keep-alive to the
 * target is on, so counting adds little time.
 */
export const countingProxy = async (
  target: number,
): Promise<{
  readonly port: number
  readonly requests: () => number
  readonly log: () => ReadonlyArray<string>
  readonly close: () => Promise<void>
}> => {
  const agent = new http.Agent({ keepAlive: true })
  const entries: Array<string> = []
  const server = http.createServer((req, res) => {
    entries.push(`${req.method} ${req.url}`)
    const upstream = http.request(
      { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers: req.headers, agent },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(res)
      },
    )
    upstream.on("error", () => {
      res.destroy()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    port,
    requests: () => entries.length,
    log: () => [...entries],
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      agent.destroy()
    },
  }
}

const childScript = nodePath.join(import.meta.dirname, "s3rver-child.mjs")

/** Start s3rver on a free port of 127.0.0.1 with a counting proxy in front. */
export const startS3 = async (): Promise<S3Server> => {
  const directory = await fs.mkdtemp(nodePath.join(os.tmpdir(), "mirage-s3rver-"))
  // process.execPath is the node devDependency (Node 24) when run through npx/npm.
  const child = spawn(process.execPath, ["--openssl-legacy-provider", childScript, directory], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    child.once("exit", (code) => reject(new Error(`s3rver exited with ${code}`)))
    lines.once("line", (line) => {
      const parsed: unknown = JSON.parse(line)
      if (typeof parsed === "object" && parsed !== null && "port" in parsed && typeof parsed.port === "number")
        resolve(parsed.port)
      else reject(new Error(`unexpected s3rver output: ${line}`))
    })
  })
  const proxy = await countingProxy(port)
  const client = clientFor(`http://127.0.0.1:${port}`)
  return {
    endpoint: `http://127.0.0.1:${proxy.port}`,
    client,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }))
    },
    requests: proxy.requests,
    log: proxy.log,
    stop: async () => {
      client.destroy()
      await proxy.close()
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
      child.kill("SIGTERM")
      await exited
      await fs.rm(directory, { recursive: true, force: true })
    },
  }
}
