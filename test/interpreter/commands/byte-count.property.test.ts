import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { countByte } from "../../../src/interpreter/commands/shared/ByteCount.ts"

// The four-bytes-at-a-time count against a plain loop, at every alignment of the view.
describe("countByte", () => {
  it("counts like a byte loop, whatever the view's offset and length", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300, size: "max" }),
        fc.nat(7),
        fc.constantFrom(10, 0, 255, 128, 0x0a),
        (bytes, skip, b) => {
          const view = bytes.subarray(Math.min(skip, bytes.length))
          let want = 0
          for (const x of view) if (x === b) want++
          expect(countByte(view, b)).toBe(want)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it("counts runs of the byte and its neighbours exactly", () => {
    const bytes = Uint8Array.from([10, 10, 10, 10, 9, 11, 10, 138, 10, 10, 0, 10, 10])
    expect(countByte(bytes, 10)).toBe(9)
  })
})
