/**
 * The `mirage` command line: bash over mounted resources, one-shot (`-c SCRIPT`, a script FILE,
 * or a script on stdin) or as an interactive shell.
 *
 * Node-only app entry: unlike the library core it imports `node:*` (fs, process streams).
 * `bin/mirage.js` runs the built copy; `node src/cli/main.ts` runs it from source.
 */
import * as fs from "node:fs"
import { parseArgs, usage } from "./args.ts"

/** Status of a usage error, as bash and coreutils use it. */
const USAGE = 2

const version = (): string => {
  // From source this file is src/cli/main.ts; bundled, it is dist/mirage-cli.js.
  const file = ["../../package.json", "../package.json"]
    .map((relative) => new URL(relative, import.meta.url))
    .find((url) => fs.existsSync(url) && /"name":\s*"mirage-vfs"/.test(fs.readFileSync(url, "utf8")))
  if (file === undefined) return "unknown"
  const pkg: unknown = JSON.parse(fs.readFileSync(file, "utf8"))
  return typeof pkg === "object" && pkg !== null && "version" in pkg && typeof pkg.version === "string"
    ? pkg.version
    : "unknown"
}

/**
 * Run the CLI with the arguments after `mirage` and resolve with its exit status. Output goes to
 * the process's stdout and stderr.
 */
export const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const parsed = parseArgs(argv)
  if (parsed._tag === "UsageError") {
    process.stderr.write(`mirage: ${parsed.message}\nTry 'mirage --help' for more information.\n`)
    return USAGE
  }
  const { options } = parsed
  if (options.help) {
    process.stdout.write(usage)
    return 0
  }
  if (options.version) {
    process.stdout.write(`mirage ${version()}\n`)
    return 0
  }
  const { run, UsageError } = await import("./run.ts")
  try {
    return await run(options)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`mirage: ${error.message}\n`)
      return USAGE
    }
    throw error
  }
}

const flush = (stream: NodeJS.WriteStream): Promise<void> =>
  new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve()
    else stream.write("", () => resolve())
  })

/**
 * Run the CLI as the process: exit with the script's status once output is flushed. A crash is a
 * bug; it is reported on stderr with status 70 (EX_SOFTWARE).
 */
export const runMain = async (): Promise<never> => {
  let status: number
  try {
    status = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(
      `mirage: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    status = 70
  }
  await Promise.all([flush(process.stdout), flush(process.stderr)])
  // Exit explicitly: a resource left with an open handle must not keep the shell alive.
  process.exit(status)
}

if (import.meta.main) void runMain()
