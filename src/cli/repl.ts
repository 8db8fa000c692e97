/**
 * The interactive shell of the `mirage` CLI. Node-only app code: it imports `node:*` (readline,
 * fs), which the library core must not.
 */
import * as fs from "node:fs"
import * as readline from "node:readline"
import type { Readable, Writable } from "node:stream"
import type { Workspace } from "../node.ts"
import { isIncomplete } from "../parser/parse.ts"

/** How the interactive shell talks to the user. */
export interface ReplOptions {
  readonly input: Readable
  /** Where prompts and line editing go (stderr, as in bash). */
  readonly output: Writable
  readonly onStdout: (chunk: Uint8Array) => void
  readonly onStderr: (chunk: Uint8Array) => void
  /** A terminal gets line editing, history and Ctrl-C handling; otherwise lines are read plainly. */
  readonly terminal: boolean
  /** Where history is loaded from and saved to, when readable or writable. */
  readonly historyFile?: string | undefined
  readonly historySize?: number | undefined
}

const primaryPrompt = (ws: Workspace): string => `mirage:${ws.cwd}$ `
const continuationPrompt = "> "

/**
 * Whether the input just run was an `exit`. The workspace result may say so itself (`exited`);
 * until it does, a line that is only `exit [N]` is recognised here.
 */
const ranExit = (result: object, source: string): boolean => {
  if ("exited" in result && typeof result.exited === "boolean") return result.exited
  return /^\s*exit(\s+[^\s;&|]+)?\s*;?\s*$/.test(source)
}

/** Newest-first history lines from the history file, or none when it is unreadable. */
const loadHistory = (file: string | undefined, size: number): Array<string> => {
  if (file === undefined) return []
  try {
    const lines = fs
      .readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
    return lines.slice(-size).reverse()
  } catch {
    return []
  }
}

/**
 * Read, run and prompt until Ctrl-D or `exit`; resolves with the last exit status.
 *
 * A command runs with an AbortSignal: Ctrl-C (SIGINT) while it runs aborts it and returns to the
 * prompt; Ctrl-C at the prompt discards the line (and any unfinished multi-line input). Input that
 * `isIncomplete` calls unfinished is continued under the `> ` prompt.
 */
export const runRepl = async (ws: Workspace, options: ReplOptions): Promise<number> => {
  const { input, output, terminal } = options
  const historySize = options.historySize ?? 1000
  let saveHistory = options.historyFile !== undefined
  const rl = readline.createInterface({
    input,
    output: terminal ? output : undefined,
    terminal,
    history: terminal ? loadHistory(options.historyFile, historySize) : [],
    historySize,
    removeHistoryDuplicates: true,
  })
  rl.on("history", (history: Array<string>) => {
    if (!saveHistory || options.historyFile === undefined) return
    try {
      fs.writeFileSync(options.historyFile, history.toReversed().join("\n") + "\n", { mode: 0o600 })
    } catch {
      saveHistory = false
    }
  })

  const queue: Array<string> = []
  let closed = false
  let wake: (() => void) | undefined
  const notify = () => {
    const w = wake
    wake = undefined
    w?.()
  }
  rl.on("line", (line) => {
    queue.push(line)
    notify()
  })
  rl.on("close", () => {
    closed = true
    notify()
  })

  let pending: string | undefined
  let running: AbortController | undefined
  let lastStatus = 0

  const showPrompt = (prompt: string) => {
    if (terminal) {
      if (closed) return
      rl.setPrompt(prompt)
      rl.prompt()
    } else {
      output.write(prompt)
    }
  }

  // At the prompt of a terminal, readline reports Ctrl-C itself (the terminal is in raw mode).
  rl.on("SIGINT", () => {
    pending = undefined
    rl.write(null, { ctrl: true, name: "e" })
    output.write("^C\n")
    rl.write(null, { ctrl: true, name: "u" })
    showPrompt(primaryPrompt(ws))
  })
  // While a command runs the terminal is in cooked mode, so Ctrl-C arrives as a signal.
  const onSignal = () => {
    if (running) running.abort()
    else if (!terminal) pending = undefined
  }
  process.on("SIGINT", onSignal)

  const setRawMode = (on: boolean) => {
    if (terminal && "setRawMode" in input && typeof input.setRawMode === "function") input.setRawMode(on)
  }

  /** Run one complete input; true when it was an `exit`. */
  const run = async (source: string): Promise<boolean> => {
    const controller = new AbortController()
    running = controller
    rl.pause()
    setRawMode(false)
    try {
      const result = await ws.execute(source, {
        signal: controller.signal,
        onStdout: options.onStdout,
        onStderr: options.onStderr,
      })
      lastStatus = result.exitCode
      if (controller.signal.aborted && terminal) output.write("\n")
      return ranExit(result, source)
    } finally {
      running = undefined
      setRawMode(true)
      if (!closed) rl.resume()
    }
  }

  try {
    showPrompt(primaryPrompt(ws))
    for (;;) {
      const line = queue.shift()
      if (line === undefined) {
        if (closed) break
        await new Promise<void>((resolve) => (wake = resolve))
        continue
      }
      pending = pending === undefined ? line : `${pending}\n${line}`
      if (isIncomplete(pending)) {
        showPrompt(continuationPrompt)
        continue
      }
      const source = pending
      pending = undefined
      if (source.trim() !== "") {
        const exited = await run(source)
        if (exited) break
      }
      showPrompt(primaryPrompt(ws))
    }
    // Ctrl-D in the middle of a multi-line command: let the shell report what is unfinished.
    if (pending !== undefined && pending.trim() !== "") await run(pending)
    // As interactive bash does, on `exit` and at end of input alike.
    output.write("exit\n")
    return lastStatus
  } finally {
    process.off("SIGINT", onSignal)
    rl.close()
  }
}
