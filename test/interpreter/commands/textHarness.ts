import { Effect } from "effect"
import type { NamespaceShape } from "../../../src/vfs/Namespace.ts"

/**
 * Table shape for the text commands' tests, whose expectations were taken
 * from the real tools byte for byte.
 */

/** One case: stdout is compared as one code unit per byte, so binary output is exact. */
export interface TextCase {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string | Uint8Array
  readonly files?: Readonly<Record<string, string | Uint8Array>>
  readonly dirs?: ReadonlyArray<string>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
  /** Files the command created (split, csplit), as one code unit per byte. */
  readonly created?: Readonly<Record<string, string>>
}

/** Bytes as a string of code units 0-255. */
export const bytesText = (bytes: Uint8Array): string => {
  let s = ""
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return s
}

/** Files in `fs` under `/` other than `inputs`, by name, as one code unit per byte. */
export const listCreated = async (
  fs: NamespaceShape,
  inputs: ReadonlyArray<string>,
): Promise<Record<string, string>> => {
  const entries = await Effect.runPromise(fs.list("/"))
  const out: Record<string, string> = {}
  for (const e of entries) {
    if (inputs.includes(e.name) || e.type !== "file") continue
    out[e.name] = bytesText(await Effect.runPromise(fs.readFile(`/${e.name}`)))
  }
  return out
}
