/**
 * xxd's output styles as a streaming dumper: bytes are fed in chunks and
 * only a partial output line is held between them.
 */

/** The output style. */
export type HexType = "normal" | "postscript" | "cinclude" | "bits" | "little"

/** What shapes a dump. */
export interface DumpOptions {
  readonly hextype: HexType
  readonly cols: number
  readonly group: number
  readonly upper: boolean
  readonly capitalize: boolean
  readonly decimal: boolean
  readonly autoskip: boolean
  readonly displayOffset: number
  /** The `-i` variable name (`-n`, else the input file name; none for stdin). */
  readonly varname: string | undefined
}

/** A dump in progress. */
export interface Dumper {
  readonly feed: (bytes: Uint8Array) => void
  readonly end: () => void
}

/** Start a dump of bytes found at file offset `start`, writing text through `out`. */
export const makeDumper = (o: DumpOptions, start: number, out: (s: string) => void): Dumper => {
  const hexx = o.upper ? "0123456789ABCDEF" : "0123456789abcdef"
  const hex = (b: number) => hexx[(b >> 4) & 15] + hexx[b & 15]
  const { cols, group } = o
  if (o.hextype === "cinclude") return includeDumper(o, hex, out)
  if (o.hextype === "postscript") {
    let p = cols
    let text = ""
    return {
      feed: (bytes) => {
        for (const b of bytes) {
          text += hex(b)
          if (cols > 0 && !--p) {
            text += "\n"
            p = cols
          }
        }
        out(text)
        text = ""
      },
      end: () => {
        if (cols === 0 || p < cols) out("\n")
      },
    }
  }
  const grplen = o.hextype === "bits" ? 8 * group + 1 : 2 * group + 1
  // Autoskip state, as xxd's xxdline: runs of all-zero lines collapse to `*`.
  let zeroSeen = 0
  let held = ""
  const emit = (line: string, nz: number) => {
    if (!nz && zeroSeen === 1) held = line
    if (nz || !zeroSeen++) {
      if (nz) {
        if (nz < 0) zeroSeen--
        if (zeroSeen === 2) out(held)
        if (zeroSeen > 2) out("*\n")
      }
      if (nz >= 0 || zeroSeen > 0) out(line)
      if (nz) zeroSeen = 0
    }
  }
  const lineOf = (bytes: Uint8Array, offset: number): { text: string; nonzero: number } => {
    const shown = offset + o.displayOffset
    const addr = o.decimal ? String(shown).padStart(8, "0") : shown.toString(16).padStart(8, "0")
    const addrlen = addr.length + 1
    const line: Array<string> = [...(addr + ":")]
    const asciiStart = addrlen + 3 + Math.floor((grplen * cols - 1) / group)
    let nonzero = 0
    let end = 0
    for (let p = 0; p < bytes.length; p++) {
      const e = bytes[p]
      const x = o.hextype === "little" ? p ^ (group - 1) : p
      let c = addrlen + 1 + Math.floor((grplen * x) / group)
      for (const ch of o.hextype === "bits" ? e.toString(2).padStart(8, "0") : hex(e)) line[c++] = ch
      if (e) nonzero++
      end = asciiStart + p
      line[end] = e > 31 && e < 127 ? String.fromCharCode(e) : "."
    }
    let s = ""
    for (let k = 0; k <= end; k++) s += line[k] ?? " "
    return { text: s + "\n", nonzero }
  }
  let pending = new Uint8Array(cols)
  let filled = 0
  let offset = start
  let last = ""
  let any = false
  return {
    feed: (bytes) => {
      for (let i = 0; i < bytes.length;) {
        const take = Math.min(cols - filled, bytes.length - i)
        pending.set(bytes.subarray(i, i + take), filled)
        filled += take
        i += take
        if (filled === cols) {
          const { text, nonzero } = lineOf(pending, offset)
          last = text
          any = true
          emit(text, o.autoskip ? nonzero : 1)
          offset += cols
          filled = 0
          pending = new Uint8Array(cols)
        }
      }
    },
    end: () => {
      if (filled > 0) emit(lineOf(pending.subarray(0, filled), offset).text, 1)
      // A last full line gives suppressed zero lines their last chance to show.
      else if (o.autoskip && any) emit(last, -1)
    },
  }
}

const includeDumper = (o: DumpOptions, hex: (b: number) => string, out: (s: string) => void): Dumper => {
  const ident = (s: string) =>
    (/^\d/.test(s) ? "__" : "") +
    [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? (o.capitalize ? c.toUpperCase() : c) : "_")).join("")
  const name = o.varname
  if (name !== undefined) out(`unsigned char ${ident(name)}[] = {\n`)
  let p = 0
  return {
    feed: (bytes) => {
      let text = ""
      for (const b of bytes) {
        text += (p % o.cols ? ", " : !p ? "  " : ",\n  ") + (o.upper ? `0X${hex(b)}` : `0x${hex(b)}`)
        p++
      }
      out(text)
    },
    end: () => {
      if (p > 0) out("\n")
      if (name !== undefined) out(`};\nunsigned int ${ident(name)}_${o.capitalize ? "LEN" : "len"} = ${p};\n`)
    },
  }
}
