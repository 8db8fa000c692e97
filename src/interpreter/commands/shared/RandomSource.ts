import { Data, Effect } from "effect"
import type { Input, InputError } from "../../Io.ts"

/**
 * Random integers drawn from a byte source exactly as gnulib's `randint`
 * does, so `shuf --random-source=FILE` (and `sort -R` should it want it)
 * gives GNU's output for the same bytes. Without a file the bytes come from
 * `crypto.getRandomValues`.
 */

/** The random source file ran out (`shuf: 'f': end of file`). */
export class RandomEnd extends Data.TaggedError("RandomEnd")<{}> {}

/** Random integers in [0, choices); `E` is how reading random bytes may fail. */
export interface Randint<E> {
  readonly choose: (choices: bigint) => Effect.Effect<bigint, E>
}

const MASK = (1n << 64n) - 1n

/** Bytes in order from an input (a `--random-source` file). */
export const bytesFromInput = (input: Input) => {
  let chunk: Uint8Array = new Uint8Array(0)
  let pos = 0
  return (n: number): Effect.Effect<Uint8Array, RandomEnd | InputError> =>
    Effect.gen(function* () {
      const out = new Uint8Array(n)
      let filled = 0
      while (filled < n) {
        if (pos >= chunk.length) {
          const next = yield* input.read
          if (next === null) return yield* Effect.fail(new RandomEnd())
          chunk = next
          pos = 0
        }
        const take = Math.min(n - filled, chunk.length - pos)
        out.set(chunk.subarray(pos, pos + take), filled)
        filled += take
        pos += take
      }
      return out
    })
}

/** Bytes from the platform's cryptographic generator, fetched a few KiB at a time. */
export const systemBytes = (): ((n: number) => Uint8Array) => {
  let pool = new Uint8Array(0)
  let pos = 0
  return (n) => {
    if (pos + n > pool.length) {
      pool = globalThis.crypto.getRandomValues(new Uint8Array(4096))
      pos = 0
    }
    pos += n
    return pool.subarray(pos - n, pos)
  }
}

/** The saved, not yet delivered randomness between draws. */
interface State {
  randnum: bigint
  randmax: bigint
}

/**
 * gnulib's `randint_genmax` with its 64-bit wraparound, as a generator
 * that yields how many bytes it needs and receives them.
 */
function* genmax(state: State, max: bigint): Generator<number, bigint, Uint8Array> {
  let randnum = state.randnum
  let randmax = state.randmax
  const choices = max + 1n
  for (;;) {
    if (randmax < max) {
      let i = 0
      let rmax = randmax
      do {
        rmax = ((rmax << 8n) + 255n) & MASK
        i++
      } while (rmax < max)
      const buf = yield i
      i = 0
      do {
        randnum = ((randnum << 8n) + BigInt(buf[i])) & MASK
        randmax = ((randmax << 8n) + 255n) & MASK
        i++
      } while (randmax < max)
    }
    if (randmax === max) {
      state.randnum = state.randmax = 0n
      return randnum
    }
    const excess = randmax - max
    const unusable = excess % choices
    const lastUsable = randmax - unusable
    const reduced = randnum % choices
    if (randnum <= lastUsable) {
      state.randnum = randnum / choices
      state.randmax = excess / choices
      return reduced
    }
    randnum = reduced
    randmax = (unusable - 1n) & MASK
  }
}

/** Random integers from a byte source that may have to wait (a `--random-source` file). */
export const makeRandint = <E>(read: (n: number) => Effect.Effect<Uint8Array, E>): Randint<E> => {
  const state: State = { randnum: 0n, randmax: 0n }
  return {
    choose: (choices) =>
      Effect.gen(function* () {
        const g = genmax(state, choices - 1n)
        let step = g.next()
        while (!step.done) step = g.next(yield* read(step.value))
        return step.value
      }),
  }
}

/** Random integers from a byte source that answers at once (the system generator). */
export const makeRandintSync = (read: (n: number) => Uint8Array): Randint<never> => {
  const state: State = { randnum: 0n, randmax: 0n }
  return {
    choose: (choices) =>
      Effect.sync(() => {
        const g = genmax(state, choices - 1n)
        let step = g.next()
        while (!step.done) step = g.next(read(step.value))
        return step.value
      }),
  }
}
