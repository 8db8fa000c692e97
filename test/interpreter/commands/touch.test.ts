import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { touch } from "../../../src/interpreter/commands/touch.ts"
import { expected, outcome, run, tree, type Case } from "./harness.ts"

// Expected outputs, the tree and the modification times afterwards come from
// GNU coreutils 9.1 touch (LC_ALL=C, TZ=UTC) run on the same files at
// `generatedAt`; times at or after it were "now" and are checked against the
// test's own clock instead.
const generatedAt = 1795322304000 - 3_600_000
const setupTimes = { ref: 1600000000000, f: 1500000000000 }

const cases: ReadonlyArray<Case & { readonly mtimesAfter: Readonly<Record<string, number>> }> = [
  { args: ["new"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"new": 1795322304828, "f": 1500000000000, "d": 1795322304824, "ref": 1600000000000}, tree: ["d/", "f=x", "new=", "ref=r"] },
  { args: ["f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1795322304834, "d": 1795322304832, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-c", "zz"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "d": 1795322304840, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-c", "f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1795322304848, "d": 1795322304844, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["nodir/x"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: cannot touch 'nodir/x': No such file or directory\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304852, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-d", "2024-01-02", "a"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "a": 1704153600000, "d": 1795322304860, "ref": 1600000000000}, tree: ["a=", "d/", "f=x", "ref=r"] },
  { args: ["-d", "2024-01-02 03:04:05", "b"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "b": 1704164645000, "d": 1795322304864, "ref": 1600000000000}, tree: ["b=", "d/", "f=x", "ref=r"] },
  { args: ["-d", "2024-01-02T03:04", "c"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "c": 1704164640000, "d": 1795322304872, "ref": 1600000000000}, tree: ["c=", "d/", "f=x", "ref=r"] },
  { args: ["-d", "@1700000000", "e"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "e": 1700000000000, "d": 1795322304880, "ref": 1600000000000}, tree: ["d/", "e=", "f=x", "ref=r"] },
  { args: ["-d", "2024-01-02T03:04:05Z", "g"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "g": 1704164645000, "d": 1795322304888, "ref": 1600000000000}, tree: ["d/", "f=x", "g=", "ref=r"] },
  { args: ["-d", "2024-01-02 03:04:05+02:00", "h"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "h": 1704157445000, "d": 1795322304896, "ref": 1600000000000}, tree: ["d/", "f=x", "h=", "ref=r"] },
  { args: ["-d", "2024-13-02", "f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: invalid date format '2024-13-02'\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304904, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-d", "garbage", "f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: invalid date format 'garbage'\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304908, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-r", "nope", "x"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: failed to get attributes of 'nope': No such file or directory\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304916, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-r", "ref", "y"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "y": 1600000000000, "d": 1795322304944, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r", "y="] },
  { args: ["-r", "ref", "f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1600000000000, "d": 1795322304953, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-t", "202401020304.05", "t1"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "t1": 1704164645000, "d": 1795322304960, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r", "t1="] },
  { args: ["-t", "2401020304", "t2"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "t2": 1704164640000, "d": 1795322304968, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r", "t2="] },
  { args: ["-t", "x", "t3"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: invalid date format 'x'\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304974, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: [], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322304980, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-a", "-m", "q"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "q": 1795322304984, "d": 1795322304983, "ref": 1600000000000}, tree: ["d/", "f=x", "q=", "ref=r"] },
  { args: ["--date=2020-02-29", "--no-create", "f", "zz"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1582934400000, "d": 1795322304986, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["d"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "d": 1795322304996, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-d", "2021-06-01 12:00", "d", "f"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1622548800000, "d": 1622548800000, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: [""], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: cannot touch '': No such file or directory\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322305000, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["f/"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "touch: setting times of 'f/': Not a directory\n", status: 1, mtimesAfter: {"f": 1500000000000, "d": 1795322305004, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r"] },
  { args: ["-d", "@0", "zero"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "d": 1795322305010, "zero": 0, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r", "zero="] },
  { args: ["--reference=ref", "--date=2024-01-02", "w"], files: {"f": "x", "ref": "r"}, dirs: ["d"], stdout: "", stderr: "", status: 0, mtimesAfter: {"f": 1500000000000, "d": 1795322305028, "w": 1704153600000, "ref": 1600000000000}, tree: ["d/", "f=x", "ref=r", "w="] },
]

describe("touch", () => {
  it.each(cases)("$args", async (c) => {
    const started = Date.now()
    const r = await run(touch, c.args, { files: c.files, dirs: c.dirs, mtimes: setupTimes })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await tree(r.fs)).toEqual(c.tree)
    for (const [path, want] of Object.entries(c.mtimesAfter)) {
      const st = await Effect.runPromise(r.fs.stat("/" + path))
      if (want >= generatedAt) expect(st.mtime).toBeGreaterThanOrEqual(started - 1000)
      else expect([path, st.mtime]).toEqual([path, want])
    }
  })
})
