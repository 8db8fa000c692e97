import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeLatin1, encodeLatin1 } from "../../../src/interpreter/commands/shared/Latin1.ts"

// latin1 decoding takes a faster route for ASCII text; both routes give one code unit per byte.
describe("latin1", () => {
  const text = fc.oneof(
    fc.uint8Array({ maxLength: 400, size: "max" }),
    fc.stringMatching(/^[ -~\n]{0,400}$/).map((s) => Uint8Array.from(s, (c) => c.charCodeAt(0))),
  )

  it("decodes each byte to the code unit of the same value, at any offset", () => {
    fc.assert(
      fc.property(text, fc.nat(5), fc.nat(5), (bytes, a, b) => {
        const start = Math.min(a, bytes.length)
        const end = Math.max(start, bytes.length - b)
        expect(decodeLatin1(bytes, start, end)).toBe(String.fromCharCode(...bytes.subarray(start, end)))
      }),
      { numRuns: 500 },
    )
  })

  it("round-trips through encodeLatin1", () => {
    fc.assert(
      fc.property(text, (bytes) => {
        expect(encodeLatin1(decodeLatin1(bytes))).toEqual(bytes)
      }),
    )
  })
})
