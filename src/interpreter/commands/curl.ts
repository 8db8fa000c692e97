import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { writeText, type Output } from "../Io.ts"
import { parseUrl, send, type NetError } from "./net/Http.ts"
import { denyAll } from "./net/Policy.ts"
import { openFileOutput } from "./shared/FileOutput.ts"

/** curl's message and exit code for a request that got no response. */
const failure = (e: NetError): { readonly code: number; readonly message: string } => {
  switch (e.kind) {
    case "blocked":
      // As curl words a refused connection, with the reason in place of "Couldn't connect to server".
      return { code: 7, message: `(7) Failed to connect to ${e.host} port ${e.port} after 0 ms: ${e.message}` }
    case "resolve":
      return { code: 6, message: `(6) Could not resolve host: ${e.host}` }
    case "connect":
      return {
        code: 7,
        message: `(7) Failed to connect to ${e.host} port ${e.port} after 0 ms: Couldn't connect to server`,
      }
    case "timeout":
      return { code: 28, message: "(28) Operation timed out" }
    default:
      return { code: 56, message: `(56) Failure when receiving data from the peer${e.message ? `: ${e.message}` : ""}` }
  }
}

/** `-w` variables and escapes. */
const writeOut = (format: string, vars: Readonly<Record<string, string>>): string =>
  format
    .replace(/%\{([a-z_]+)\}/g, (all, name: string) => vars[name] ?? "")
    .replace(/\\([nrt\\])/g, (_, c: string) => (c === "n" ? "\n" : c === "r" ? "\r" : c === "t" ? "\t" : "\\"))

const encoder = new TextEncoder()

/**
 * `curl`: transfer URLs with `fetch`. Only what the workspace's network
 * policy allows is reached; a refusal is reported even under `-s`, so that
 * the caller learns why. No progress meter is drawn.
 */
export const curl = make("curl", {
  summary: "transfer a URL",
  flags: {
    silent: Flag.boolean("s", "silent", "Silent mode"),
    showError: Flag.boolean("S", "show-error", "Show error even when -s is used"),
    fail: Flag.boolean("f", "fail", "Fail fast with no output on HTTP errors"),
    location: Flag.boolean("L", "location", "Follow redirects"),
    output: Flag.string("o", "output", "Write to file instead of stdout", { arg: "file" }),
    remoteName: Flag.boolean("O", "remote-name", "Write output to a file named as the remote file"),
    request: Flag.string("X", "request", "Specify request method to use", { arg: "method" }),
    header: Flag.list("H", "header", "Pass custom header(s) to server", { arg: "header" }),
    data: Flag.list("d", ["data", "data-ascii"], "HTTP POST data", { arg: "data" }),
    dataBinary: Flag.list(null, "data-binary", "HTTP POST binary data", { arg: "data" }),
    include: Flag.boolean("i", "include", "Include protocol response headers in the output"),
    head: Flag.boolean("I", "head", "Show document info only"),
    writeOut: Flag.string("w", "write-out", "Use output FORMAT after completion", { arg: "format" }),
    userAgent: Flag.string("A", "user-agent", "Send User-Agent <name> to server", { arg: "name" }),
    insecure: Flag.boolean("k", "insecure", "(accepted)"),
    compressed: Flag.boolean(null, "compressed", "(accepted)"),
  },
  operands: { usage: "<url>..." },
  usageStatus: 2,
  run: ({ flags, occurrences, operands, ctx }) =>
    Effect.gen(function* () {
      const quietErrors = flags.silent && !flags.showError
      const complain = (text: string) => (quietErrors ? Effect.void : writeText(ctx.stderr, `curl: ${text}\n`))
      if (operands.length === 0) {
        yield* writeText(ctx.stderr, "curl: try 'curl --help' or 'curl --manual' for more information\n")
        return 2
      }
      // Request bodies: -d strips newlines from @files and joins pieces with &, --data-binary keeps bytes.
      const pieces: Array<Uint8Array> = []
      for (const [list, binary] of [
        [flags.data, false],
        [flags.dataBinary, true],
      ] as const) {
        for (const d of list) {
          if (d.startsWith("@")) {
            const file = d.slice(1)
            const read = yield* Effect.result(ctx.fs.readFile(ctx.resolve(file)))
            if (read._tag === "Failure") {
              yield* complain(`Failed to open ${file}`)
              yield* complain(`(26) Failed to open/read local data from file/application`)
              return 26
            }
            const bytes = binary
              ? read.success
              : encoder.encode(new TextDecoder().decode(read.success).replace(/[\r\n]/g, ""))
            pieces.push(bytes)
          } else pieces.push(encoder.encode(d))
        }
      }
      let body: Uint8Array | undefined
      if (pieces.length > 0) {
        const joined = pieces.flatMap((p, i) => (i === 0 ? [p] : [encoder.encode("&"), p]))
        body = new Uint8Array(joined.reduce((n, p) => n + p.length, 0))
        let o = 0
        for (const p of joined) {
          body.set(p, o)
          o += p.length
        }
      }
      const headers: Array<readonly [string, string]> = []
      for (const h of flags.header) {
        const colon = h.indexOf(":")
        if (colon > 0) headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()])
      }
      if (flags.userAgent !== undefined) headers.push(["User-Agent", flags.userAgent])
      else if (!headers.some(([k]) => k.toLowerCase() === "user-agent")) headers.push(["User-Agent", "curl/7.88.1"])
      if (body !== undefined && !headers.some(([k]) => k.toLowerCase() === "content-type")) {
        headers.push(["Content-Type", "application/x-www-form-urlencoded"])
      }
      const method = flags.request ?? (flags.head ? "HEAD" : body !== undefined ? "POST" : "GET")
      // Each -o or -O belongs to the next URL in order, as curl pairs them.
      const outputs = occurrences.filter((o) => o.key === "output" || o.key === "remoteName")
      let status = 0
      for (const [index, operand] of operands.entries()) {
        const url = parseUrl(operand)
        if (url === undefined) {
          yield* complain(`(3) URL using bad/illegal format or missing URL`)
          status = 3
          continue
        }
        const spec = outputs[index]
        let outName: string | undefined = spec?.key === "output" ? spec.value : undefined
        if (spec?.key === "remoteName") {
          outName = decodeURIComponent(url.pathname.slice(url.pathname.lastIndexOf("/") + 1))
          if (outName === "") {
            yield* complain("Remote file name has no length!")
            yield* complain("(23) Failed writing received data to disk/application")
            status = 23
            continue
          }
        }
        const response = yield* Effect.result(
          send(ctx.network ?? denyAll, { url, method, headers, body, follow: flags.location }),
        )
        if (response._tag === "Failure") {
          const f = failure(response.failure)
          yield* response.failure.kind === "blocked"
            ? writeText(ctx.stderr, `curl: ${f.message}\n`)
            : complain(f.message)
          status = f.code
          continue
        }
        const r = response.success
        if (flags.fail && r.status >= 400) {
          yield* r.discard
          yield* complain(`(22) The requested URL returned error: ${r.status}`)
          status = 22
          continue
        }
        const file =
          outName === undefined || outName === "-" ? undefined : yield* openFileOutput(ctx, ctx.resolve(outName))
        const out: Output = file?.output ?? ctx.stdout
        if (flags.include || flags.head) {
          const head = `HTTP/1.1 ${r.status} ${r.statusText}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`
          yield* writeText(out, head)
        }
        const size = flags.head ? 0 : yield* Effect.result(r.pipe(out))
        const closed = file === undefined ? undefined : yield* file.close
        if (typeof size !== "number" && size._tag === "Failure") {
          const e = size.failure
          if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
          const f = failure(e)
          yield* complain(f.message)
          status = f.code
          continue
        }
        if (closed !== undefined) {
          yield* complain(`(23) Failure writing output to destination: ${errorText(closed)}`)
          status = 23
          continue
        }
        if (flags.writeOut !== undefined) {
          const downloaded = typeof size === "number" ? size : size.success
          const type = r.headers.find(([k]) => k === "content-type")?.[1] ?? ""
          yield* writeText(
            ctx.stdout,
            writeOut(flags.writeOut, {
              http_code: String(r.status).padStart(3, "0"),
              response_code: String(r.status),
              size_download: String(downloaded),
              content_type: type,
              url_effective: r.url.href,
            }),
          )
        }
      }
      return status
    }),
})
