import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"
import { describe } from "../../vfs/VfsError.ts"
import { zoneFromTZ } from "./date/Zone.ts"
import { dosDateTime, encodeEnd, encodeMember, extractData, readDirectory, type Written } from "./zip/Container.ts"

/** Info-ZIP's `percent`: the space saved, rounded. */
const percent = (size: number, compressed: number): number =>
  size === 0 ? 0 : Math.trunc(((size - compressed) * 200 + size) / (2 * size))

/**
 * `zip`: create or update a zip archive (`zip -r out.zip dir`). Members are
 * read whole, deflated with fflate and stored when that does not shrink
 * them, as Info-ZIP does; an existing archive keeps its other members.
 */
export const zip = make("zip", {
  summary: "Package and compress (archive) files.",
  flags: {
    recurse: Flag.boolean("r", "recurse-paths", "recurse into directories"),
    quiet: Flag.boolean("q", "quiet", "quiet operation"),
    junk: Flag.boolean("j", "junk-paths", "junk (don't record) directory names"),
    store: Flag.boolean("0", null, "store only"),
    fast: Flag.boolean("1", null, "compress faster"),
    best: Flag.boolean("9", null, "compress better"),
  },
  operands: { usage: "zipfile [file]...", min: 1, missing: "" },
  run: ({ flags, occurrences, operands, ctx }) =>
    Effect.gen(function* () {
      const levelKey = occurrences.filter((o) => o.key === "store" || o.key === "fast" || o.key === "best").at(-1)?.key
      const level = levelKey === "store" ? 0 : levelKey === "fast" ? 1 : levelKey === "best" ? 9 : 6
      let archive = operands[0]
      const zone = zoneFromTZ(ctx.env.get("TZ"))
      if (
        !/\.[^/]*$/.test(archive.slice(archive.lastIndexOf("/") + 1)) &&
        !(yield* ctx.fs.exists(ctx.resolve(archive)))
      ) {
        archive += ".zip"
      }
      const archivePath = ctx.resolve(archive)
      const existing = yield* Effect.result(ctx.fs.readFile(archivePath))
      const old = existing._tag === "Success" ? existing.success : undefined
      const oldEntries = old === undefined ? [] : (readDirectory(old) ?? [])
      const members: Array<Written> = []
      const kept = new Map<string, Written>()
      const out: Array<string> = []
      const missing: Array<string> = []

      const add = (operand: string, recurse: boolean): Effect.Effect<void> =>
        Effect.gen(function* () {
          const path = ctx.resolve(operand)
          const st = yield* Effect.result(ctx.fs.stat(path))
          if (st._tag === "Failure") {
            missing.push(operand)
            return
          }
          const directory = st.success.type === "directory"
          let name = operand.replace(/^(\.\/|\/)+/, "")
          if (flags.junk) name = name.slice(name.replace(/\/+$/, "").lastIndexOf("/") + 1)
          if (directory) name = name.endsWith("/") ? name : `${name}/`
          const data = directory ? new Uint8Array(0) : yield* Effect.result(ctx.fs.readFile(path))
          if (!(data instanceof Uint8Array) && data._tag === "Failure") {
            missing.push(operand)
            return
          }
          const bytes = data instanceof Uint8Array ? data : data.success
          if (!(directory && flags.junk)) {
            const seconds = Math.floor(st.success.mtime / 1000)
            const wall = new Date(seconds * 1000 + zone.offset(seconds * 1000) * 1000)
            const written = encodeMember({
              name,
              data: bytes,
              directory,
              mode: st.success.mode,
              mtime: seconds,
              dos: dosDateTime(wall),
              level,
            })
            const updating = oldEntries.some((e) => e.name === name) || kept.has(name)
            kept.set(name, written)
            members.push(written)
            const how = written.method === 8 ? "deflated" : "stored"
            out.push(
              `${updating ? "updating" : "  adding"}: ${name} (${how} ${percent(written.size, written.compressedSize)}%)\n`,
            )
          }
          if (directory && recurse) {
            const entries = yield* Effect.result(ctx.fs.list(path))
            if (entries._tag === "Success") {
              for (const e of entries.success) yield* add(`${operand.replace(/\/+$/, "")}/${e.name}`, true)
            }
          }
        })

      for (const operand of operands.slice(1)) yield* add(operand, flags.recurse)
      // Info-ZIP reports to stdout, every unmatched name before the first member.
      const warnings = missing.map((m) => `\tzip warning: name not matched: ${m}\n`).join("")
      if (members.length === 0) {
        const hint = missing.length > 0 ? `try: zip -r ${archive} . -i ${missing.join(" ")}` : archive
        yield* writeText(ctx.stdout, `${warnings}\nzip error: Nothing to do! (${hint})\n`)
        return 12
      }
      // Members of the old archive that were not replaced keep their place and bytes.
      const parts: Array<Uint8Array> = []
      const central: Array<Uint8Array> = []
      let offset = 0
      const place = (local: Uint8Array, centralFor: (offset: number) => Uint8Array) => {
        central.push(centralFor(offset))
        parts.push(local)
        offset += local.length
      }
      for (const e of oldEntries) {
        if (kept.has(e.name) || old === undefined) continue
        const data = extractData(old, e)
        if (typeof data === "string") continue
        const seconds = e.unixTime ?? 0
        const w = encodeMember({
          name: e.name,
          data,
          directory: e.name.endsWith("/"),
          mode: e.mode ?? 0o644,
          mtime: seconds,
          dos: { date: e.dosDate, time: e.dosTime },
          level,
        })
        place(w.local, w.central)
      }
      for (const w of kept.values()) place(w.local, w.central)
      const cd = central.reduce((n, c) => n + c.length, 0)
      const bytes = new Uint8Array(offset + cd + 22)
      let o = 0
      for (const p of [...parts, ...central, encodeEnd(central.length, cd, offset)]) {
        bytes.set(p, o)
        o += p.length
      }
      yield* writeText(ctx.stdout, warnings + (flags.quiet ? "" : out.join("")))
      const written = yield* Effect.result(ctx.fs.writeFile(archivePath, bytes))
      if (written._tag === "Failure") {
        yield* writeText(
          ctx.stderr,
          `zip I/O error: ${describe(written.failure.reason)}\nzip error: Could not create output file (${archive})\n`,
        )
        return 15
      }
      return 0
    }),
})
