import type { Config } from "./config.ts"
import { formatBytes } from "./config.ts"
import { writeTable, writeTree, writeWords } from "./data.ts"
import type { PathOf } from "./engines/Engine.ts"

/**
 * The throughput workloads (1-4 and 8 of the brief), in groups that share
 * their input files: a group's files are generated into the temp dir, loaded
 * into the RAM filesystems, used by its rows, then removed. Each row is one
 * script, written once against a `PathOf` so that every engine runs the same
 * command on its own path to the same bytes.
 */

/** A data file or directory of a group, relative to the temp dir, and how to make it. */
export interface DataFile {
  readonly rel: string
  readonly write: (abs: string) => void
}

/** One table row. */
export interface Row {
  /** The command as the table shows it. */
  readonly label: string
  /** Size and mount, for the table. */
  readonly detail: string
  readonly script: (p: PathOf) => string
  /** Run after the first timed run, untimed; its output is what gets compared (for commands that print nothing). */
  readonly check?: (p: PathOf) => string
  /** Run after every timed run, untimed (removes what the run created). */
  readonly cleanup?: (p: PathOf) => string
  /** The goal: Mirage within this many times GNU's wall time. */
  readonly target: number
  /** Which target of the list at the top of run.ts. */
  readonly targetName: string
}

/** Rows that share input files. */
export interface Group {
  /** The workload's number in the list at the top of run.ts. */
  readonly number: number
  readonly name: string
  readonly files: ReadonlyArray<DataFile>
  readonly rows: ReadonlyArray<Row>
}

const PIPELINE = "data/pipeline.txt"
const TABLE = "data/table.txt"
const SORT = "data/sort.txt"
const WORDS = "data/words.txt"
const FIND_TREE = "data/tree"
const GREP_TREE = "data/grep"
const CP_SOURCE = "data/cp.txt"
const CP_DEST = "out/cp.txt"

/** The groups for one configuration, in the order they run. */
export const groups = (cfg: Config): ReadonlyArray<Group> => {
  const pipeline = formatBytes(cfg.pipelineBytes)
  const single = formatBytes(cfg.singleBytes)
  const sort = formatBytes(cfg.sortBytes)
  const onTable = (label: string, script: (f: string) => string): Row => ({
    label,
    detail: `${single}, RAM`,
    script: (p) => script(p(TABLE)),
    target: 4,
    targetName: "single command ≤ 4x GNU",
  })
  const onSort = (label: string, script: (p: PathOf) => string): Row => ({
    label,
    detail: `${sort}, RAM`,
    script,
    target: 3,
    targetName: "sort ≤ 3x GNU",
  })
  const cp = (from: "ram" | "disk"): Row => ({
    label: "cp big copy",
    detail: `${formatBytes(cfg.cpBytes)}, ${from === "ram" ? "RAM → Disk" : "Disk → Disk"}`,
    script: (p) => `cp ${p(CP_SOURCE, from)} ${p(CP_DEST, "disk")}`,
    check: (p) => `wc -c < ${p(CP_DEST, "disk")}`,
    cleanup: (p) => `rm -f ${p(CP_DEST, "disk")}`,
    target: 2,
    targetName: "cp ≤ 2x GNU",
  })
  return [
    {
      number: 1,
      name: "pipeline",
      files: [{ rel: PIPELINE, write: (f) => writeTable(f, cfg.pipelineBytes, 1) }],
      rows: (["ram", "disk"] as const).map((place) => ({
        label: "cat big | grep foo | wc -l",
        detail: `${pipeline}, ${place === "ram" ? "RAM" : "Disk"}`,
        script: (p: PathOf) => `cat ${p(PIPELINE, place)} | grep foo | wc -l`,
        target: 3,
        targetName: "pipeline ≤ 3x GNU",
      })),
    },
    {
      number: 2,
      name: "single commands",
      files: [{ rel: TABLE, write: (f) => writeTable(f, cfg.singleBytes, 2) }],
      rows: [
        onTable("grep -c foo", (f) => `grep -c foo ${f}`),
        onTable("sed s/a/b/g | wc -c", (f) => `sed s/a/b/g ${f} | wc -c`),
        onTable("awk '{s+=$2} END {print s}'", (f) => `awk '{s+=$2} END {print s}' ${f}`),
        onTable("cut -f2 | wc -c", (f) => `cut -f2 ${f} | wc -c`),
        onTable("tr a-z A-Z | wc -c", (f) => `tr a-z A-Z < ${f} | wc -c`),
        onTable("wc -l", (f) => `wc -l < ${f}`),
      ],
    },
    {
      number: 3,
      name: "sort",
      files: [
        { rel: SORT, write: (f) => writeTable(f, cfg.sortBytes, 3) },
        { rel: WORDS, write: (f) => writeWords(f, cfg.sortBytes, 4) },
      ],
      rows: [
        // tail shows the end of the order, so a wrong order changes the output, not just the time
        onSort("sort | tail -2", (p) => `sort ${p(SORT)} | tail -n 2`),
        onSort("sort -n -k2 | tail -2", (p) => `sort -n -k2 ${p(SORT)} | tail -n 2`),
        onSort("sort | uniq -c | sort -rn | head", (p) => `sort ${p(WORDS)} | uniq -c | sort -rn | head`),
      ],
    },
    {
      number: 4,
      name: "file trees",
      files: [
        { rel: FIND_TREE, write: (d) => writeTree(d, cfg.findFiles, 5) },
        { rel: GREP_TREE, write: (d) => writeTree(d, cfg.grepFiles, 6) },
      ],
      rows: (["ram", "disk"] as const).flatMap((place) => {
        const where = place === "ram" ? "RAM" : "Disk"
        const common = { target: 3, targetName: "find / grep -r ≤ 3x GNU" }
        return [
          {
            label: "find -name '*.log' | wc -l",
            detail: `${cfg.findFiles.toLocaleString("en-US")} files, ${where}`,
            script: (p: PathOf) => `find ${p(FIND_TREE, place)} -name '*.log' | wc -l`,
            ...common,
          },
          {
            label: "grep -r foo | wc -l",
            detail: `${cfg.grepFiles.toLocaleString("en-US")} files, ${where}`,
            script: (p: PathOf) => `grep -r foo ${p(GREP_TREE, place)} | wc -l`,
            ...common,
          },
        ]
      }),
    },
    {
      number: 8,
      name: "cp",
      files: [{ rel: CP_SOURCE, write: (f) => writeTable(f, cfg.cpBytes, 8) }],
      rows: [cp("ram"), cp("disk")],
    },
  ]
}

/** Where copies land; created once in the temp dir so that every engine's Disk mount has it. */
export const OUT_DIR = "out"
