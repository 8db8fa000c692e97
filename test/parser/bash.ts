// Real bash, when installed: tables and printed output are checked against it.
import { spawnSync } from "node:child_process"
import { expect } from "vitest"

export const hasBash = spawnSync("bash", ["--version"]).status === 0

/** Every source is accepted by `bash -n` (with extglob on, as the grammar always is). */
export const expectBashAccepts = (sources: ReadonlyArray<string>): void => {
  for (const source of sources) {
    const r = spawnSync("bash", ["-O", "extglob", "-n", "-c", source], { encoding: "utf8", env: { LC_ALL: "C" } })
    const complaints = r.stderr.split("\n").filter((l) => l !== "" && !l.includes("warning: here-document"))
    expect(complaints, source).toEqual([])
  }
}
