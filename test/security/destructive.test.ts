import { describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import { tempDir } from "./support.ts"

/**
 * The commands that wipe data by accident in other shells: each refuses as
 * GNU rm and bash do, and the tree is left whole. Every expectation was
 * confirmed with GNU coreutils 9 and bash 5.2 (LC_ALL=C) in a scratch
 * directory holding `d/sub/f`, run from `d`.
 */

const cases: ReadonlyArray<readonly [string, string, number]> = [
  ['rm -rf ""', "", 0],
  ['rm -r ""', "rm: cannot remove '': No such file or directory\n", 1],
  ['rm ""', "rm: cannot remove '': No such file or directory\n", 1],
  ['rm -f ""', "", 0],
  [
    "rm -rf /",
    "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    1,
  ],
  [
    "rm -rf //",
    "rm: it is dangerous to operate recursively on '//' (same as '/')\nrm: use --no-preserve-root to override this failsafe\n",
    1,
  ],
  [
    "rm -rf ///",
    "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    1,
  ],
  ["rm -rf .", "rm: refusing to remove '.' or '..' directory: skipping '.'\n", 1],
  ["rm -rf ..", "rm: refusing to remove '.' or '..' directory: skipping '..'\n", 1],
  ["rm -rf ./", "rm: refusing to remove '.' or '..' directory: skipping './'\n", 1],
  ["rm -rf sub/..", "rm: refusing to remove '.' or '..' directory: skipping 'sub/..'\n", 1],
  ["rm -rf sub/.", "rm: refusing to remove '.' or '..' directory: skipping 'sub/.'\n", 1],
  ["rm -rf /.", "rm: refusing to remove '.' or '..' directory: skipping '/.'\n", 1],
  ["rm -rf ../d/.", "rm: refusing to remove '.' or '..' directory: skipping '../d/.'\n", 1],
  ["rmdir .", "rmdir: failed to remove '.': Invalid argument\n", 1],
  ["rm -d .", "rm: cannot remove '.': Directory not empty\n", 1],
  ["echo x > missing/dir/file", "mirage: line 1: missing/dir/file: No such file or directory\n", 1],
  ["echo x >> missing/file", "mirage: line 1: missing/file: No such file or directory\n", 1],
  ["echo x > sub/f/x", "mirage: line 1: sub/f/x: Not a directory\n", 1],
  ['x=""; rm -rf "$x"', "", 0],
  [
    'rm -rf "$unset"/',
    "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    1,
  ],
]

describe.each([
  ["RAM", async () => new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })],
  [
    "Disk",
    async () => new Workspace({ "/": new DiskResource({ root: (await tempDir()).path }) }, { mode: MountMode.WRITE }),
  ],
])("on %s", (_, make) => {
  it.each(cases)("%s", async (script, stderr, status) => {
    const ws = await make()
    await ws.execute("mkdir -p /scratch/d/sub && echo keep > /scratch/d/sub/f")
    const r = await ws.execute(`cd /scratch/d && ${script}`)
    expect({ stderr: r.stderrText, status: r.exitCode }).toEqual({ stderr, status })
    const tree = await ws.execute("find /scratch | sort; cat /scratch/d/sub/f")
    // Nothing removed, and no directory made on the way to a missing one.
    expect(tree.stdoutText).toBe("/scratch\n/scratch/d\n/scratch/d/sub\n/scratch/d/sub/f\nkeep\n")
  })
})
