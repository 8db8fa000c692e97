import { isWordByte, type Anchor, type ByteSet, type Node } from "./syntax.ts"

/**
 * A Pike VM over a parsed pattern that finds the longest match starting at
 * a given position, as POSIX requires (`a|ab` matches all of "ab"; a
 * JavaScript regex stops at "a"). Among paths of that length it keeps the
 * one a backtracking matcher would try first, which gives the submatches
 * glibc gives in the common cases. Back-references are not supported: a
 * pattern with one is left to the JavaScript engine.
 */

const CHAR = 0
const SET = 1
const SPLIT = 2
const JMP = 3
const SAVE = 4
const ASSERT = 5
const MATCH = 6
/** Record where an optional iteration starts (in extra slot `x`). */
const MARK = 7
/** End of an optional iteration: fail if it matched nothing (as JavaScript and glibc do). */
const CHECK = 8

const ANCHORS: ReadonlyArray<Anchor> = ["bol", "eol", "bufStart", "bufEnd", "wordB", "notWordB", "wordStart", "wordEnd"]

/** Programs past this size are not worth simulating (huge `{m,n}` counts). */
const MAX_PROGRAM = 5000

/** A compiled program; `longest` runs it. */
export interface Program {
  /**
   * The longest match starting exactly at `start`: fills `regs` (start/end
   * pairs, -1 when unset; only the first pair without `withGroups`) and
   * gives true, or gives false when none. Registers that already hold a
   * match of that extent (from a backtracking engine) are kept.
   */
  readonly longest: (s: string, start: number, regs: Int32Array, withGroups: boolean) => boolean
  /**
   * The leftmost-longest match at or after `from`, in time linear in the
   * input (for patterns a backtracking engine can take exponential time
   * on): sets `regs[0]`/`regs[1]` and gives true, or gives false.
   */
  readonly search: (s: string, from: number, regs: Int32Array) => boolean
}

/** Compile `node` for `groups` groups; undefined when the pattern cannot run here. */
export const compile = (node: Node | null, groups: number, multiline: boolean, delim: number): Program | undefined => {
  const op: Array<number> = []
  const x: Array<number> = []
  const y: Array<number> = []
  const sets: Array<ByteSet> = []
  let marks = 0
  let ok = true
  const emit = (o: number, a = 0, b = 0): number => {
    op.push(o)
    x.push(a)
    y.push(b)
    if (op.length > MAX_PROGRAM) ok = false
    return op.length - 1
  }
  const gen = (n: Node | null): void => {
    if (n === null || !ok) return
    switch (n.t) {
      case "char":
        emit(CHAR, n.c)
        return
      case "set":
        sets.push(n.set)
        emit(SET, sets.length - 1)
        return
      case "anchor":
        emit(ASSERT, ANCHORS.indexOf(n.a))
        return
      case "group":
        emit(SAVE, 2 * n.n)
        gen(n.body)
        emit(SAVE, 2 * n.n + 1)
        return
      case "backref":
        ok = false
        return
      case "cat":
        for (const item of n.items) gen(item)
        return
      case "alt": {
        const split = emit(SPLIT)
        x[split] = op.length
        gen(n.left)
        const jmp = emit(JMP)
        y[split] = op.length
        gen(n.right)
        x[jmp] = op.length
        return
      }
      case "repeat": {
        for (let i = 0; i < n.min; i++) gen(n.body)
        const optional = () => {
          const slot = 2 * (groups + 1) + marks++
          emit(MARK, slot)
          gen(n.body)
          emit(CHECK, slot)
        }
        if (n.max === -1) {
          const split = emit(SPLIT)
          x[split] = op.length
          optional()
          emit(JMP, split)
          y[split] = op.length
        } else {
          const splits: Array<number> = []
          for (let i = n.min; i < n.max && ok; i++) {
            const split = emit(SPLIT)
            x[split] = op.length
            splits.push(split)
            optional()
          }
          for (const s of splits) y[s] = op.length
        }
        return
      }
    }
  }
  emit(SAVE, 0)
  gen(node)
  emit(SAVE, 1)
  emit(MATCH)
  if (!ok) return undefined
  return makeRunner(Int8Array.from(op), Int32Array.from(x), Int32Array.from(y), sets, groups, marks, multiline, delim)
}

const makeRunner = (
  op: Int8Array,
  x: Int32Array,
  y: Int32Array,
  sets: ReadonlyArray<ByteSet>,
  groups: number,
  marks: number,
  multiline: boolean,
  delim: number,
): Program => {
  const size = op.length
  const slots = 2 * (groups + 1) + marks
  const mark = new Int32Array(size)
  let generation = 0
  // Thread lists of the capture-free modes: program counters, and where each thread's match started.
  let cpcs = new Int32Array(size)
  let npcs = new Int32Array(size)
  let cstarts = new Int32Array(size)
  let nstarts = new Int32Array(size)

  const holds = (s: string, kind: number, pos: number): boolean => {
    const n = s.length
    switch (ANCHORS[kind]) {
      case "bol":
        return pos === 0 || (multiline && s.charCodeAt(pos - 1) === delim)
      case "eol":
        return pos === n || (multiline && s.charCodeAt(pos) === delim)
      case "bufStart":
        return pos === 0
      case "bufEnd":
        return pos === n
      default: {
        const before = pos > 0 && isWordByte(s.charCodeAt(pos - 1))
        const after = pos < n && isWordByte(s.charCodeAt(pos))
        const a = ANCHORS[kind]
        if (a === "wordB") return before !== after
        if (a === "notWordB") return before === after
        if (a === "wordStart") return !before && after
        return before && !after
      }
    }
  }

  // Bytes that can begin a match, and whether the empty string matches: lets
  // `search` skip text where no match can start. Assertions are passed
  // through, which only makes the set larger.
  const first = new Uint8Array(256)
  let nullable = false
  {
    const seen = new Uint8Array(size)
    const walk = (pc: number): void => {
      if (seen[pc] === 1) return
      seen[pc] = 1
      switch (op[pc]) {
        case JMP:
          walk(x[pc])
          return
        case SPLIT:
          walk(x[pc])
          walk(y[pc])
          return
        case SAVE:
        case MARK:
        case CHECK:
        case ASSERT:
          walk(pc + 1)
          return
        case MATCH:
          nullable = true
          return
        case CHAR:
          first[x[pc]] = 1
          return
        default: {
          const set = sets[x[pc]]
          for (let c = 0; c < 256; c++) first[c] |= set[c]
        }
      }
    }
    walk(0)
  }

  const consumes = (pc: number, c: number) => (op[pc] === CHAR ? x[pc] === c : sets[x[pc]][c] === 1)

  /** Only the end of the longest match: no captures to carry, so threads are just program counters. */
  const longestEnd = (s: string, start: number): number => {
    const n = s.length
    let best = -1
    let ccount = 0
    let ncount = 0
    const add = (pc: number, pos: number, next: boolean): void => {
      if (mark[pc] === generation) return
      mark[pc] = generation
      switch (op[pc]) {
        case JMP:
          add(x[pc], pos, next)
          return
        case SPLIT:
          add(x[pc], pos, next)
          add(y[pc], pos, next)
          return
        case SAVE:
        case MARK:
        case CHECK:
          add(pc + 1, pos, next)
          return
        case ASSERT:
          if (holds(s, x[pc], pos)) add(pc + 1, pos, next)
          return
        case MATCH:
          if (pos > best) best = pos
          return
        default:
          if (next) npcs[ncount++] = pc
          else cpcs[ccount++] = pc
      }
    }
    generation++
    add(0, start, false)
    for (let pos = start; ccount > 0 && pos < n; pos++) {
      generation++
      ncount = 0
      const c = s.charCodeAt(pos)
      for (let i = 0; i < ccount; i++) {
        const pc = cpcs[i]
        if (consumes(pc, c)) add(pc + 1, pos + 1, true)
      }
      const swap = cpcs
      cpcs = npcs
      npcs = swap
      ccount = ncount
    }
    return best
  }

  /** Unanchored: a thread starts at every position until a match is found; earlier starts win. */
  const search = (s: string, from: number, regs: Int32Array): boolean => {
    const n = s.length
    let bestStart = -1
    let bestEnd = -1
    let ccount = 0
    let ncount = 0
    const add = (pc: number, pos: number, start: number): void => {
      if (mark[pc] === generation) return
      mark[pc] = generation
      switch (op[pc]) {
        case JMP:
          add(x[pc], pos, start)
          return
        case SPLIT:
          add(x[pc], pos, start)
          add(y[pc], pos, start)
          return
        case SAVE:
        case MARK:
        case CHECK:
          add(pc + 1, pos, start)
          return
        case ASSERT:
          if (holds(s, x[pc], pos)) add(pc + 1, pos, start)
          return
        case MATCH:
          if (bestStart === -1 || start < bestStart || (start === bestStart && pos > bestEnd)) {
            bestStart = start
            bestEnd = pos
          }
          return
        default:
          npcs[ncount] = pc
          nstarts[ncount++] = start
      }
    }
    for (let pos = from; pos <= n; pos++) {
      generation++
      ncount = 0
      if (pos > from) {
        const c = s.charCodeAt(pos - 1)
        for (let i = 0; i < ccount; i++) {
          const pc = cpcs[i]
          if ((bestStart === -1 || cstarts[i] <= bestStart) && consumes(pc, c)) add(pc + 1, pos, cstarts[i])
        }
      }
      // A new thread per position, lowest priority, until some match is known.
      if (bestStart === -1) {
        if (ncount === 0 && !nullable) {
          while (pos < n && first[s.charCodeAt(pos)] === 0) pos++
          if (pos >= n) break
        }
        add(0, pos, pos)
      }
      const swapPcs = cpcs
      cpcs = npcs
      npcs = swapPcs
      const swapStarts = cstarts
      cstarts = nstarts
      nstarts = swapStarts
      ccount = ncount
      if (ccount === 0 && bestStart !== -1) break
    }
    if (bestStart === -1) return false
    regs[0] = bestStart
    regs[1] = bestEnd
    return true
  }

  const longest = (s: string, start: number, regs: Int32Array, withGroups: boolean): boolean => {
    const end = longestEnd(s, start)
    if (end < 0) return false
    // Registers already holding a match of that length are the highest-priority path to it.
    if (regs[0] === start && regs[1] === end) return true
    if (!withGroups) {
      regs[0] = start
      regs[1] = end
      return true
    }
    const n = s.length
    let best: Int32Array | undefined
    let clist: Array<{ pc: number; caps: Int32Array }> = []
    let nlist: Array<{ pc: number; caps: Int32Array }> = []

    // Follow the empty transitions from `pc`, in priority order.
    const add = (list: Array<{ pc: number; caps: Int32Array }>, pc: number, caps: Int32Array, pos: number): void => {
      if (mark[pc] === generation) return
      mark[pc] = generation
      switch (op[pc]) {
        case JMP:
          add(list, x[pc], caps, pos)
          return
        case SPLIT:
          add(list, x[pc], caps, pos)
          add(list, y[pc], caps, pos)
          return
        case SAVE:
        case MARK: {
          const copy = caps.slice()
          copy[x[pc]] = pos
          add(list, pc + 1, copy, pos)
          return
        }
        case CHECK:
          if (caps[x[pc]] !== pos) add(list, pc + 1, caps, pos)
          return
        case ASSERT:
          if (holds(s, x[pc], pos)) add(list, pc + 1, caps, pos)
          return
        case MATCH:
          // The first thread to match at a position has the highest priority; later positions are longer.
          if (best === undefined || best[1] < pos) best = caps
          return
        default:
          list.push({ pc, caps })
      }
    }

    generation++
    add(clist, 0, new Int32Array(slots).fill(-1), start)
    for (let pos = start; clist.length > 0 && pos < n; pos++) {
      generation++
      const c = s.charCodeAt(pos)
      for (const t of clist) if (consumes(t.pc, c)) add(nlist, t.pc + 1, t.caps, pos + 1)
      const swap = clist
      clist = nlist
      nlist = swap
      nlist.length = 0
    }
    if (best === undefined) return false
    regs.set(best.subarray(0, regs.length))
    return true
  }
  return { longest, search }
}
