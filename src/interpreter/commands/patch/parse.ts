/**
 * Reading a patch: unified, context and normal diffs, git's extended
 * headers, any number of files, with the text around them (mail headers,
 * commit messages) skipped as GNU patch skips it. Lines are latin1 strings.
 */

/** One line of a hunk: context, deleted or inserted, and whether it ends in a newline. */
export interface HunkLine {
  readonly op: " " | "-" | "+"
  readonly text: string
  /** False when a `\ No newline at end of file` marker follows it. */
  eol: boolean
}

/** One hunk, numbered from 1 within its file. */
export interface Hunk {
  readonly oldStart: number
  readonly oldCount: number
  readonly newStart: number
  readonly newCount: number
  readonly lines: Array<HunkLine>
  /** The hunk as it appeared in the patch, for the reject file. */
  readonly text: ReadonlyArray<string>
}

/** The patch of one file. */
export interface FilePatch {
  readonly oldName: string | undefined
  readonly newName: string | undefined
  readonly indexName: string | undefined
  readonly git: boolean
  /** The header lines (`--- a`, `+++ b`) for the reject file. */
  readonly header: ReadonlyArray<string>
  /** Lines of the patch between the previous file and the first hunk (for "can't find file"). */
  readonly leading: ReadonlyArray<string>
  /** 1-based line of the patch where the first hunk starts. */
  readonly hunkLine: number
  readonly hunks: ReadonlyArray<Hunk>
}

/** A file name from a header line: the text before a tab (timestamp), unquoted. */
const nameOf = (rest: string): string => {
  let s = rest
  const tab = s.indexOf("\t")
  if (tab !== -1) s = s.slice(0, tab)
  else {
    // `--- name 2024-01-01 00:00:00` without a tab: drop a trailing timestamp.
    const m = /^(.*?) +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?( [+-]\d{4})?$/.exec(s)
    if (m !== null) s = m[1]
  }
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = unquote(s.slice(1, -1))
  return s.trimEnd()
}

const ESC: Record<string, string> = {
  n: "\n",
  t: "\t",
  '"': '"',
  "\\": "\\",
  a: "\u0007",
  b: "\b",
  f: "\f",
  r: "\r",
  v: "\v",
}

/** Git's C-style quoting of unusual names. */
const unquote = (s: string): string =>
  s.replace(/\\([0-7]{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(parseInt(e, 8)) : (ESC[e] ?? e)))

const UNIFIED = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/
const CONTEXT_OLD = /^\*\*\* (\d+)(?:,(\d+))? \*\*\*\*/
const CONTEXT_NEW = /^--- (\d+)(?:,(\d+))? ----/
const NORMAL = /^(\d+)(?:,(\d+))?([acd])(\d+)(?:,(\d+))?$/

/** Split a patch into the files it changes. */
export const parsePatch = (text: string): Array<FilePatch> => {
  const lines = text.split("\n")
  if (lines[lines.length - 1] === "") lines.pop()
  const files: Array<FilePatch> = []
  let i = 0
  let sectionStart = 0
  let oldName: string | undefined
  let newName: string | undefined
  let indexName: string | undefined
  let git = false
  let header: Array<string> = []
  const reset = () => {
    oldName = newName = indexName = undefined
    git = false
    header = []
  }
  const finish = (hunks: Array<Hunk>, hunkLine: number) => {
    files.push({
      oldName,
      newName,
      indexName,
      git,
      header,
      leading: lines.slice(sectionStart, hunkLine - 1),
      hunkLine,
      hunks,
    })
    reset()
    sectionStart = i
  }
  while (i < lines.length) {
    const line = lines[i]
    if (line.startsWith("diff --git ")) {
      reset()
      git = true
      const m = /^diff --git (?:"((?:[^"\\]|\\.)*)"|(\S+)) (?:"((?:[^"\\]|\\.)*)"|(\S+))$/.exec(line)
      if (m !== null) {
        oldName = m[1] !== undefined ? unquote(m[1]) : m[2]
        newName = m[3] !== undefined ? unquote(m[3]) : m[4]
      }
      i++
      continue
    }
    if (line.startsWith("Index: ")) {
      indexName = line.slice(7).trim()
      i++
      continue
    }
    if (git && line.startsWith("new file mode")) {
      oldName = "/dev/null"
      i++
      continue
    }
    if (git && line.startsWith("deleted file mode")) {
      newName = "/dev/null"
      i++
      continue
    }
    if (
      line.startsWith("--- ") &&
      i + 1 < lines.length &&
      lines[i + 1].startsWith("+++ ") &&
      UNIFIED.test(lines[i + 2] ?? "")
    ) {
      oldName = nameOf(line.slice(4))
      newName = nameOf(lines[i + 1].slice(4))
      header = [line, lines[i + 1]]
      i += 2
      const hunkLine = i + 1
      finish(readUnified(), hunkLine)
      continue
    }
    if (
      line.startsWith("*** ") &&
      i + 2 < lines.length &&
      lines[i + 1].startsWith("--- ") &&
      lines[i + 2].startsWith("***************")
    ) {
      oldName = nameOf(line.slice(4))
      newName = nameOf(lines[i + 1].slice(4))
      header = [line, lines[i + 1]]
      i += 2
      const hunkLine = i + 1
      finish(readContext(), hunkLine)
      continue
    }
    if (NORMAL.test(line) && (lines[i + 1]?.startsWith("< ") || lines[i + 1]?.startsWith("> "))) {
      const hunkLine = i + 1
      finish(readNormal(), hunkLine)
      continue
    }
    if (git && line.startsWith("GIT binary patch")) {
      i++
      continue
    }
    i++
  }
  return files

  function noNewline(list: Array<HunkLine>): boolean {
    if (lines[i]?.startsWith("\\") && list.length > 0) {
      list[list.length - 1].eol = false
      i++
      return true
    }
    return false
  }

  function readUnified(): Array<Hunk> {
    const hunks: Array<Hunk> = []
    while (i < lines.length) {
      const m = UNIFIED.exec(lines[i])
      if (m === null) break
      const start = i
      const oldCount = m[2] === undefined ? 1 : Number(m[2])
      const newCount = m[4] === undefined ? 1 : Number(m[4])
      i++
      const list: Array<HunkLine> = []
      let olds = 0
      let news = 0
      while (i < lines.length && (olds < oldCount || news < newCount)) {
        const l = lines[i]
        const c = l === "" ? " " : l[0]
        if (c !== " " && c !== "-" && c !== "+") break
        list.push({ op: c, text: l.slice(1), eol: true })
        if (c !== "+") olds++
        if (c !== "-") news++
        i++
        noNewline(list)
      }
      noNewline(list)
      hunks.push({
        oldStart: Number(m[1]),
        oldCount,
        newStart: Number(m[3]),
        newCount,
        lines: list,
        text: lines.slice(start, i),
      })
    }
    return hunks
  }

  function readContext(): Array<Hunk> {
    const hunks: Array<Hunk> = []
    while (i < lines.length && lines[i].startsWith("***************")) {
      const start = i
      i++
      const mo = CONTEXT_OLD.exec(lines[i] ?? "")
      if (mo === null) break
      i++
      const oldSide: Array<HunkLine> = []
      const marks0: Array<string> = []
      while (i < lines.length && !CONTEXT_NEW.test(lines[i])) {
        const l = lines[i]
        if (l.startsWith("\\")) {
          noNewline(oldSide)
          continue
        }
        marks0.push(l[0] ?? " ")
        oldSide.push({ op: l[0] === " " || l === "" ? " " : "-", text: l.slice(2), eol: true })
        i++
      }
      const mn = CONTEXT_NEW.exec(lines[i] ?? "")
      if (mn === null) break
      i++
      const newSide: Array<HunkLine> = []
      while (i < lines.length && /^[ +!\\-]/.test(lines[i]) && !lines[i].startsWith("***************")) {
        const l = lines[i]
        if (l.startsWith("\\")) {
          noNewline(newSide)
          continue
        }
        if (l.startsWith("--- ") && CONTEXT_NEW.test(l)) break
        newSide.push({ op: l[0] === " " ? " " : "+", text: l.slice(2), eol: true })
        i++
      }
      const oldStart = Number(mo[1])
      const oldEnd = mo[2] === undefined ? oldStart : Number(mo[2])
      const newStart = Number(mn[1])
      const newEnd = mn[2] === undefined ? newStart : Number(mn[2])
      hunks.push({
        oldStart,
        oldCount: oldSide.length > 0 ? oldEnd - oldStart + 1 : oldEnd === 0 ? 0 : oldEnd - oldStart + 1,
        newStart,
        newCount: newSide.length > 0 ? newEnd - newStart + 1 : newEnd === 0 ? 0 : newEnd - newStart + 1,
        lines: mergeContext(oldSide, newSide),
        text: lines.slice(start, i),
      })
    }
    return hunks
  }

  function readNormal(): Array<Hunk> {
    const hunks: Array<Hunk> = []
    while (i < lines.length) {
      const m = NORMAL.exec(lines[i])
      if (m === null) break
      const start = i
      i++
      const list: Array<HunkLine> = []
      while (i < lines.length && lines[i].startsWith("< ")) {
        list.push({ op: "-", text: lines[i].slice(2), eol: true })
        i++
        noNewline(list)
      }
      if (lines[i] === "---") i++
      while (i < lines.length && lines[i].startsWith("> ")) {
        list.push({ op: "+", text: lines[i].slice(2), eol: true })
        i++
        noNewline(list)
      }
      const a = Number(m[1])
      const b = m[2] === undefined ? a : Number(m[2])
      const c = Number(m[4])
      const d = m[5] === undefined ? c : Number(m[5])
      const kind = m[3]
      hunks.push({
        oldStart: kind === "a" ? a : a,
        oldCount: kind === "a" ? 0 : b - a + 1,
        newStart: c,
        newCount: kind === "d" ? 0 : d - c + 1,
        lines: list,
        text: lines.slice(start, i),
      })
    }
    return hunks
  }
}

/** A context-diff hunk's two sides as one unified list. */
const mergeContext = (oldSide: ReadonlyArray<HunkLine>, newSide: ReadonlyArray<HunkLine>): Array<HunkLine> => {
  if (newSide.length === 0) return [...oldSide]
  if (oldSide.length === 0) return newSide.map((l) => ({ ...l }))
  const out: Array<HunkLine> = []
  let i = 0
  let j = 0
  while (i < oldSide.length || j < newSide.length) {
    if (i < oldSide.length && j < newSide.length && oldSide[i].op === " " && newSide[j].op === " ") {
      out.push(oldSide[i])
      i++
      j++
      continue
    }
    while (i < oldSide.length && oldSide[i].op === "-") out.push(oldSide[i++])
    while (j < newSide.length && newSide[j].op === "+") out.push(newSide[j++])
    if (i < oldSide.length && oldSide[i].op === " " && j >= newSide.length) out.push(oldSide[i++])
    else if (j < newSide.length && newSide[j].op === " " && i >= oldSide.length) out.push(newSide[j++])
  }
  return out
}
