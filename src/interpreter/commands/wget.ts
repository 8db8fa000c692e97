import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { writeText, type Output } from "../Io.ts"
import { parseUrl, send } from "./net/Http.ts"
import { denyAll } from "./net/Policy.ts"
import { openFileOutput } from "./shared/FileOutput.ts"

/**
 * `wget`: download URLs with `fetch` into files (or `-O FILE`, `-O -` for
 * stdout), behind the same network policy as `curl`. Without `-q` it
 * reports each download in one line, as `wget -nv` does.
 */
export const wget = make("wget", {
  summary: "The non-interactive network downloader.",
  flags: {
    quiet: Flag.boolean("q", "quiet", "quiet (no output)"),
    output: Flag.string("O", "output-document", "write documents to FILE", { arg: "FILE" }),
    header: Flag.list(null, "header", "insert STRING among the headers", { arg: "STRING" }),
    userAgent: Flag.string("U", "user-agent", "identify as AGENT instead of Wget/VERSION", { arg: "AGENT" }),
  },
  operands: { usage: "[URL]..." },
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      if (operands.length === 0) {
        yield* writeText(
          ctx.stderr,
          "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n",
        )
        return 1
      }
      const say = (text: string) => (flags.quiet ? Effect.void : writeText(ctx.stderr, text))
      const headers: Array<readonly [string, string]> = [["User-Agent", flags.userAgent ?? "Wget/1.21.3"]]
      for (const h of flags.header) {
        const colon = h.indexOf(":")
        if (colon > 0) headers.push([h.slice(0, colon).trim(), h.slice(colon + 1).trim()])
      }
      let status = 0
      // One -O file receives every document, as with wget.
      const shared =
        flags.output === undefined || flags.output === "-"
          ? undefined
          : yield* openFileOutput(ctx, ctx.resolve(flags.output))
      for (const operand of operands) {
        const url = parseUrl(operand)
        if (url === undefined) {
          yield* say(`${operand}: Invalid URL ${operand}: Unsupported scheme\n`)
          status = 1
          continue
        }
        const response = yield* Effect.result(
          send(ctx.network ?? denyAll, { url, method: "GET", headers, body: undefined, follow: true }),
        )
        if (response._tag === "Failure") {
          const e = response.failure
          // A refusal by the policy is reported even under -q, so that the caller learns why.
          if (e.kind === "blocked")
            yield* writeText(ctx.stderr, `Connecting to ${e.host}:${e.port}... failed: ${e.message}.\n`)
          else if (e.kind === "resolve") yield* say(`wget: unable to resolve host address '${e.host}'\n`)
          else yield* say(`failed: Connection refused.\n`)
          status = 4
          continue
        }
        const r = response.success
        if (r.status >= 400) {
          yield* r.discard
          yield* say(`${operand}:\n${stamp()} ERROR ${r.status}: ${r.statusText}.\n`)
          status = 8
          continue
        }
        const name =
          flags.output ??
          (decodeURIComponent(r.url.pathname.slice(r.url.pathname.lastIndexOf("/") + 1)) || "index.html")
        const own = shared === undefined && name !== "-" ? yield* openFileOutput(ctx, ctx.resolve(name)) : undefined
        const out: Output = own?.output ?? shared?.output ?? ctx.stdout
        const size = yield* Effect.result(r.pipe(out))
        const closed = own === undefined ? undefined : yield* own.close
        if (size._tag === "Failure") {
          const e = size.failure
          if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
          yield* say(`${stamp()} (read error: ${e.message}).\n`)
          status = 4
          continue
        }
        if (closed !== undefined) {
          yield* writeText(ctx.stderr, `${name}: ${errorText(closed)}\n`)
          status = 3
          continue
        }
        yield* say(`${stamp()} URL:${r.url.href} [${size.success}/${size.success}] -> "${name}" [1]\n`)
      }
      if (shared !== undefined) {
        const closed = yield* shared.close
        if (closed !== undefined) {
          yield* writeText(ctx.stderr, `${flags.output}: ${errorText(closed)}\n`)
          return 3
        }
      }
      return status
    }),
})

const stamp = (): string => new Date().toISOString().replace("T", " ").slice(0, 19)
