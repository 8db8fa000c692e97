import { describe, expect, it } from "vitest"
import * as fc from "fast-check"
import { evaluate, type ArithEnv } from "../../../src/interpreter/expand/arith.ts"
import { ARITH_ROWS, type ArithRow } from "./arith.cases.ts"

const key = (name: string, index?: string): string =>
  index === undefined || index === "0" ? name : `${name}[${index}]`

const makeEnv = (row: Pick<ArithRow, "vars" | "arrays" | "nounset">) => {
  const vars = new Map<string, string>(Object.entries(row.vars ?? {}))
  const arrays = new Set(row.arrays ?? [])
  const env: ArithEnv = {
    get: (name, index) => vars.get(key(name, index)),
    set: (name, value, index) => {
      vars.set(key(name, index), value)
    },
    nounset: row.nounset ?? false,
    isSet: (name) => arrays.has(name) || [...vars.keys()].some((k) => k === name || k.startsWith(`${name}[`)),
  }
  return { env, vars }
}

describe("evaluate (confirmed against bash 5.2)", () => {
  it.each(ARITH_ROWS)("$expr", (row) => {
    const { env, vars } = makeEnv(row)
    const result = evaluate(row.expr, env)
    expect(result.ok ? `=${result.value}` : `!${result.message}`).toBe(row.want)
    if (result.ok) {
      const changed = Object.fromEntries([...vars].filter(([k, v]) => row.vars?.[k] !== v))
      expect(changed).toEqual(row.after ?? {})
    }
  })
})

describe("evaluate", () => {
  it("is 0 for blank text", () => {
    const { env } = makeEnv({})
    expect(evaluate("", env)).toEqual({ ok: true, value: 0n })
    expect(evaluate(" \n\t", env)).toEqual({ ok: true, value: 0n })
  })

  it("marks set -u failures as unbound", () => {
    const { env } = makeEnv({ nounset: true })
    expect(evaluate("y + 1", env)).toEqual({ ok: false, message: "y: unbound variable", unbound: true })
  })

  it("stops with the message a failed assignment returns", () => {
    const env: ArithEnv = { get: () => "1", set: (name) => `${name}: readonly variable`, nounset: false }
    expect(evaluate("r = 2", env)).toEqual({ ok: false, message: "r: readonly variable" })
    expect(evaluate("0 && (r = 2)", env)).toEqual({ ok: true, value: 0n })
  })

  it("passes associative subscripts through unevaluated", () => {
    const seen: Array<string | undefined> = []
    const env: ArithEnv = {
      get: (_name, index) => {
        seen.push(index)
        return "5"
      },
      set: (_name, _value, index) => {
        seen.push(index)
      },
      nounset: false,
      isAssoc: (name) => name === "m",
    }
    expect(evaluate("m[a b] + n[1+1]", env)).toEqual({ ok: true, value: 10n })
    expect(evaluate("m[k]++", env)).toEqual({ ok: true, value: 5n })
    expect(seen).toEqual(["a b", "2", "k", "k"])
  })

  it("warns about an empty subscript the way bash does", () => {
    const warnings: Array<string> = []
    const env: ArithEnv = { get: () => undefined, set: () => {}, nounset: false, warn: (m) => warnings.push(m) }
    expect(evaluate("a[] + 1", env)).toEqual({ ok: true, value: 1n })
    expect(evaluate("a[] = 3", env)).toEqual({ ok: true, value: 3n })
    expect(warnings).toEqual(["a[]: bad array subscript", "a[]: bad array subscript", "`a[]': not a valid identifier"])
  })

  it("re-evaluates a cached expression against the current variables", () => {
    const { env, vars } = makeEnv({ vars: { i: "0" } })
    let n = 0
    while (true) {
      const r = evaluate("i < 1000", env)
      if (!r.ok || r.value === 0n) break
      evaluate("i++", env)
      n++
    }
    expect(n).toBe(1000)
    expect(vars.get("i")).toBe("1000")
  })

  it("survives pathological nesting without a JavaScript stack overflow", () => {
    const { env } = makeEnv({})
    const deep = "(".repeat(100_000) + "1" + ")".repeat(100_000)
    const r = evaluate(deep, env)
    expect(r.ok).toBe(false)
  })

  it("wraps like signed 64-bit integers", () => {
    const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
    const { env } = makeEnv({})
    fc.assert(
      fc.property(int64, int64, fc.constantFrom("+", "-", "*", "&", "|", "^"), (a, b, op) => {
        const exact =
          op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : op === "&" ? a & b : op === "|" ? a | b : a ^ b
        const r = evaluate(`(${a}) ${op} (${b})`, env)
        return r.ok && r.value === BigInt.asIntN(64, exact)
      }),
    )
  })
})
