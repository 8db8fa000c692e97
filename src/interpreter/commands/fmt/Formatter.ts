/**
 * GNU fmt's paragraph filler, ported line for line from coreutils' fmt.c:
 * the same paragraph detection, word and sentence rules, and the
 * optimal-fit costs (Knuth-style dynamic programming over break points),
 * so output matches byte for byte. Input is one file's bytes; output goes
 * through `put`.
 */

const LEEWAY = 7
const DEF_INDENT = 3
const MAXCOST = 2 ** 62
const EQUIV = (n: number) => n * n
const SHORT_COST = (n: number) => EQUIV(n * 10)
const RAGGED_COST = (n: number) => Math.trunc(SHORT_COST(n) / 2)
const LINE_COST = EQUIV(70)
const WIDOW_COST = (n: number) => Math.trunc(EQUIV(200) / (n + 2))
const ORPHAN_COST = (n: number) => Math.trunc(EQUIV(150) / (n + 2))
const SENTENCE_BONUS = EQUIV(50)
const NOBREAK_COST = EQUIV(600)
const PAREN_BONUS = EQUIV(40)
const PUNCT_BONUS = EQUIV(40)
const LINE_CREDIT = EQUIV(3)
const MAXWORDS = 1000
const MAXCHARS = 5000
const TABWIDTH = 8
const EOF = -1

const isopen = (c: number) => c === 40 || c === 91 || c === 39 || c === 96 || c === 34
const isclose = (c: number) => c === 41 || c === 93 || c === 39 || c === 34
const isperiod = (c: number) => c === 46 || c === 63 || c === 33
const ispunct = (c: number) =>
  (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)
const isspace = (c: number) => c === 32 || (c >= 9 && c <= 13)

interface Word {
  text: number
  length: number
  space: number
  paren: boolean
  period: boolean
  punct: boolean
  final: boolean
  lineLength: number
  bestCost: number
  nextBreak: number
}

/** fmt's options. */
export interface FmtOptions {
  readonly crown: boolean
  readonly tagged: boolean
  readonly split: boolean
  readonly uniform: boolean
  /** The `-p` string as given (leading and trailing blanks are significant). */
  readonly prefix: string
  readonly maxWidth: number
  readonly goalWidth: number
}

/** The default goal: LEEWAY percent short of the maximum width. */
export const defaultGoal = (maxWidth: number): number => Math.floor((maxWidth * (2 * (100 - LEEWAY) + 1)) / 200)

/** Format one input (a file) as GNU fmt does, writing bytes through `put`. */
export const formatText = (input: Uint8Array, o: FmtOptions, put: (b: number) => void): void => {
  let pos = 0
  const getc = (): number => (pos < input.length ? input[pos++] : EOF)

  // set_prefix
  let p = o.prefix
  let prefixLeadSpace = 0
  while (p.startsWith(" ")) {
    prefixLeadSpace++
    p = p.slice(1)
  }
  const prefixFullLength = p.length
  const prefix = p.replace(/ +$/, "")
  const prefixLength = prefix.length

  const parabuf = new Uint8Array(MAXCHARS)
  let wptr = 0
  const word: Array<Word> = Array.from({ length: MAXWORDS }, () => ({
    text: 0,
    length: 0,
    space: 0,
    paren: false,
    period: false,
    punct: false,
    final: false,
    lineLength: 0,
    bestCost: 0,
    nextBreak: 0,
  }))
  let wordLimit = 0
  let tabs = false
  let prefixIndent = 0
  let firstIndent = 0
  let otherIndent = 0
  let nextChar = 0
  let nextPrefixIndent = 0
  let lastLineLength = 0
  let inColumn = 0
  let outColumn = 0

  const putchar = (c: number) => put(c)
  const putSpace = (space: number) => {
    const spaceTarget = outColumn + space
    if (tabs) {
      const tabTarget = Math.floor(spaceTarget / TABWIDTH) * TABWIDTH
      if (outColumn + 1 < tabTarget)
        while (outColumn < tabTarget) {
          putchar(9)
          outColumn = (Math.floor(outColumn / TABWIDTH) + 1) * TABWIDTH
        }
    }
    while (outColumn < spaceTarget) {
      putchar(32)
      outColumn++
    }
  }
  const putWord = (w: Word) => {
    for (let i = 0; i < w.length; i++) putchar(parabuf[w.text + i])
    outColumn += w.length
  }
  const putLine = (wi: number, indent: number) => {
    outColumn = 0
    putSpace(prefixIndent)
    for (let i = 0; i < prefix.length; i++) putchar(prefix.charCodeAt(i))
    outColumn += prefixLength
    putSpace(indent - outColumn)
    const endline = word[wi].nextBreak - 1
    for (; wi !== endline; wi++) {
      putWord(word[wi])
      putSpace(word[wi].space)
    }
    putWord(word[wi])
    lastLineLength = outColumn
    putchar(10)
  }
  const putParagraph = (finish: number) => {
    putLine(0, firstIndent)
    for (let w = word[0].nextBreak; w !== finish; w = word[w].nextBreak) putLine(w, otherIndent)
  }

  const getSpace = (first: number): number => {
    let c = first
    for (;;) {
      if (c === 32) inColumn++
      else if (c === 9) {
        tabs = true
        inColumn = (Math.floor(inColumn / TABWIDTH) + 1) * TABWIDTH
      } else return c
      c = getc()
    }
  }
  const getPrefix = (): number => {
    inColumn = 0
    let c = getSpace(getc())
    if (prefixLength === 0) nextPrefixIndent = prefixLeadSpace < inColumn ? prefixLeadSpace : inColumn
    else {
      nextPrefixIndent = inColumn
      for (let i = 0; i < prefix.length; i++) {
        if (c !== prefix.charCodeAt(i)) return c
        inColumn++
        c = getc()
      }
      c = getSpace(c)
    }
    return c
  }
  const copyRest = (first: number): number => {
    let c = first
    outColumn = 0
    if (inColumn > nextPrefixIndent || (c !== 10 && c !== EOF)) {
      putSpace(nextPrefixIndent)
      for (let i = 0; outColumn !== inColumn && i < prefix.length; outColumn++) putchar(prefix.charCodeAt(i++))
      if (c !== EOF && c !== 10) putSpace(inColumn - outColumn)
      if (c === EOF && inColumn >= nextPrefixIndent + prefixLength) putchar(10)
    }
    while (c !== 10 && c !== EOF) {
      putchar(c)
      c = getc()
    }
    return c
  }
  const samePara = (c: number) =>
    nextPrefixIndent === prefixIndent && inColumn >= nextPrefixIndent + prefixFullLength && c !== 10 && c !== EOF
  const setOtherIndent = (same: boolean) => {
    if (o.split) otherIndent = firstIndent
    else if (o.crown) otherIndent = same ? inColumn : firstIndent
    else if (o.tagged) {
      if (same && inColumn !== firstIndent) otherIndent = inColumn
      else if (otherIndent === firstIndent) otherIndent = firstIndent === 0 ? DEF_INDENT : 0
    } else otherIndent = firstIndent
  }

  const baseCost = (t: number): number => {
    let cost = LINE_COST
    const w = word[t]
    if (t > 0) {
      const prev = word[t - 1]
      if (prev.period) cost += prev.final ? -SENTENCE_BONUS : NOBREAK_COST
      else if (prev.punct) cost -= PUNCT_BONUS
      else if (t > 1 && word[t - 2].final) cost += WIDOW_COST(prev.length)
    }
    if (w.paren) cost -= PAREN_BONUS
    else if (w.final) cost += ORPHAN_COST(w.length)
    return cost
  }
  const lineCost = (next: number, len: number): number => {
    if (next === wordLimit) return 0
    let cost = SHORT_COST(o.goalWidth - len)
    if (word[next].nextBreak !== wordLimit) cost += RAGGED_COST(len - word[next].lineLength)
    return cost
  }
  const fmtParagraph = () => {
    word[wordLimit].bestCost = 0
    const savedLength = word[wordLimit].length
    word[wordLimit].length = o.maxWidth
    for (let start = wordLimit - 1; start >= 0; start--) {
      let best = MAXCOST
      let len = start === 0 ? firstIndent : otherIndent
      let w = start
      len += word[w].length
      do {
        w++
        let wcost = lineCost(w, len) + word[w].bestCost
        if (start === 0 && lastLineLength > 0) wcost += RAGGED_COST(len - lastLineLength)
        if (wcost < best) {
          best = wcost
          word[start].nextBreak = w
          word[start].lineLength = len
        }
        if (w === wordLimit) break
        len += word[w - 1].space + word[w].length
      } while (len < o.maxWidth)
      word[start].bestCost = best + baseCost(start)
    }
    word[wordLimit].length = savedLength
  }
  const flushParagraph = () => {
    if (wordLimit === 0) {
      for (let i = 0; i < wptr; i++) putchar(parabuf[i])
      wptr = 0
      return
    }
    fmtParagraph()
    let splitPoint = wordLimit
    let bestBreak = MAXCOST
    for (let w = word[0].nextBreak; w !== wordLimit; w = word[w].nextBreak) {
      const diff = word[w].bestCost - word[word[w].nextBreak].bestCost
      if (diff < bestBreak) {
        splitPoint = w
        bestBreak = diff
      }
      if (bestBreak <= MAXCOST - LINE_CREDIT) bestBreak += LINE_CREDIT
    }
    putParagraph(splitPoint)
    const shift = word[splitPoint].text
    parabuf.copyWithin(0, shift, wptr)
    wptr -= shift
    for (let w = splitPoint; w <= wordLimit; w++) word[w].text -= shift
    const moved = word.slice(splitPoint, wordLimit + 1).map((w) => ({ ...w }))
    moved.forEach((w, i) => (word[i] = w))
    wordLimit -= splitPoint
  }
  const checkPunctuation = (w: Word) => {
    const start = w.text
    let finish = start + w.length - 1
    const fin = parabuf[finish]
    w.paren = isopen(parabuf[start])
    w.punct = ispunct(fin)
    while (start < finish && isclose(parabuf[finish])) finish--
    w.period = isperiod(parabuf[finish])
  }
  const getLine = (first: number): number => {
    let c = first
    do {
      word[wordLimit].text = wptr
      do {
        if (wptr === MAXCHARS) {
          setOtherIndent(true)
          flushParagraph()
        }
        parabuf[wptr++] = c
        c = getc()
      } while (c !== EOF && !isspace(c))
      const w = word[wordLimit]
      w.length = wptr - w.text
      inColumn += w.length
      checkPunctuation(w)
      const start = inColumn
      c = getSpace(c)
      w.space = inColumn - start
      w.final = c === EOF || (w.period && (c === 10 || w.space > 1))
      if (c === 10 || c === EOF || o.uniform) w.space = w.final ? 2 : 1
      if (wordLimit === MAXWORDS - 2) {
        setOtherIndent(true)
        flushParagraph()
      }
      wordLimit++
    } while (c !== 10 && c !== EOF)
    return getPrefix()
  }
  const getParagraph = (): boolean => {
    lastLineLength = 0
    let c = nextChar
    while (
      c === 10 ||
      c === EOF ||
      nextPrefixIndent < prefixLeadSpace ||
      inColumn < nextPrefixIndent + prefixFullLength
    ) {
      c = copyRest(c)
      if (c === EOF) {
        nextChar = EOF
        return false
      }
      putchar(10)
      c = getPrefix()
    }
    prefixIndent = nextPrefixIndent
    firstIndent = inColumn
    wptr = 0
    wordLimit = 0
    c = getLine(c)
    setOtherIndent(samePara(c))
    if (o.split) {
      // One line per paragraph.
    } else if (o.crown) {
      if (samePara(c)) {
        do c = getLine(c)
        while (samePara(c) && inColumn === otherIndent)
      }
    } else if (o.tagged) {
      if (samePara(c) && inColumn !== firstIndent) {
        do c = getLine(c)
        while (samePara(c) && inColumn === otherIndent)
      }
    } else {
      while (samePara(c) && inColumn === otherIndent) c = getLine(c)
    }
    word[wordLimit - 1].period = true
    word[wordLimit - 1].final = true
    nextChar = c
    return true
  }

  nextChar = getPrefix()
  while (getParagraph()) {
    fmtParagraph()
    putParagraph(wordLimit)
  }
}
