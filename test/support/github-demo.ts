import type { SeedDir, SeedRepo } from "./github-emulator.ts"
import { dir, file, hexBytes, link, submodule } from "./github-emulator.ts"

/** The repository the GitHub tests (and anyone wanting a realistic one) serve from the emulator. */

const concatBytes = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const BIG_LINE = (n: number) => `line ${String(n).padStart(6, "0")} the quick brown fox jumps over the lazy dog.\n`

/** The big file of the demo repository: 5000 lines of 60 bytes (300,000 bytes). */
export const bigText = (): string => Array.from({ length: 5000 }, (_, i) => BIG_LINE(i + 1)).join("")

/** The binary file of the demo repository: a PNG signature, every byte value, and invalid UTF-8. */
export const binaryBytes = (): Uint8Array =>
  concatBytes(
    hexBytes("89504e470d0a1a0a"),
    Uint8Array.from({ length: 256 }, (_, i) => i),
    hexBytes("fffec32800"),
  )

/** The submodule's commit in the demo repository. */
export const SUBMODULE_COMMIT = "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00"

/**
 * A small repository on two refs: `main`, and the tag `v1.0` (an older
 * README, another version in src/index.ts, and no src/new.ts). Every kind of
 * tree entry is there: nested directories, an executable, symlinks (to a
 * file, to a directory, one climbing past the root), a binary file, a
 * 300 KB file and a submodule.
 */
export const demoRepo = (): SeedRepo => {
  const tree = (version: string, readme: string, extra: SeedDir): SeedDir => ({
    "README.md": file(readme),
    src: dir({
      "index.ts": file(`export { add } from "./util.ts"\nexport const version = "${version}"\n`),
      "util.ts": file("export const add = (a: number, b: number): number => a + b\n// TODO: subtract\n"),
      lib: dir({
        "math.ts": file(
          "export const square = (x: number): number => x * x\nexport const cube = (x: number): number => x * x * x\n",
        ),
        up: link("../../../README.md"),
      }),
      ...extra,
    }),
    bin: dir({ "run.sh": file("#!/bin/sh\necho running\n", true) }),
    docs: dir({ "guide.md": file("# Guide\n\nSee the README.\n"), "readme-link": link("../README.md") }),
    "lib-link": link("src/lib"),
    assets: dir({ "logo.bin": file(binaryBytes()) }),
    data: dir({ "big.txt": file(bigText()) }),
    vendor: dir({ lib: submodule(SUBMODULE_COMMIT) }),
  })
  return {
    owner: "octo",
    repo: "demo",
    defaultBranch: "main",
    refs: {
      "v1.0": tree("1.0.0", "# demo\n\nFirst release.\n", {}),
      main: tree("2.0.0", "# demo\n\nA small repository for Mirage's GitHub tests.\n", {
        "new.ts": file("export const added = true\n"),
      }),
    },
  }
}
