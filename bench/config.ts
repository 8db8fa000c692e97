/**
 * Sizes and repetition policy for the three modes. The default mode is sized
 * to finish in about ten minutes on a 2-core machine, most of it spent
 * waiting on the slowest engine; `--full` is the real-size run, `--quick` a
 * smoke run of a few seconds per row.
 */

/** One mode's sizes, in bytes or counts. */
export interface Config {
  readonly mode: "quick" | "default" | "full"
  /** Input of the `cat | grep | wc -l` pipeline. */
  readonly pipelineBytes: number
  /** Input of the single-command rows (grep -c, sed, awk, cut, tr, wc -l). */
  readonly singleBytes: number
  /** Inputs of the sort rows. */
  readonly sortBytes: number
  /** Files in the tree that `find` walks. */
  readonly findFiles: number
  /** Files in the tree that `grep -r` searches. */
  readonly grepFiles: number
  /** Warm `echo hi` calls. */
  readonly echoCalls: number
  /** Cold starts per engine. */
  readonly coldRuns: number
  /** Parses of the 10 KB script per engine. */
  readonly parseRuns: number
  /** The file `cp` copies. */
  readonly cpBytes: number
  /** Most timed runs of one engine on one row. */
  readonly reps: number
  /** Once an engine has spent this long on a row, it stops repeating it (it always runs once). */
  readonly rowBudgetMs: number
  /** A run still going after this long is abandoned and recorded as a timeout. */
  readonly timeoutMs: number
  /**
   * `--only PATTERN`: run only the rows whose label or detail matches (a
   * case-insensitive regular expression); the table is printed and
   * bench/RESULTS.md is left as it is.
   */
  readonly only?: RegExp | undefined
}

const MB = 1_000_000

const configs: Readonly<Record<Config["mode"], Config>> = {
  quick: {
    mode: "quick",
    pipelineBytes: 2 * MB,
    singleBytes: 1 * MB,
    sortBytes: 1 * MB,
    findFiles: 1_000,
    grepFiles: 200,
    echoCalls: 1_000,
    coldRuns: 2,
    parseRuns: 5,
    cpBytes: 5 * MB,
    reps: 1,
    rowBudgetMs: 0,
    timeoutMs: 120_000,
  },
  default: {
    mode: "default",
    pipelineBytes: 50 * MB,
    singleBytes: 20 * MB,
    sortBytes: 20 * MB,
    findFiles: 20_000,
    grepFiles: 20_000,
    echoCalls: 10_000,
    coldRuns: 5,
    parseRuns: 20,
    cpBytes: 100 * MB,
    reps: 3,
    rowBudgetMs: 8_000,
    timeoutMs: 120_000,
  },
  full: {
    mode: "full",
    pipelineBytes: 1_000 * MB,
    singleBytes: 200 * MB,
    sortBytes: 20 * MB,
    findFiles: 20_000,
    grepFiles: 20_000,
    echoCalls: 10_000,
    coldRuns: 5,
    parseRuns: 20,
    cpBytes: 1_000 * MB,
    reps: 5,
    rowBudgetMs: 60_000,
    timeoutMs: 120_000,
  },
}

/**
 * The configuration the command line asks for: `--quick`, `--full` or
 * neither, and `--only PATTERN` (or `--only=PATTERN`) for a subset of rows,
 * e.g. `npm run bench -- --quick --only sort` or `--only 'grep -r.*Disk'`.
 */
export const fromArgs = (args: ReadonlyArray<string>): Config => {
  let only: RegExp | undefined
  const modes: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === "--quick" || arg === "--full") modes.push(arg)
    else if (arg === "--only" && i + 1 < args.length) only = new RegExp(args[++i], "i")
    else if (arg.startsWith("--only=")) only = new RegExp(arg.slice("--only=".length), "i")
    else throw new Error(`bench: unknown argument ${arg} (use --quick, --full, --only PATTERN)`)
  }
  if (modes.includes("--quick") && modes.includes("--full"))
    throw new Error("bench: --quick and --full exclude each other")
  const mode = modes.includes("--full") ? "full" : modes.includes("--quick") ? "quick" : "default"
  return { ...configs[mode], only }
}

/** Whether a row (by its label and detail) is selected by `--only`. */
export const selected = (cfg: Config, label: string, detail: string): boolean =>
  cfg.only === undefined || cfg.only.test(`${label} ${detail}`)

/** "50 MB", "1 GB": sizes as the report prints them. */
export const formatBytes = (bytes: number): string =>
  bytes >= 1_000 * MB ? `${bytes / (1_000 * MB)} GB` : bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1_000} KB`
