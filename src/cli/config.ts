/**
 * The workspace file (`mirage --config workspace.yaml`): mounts, cache settings, the starting
 * directory and environment, in YAML. Parsing is pure: the caller reads the file and passes the
 * environment used for `${VAR}` references.
 *
 * ```yaml
 * cwd: /data
 * env:
 *   REGION: eu
 * cache:                        # defaults for every remote mount
 *   indexTtl: 10m               # milliseconds, or a number with ms/s/m/h
 *   fileBytes: 512MiB           # bytes, or a number with KiB/MiB/GiB
 *   store: redis://cache:6379/1 # share the cache between processes (password: REDIS_PASSWORD)
 * mounts:
 *   /data: ram
 *   /logs: s3://logs/2026?endpoint=${S3_ENDPOINT}:ro
 *   /slack:
 *     spec: slack:
 *     cache: { indexTtl: 1m }
 *   /gh:
 *     spec: github:octo/repo@main
 *     cache: false
 * ```
 * Secrets stay in the environment (AWS_SECRET_ACCESS_KEY, SLACK_TOKEN, ...); a `${VAR}` in the file
 * is replaced by the variable's value, so the file itself never holds one.
 */
import { parse } from "yaml"
import type { CacheOptions } from "../vfs/Cache.ts"
import { type MountFlag, normalizePrefix } from "./args.ts"
import { parseSpec, readOnlyByNature, splitMode } from "./mounts.ts"

/** What a workspace file declares. */
export interface WorkspaceConfig {
  readonly mounts: ReadonlyArray<MountFlag>
  readonly cwd: string | undefined
  readonly env: Readonly<Record<string, string>>
  /** Cache defaults for remote mounts; `store` is a `redis://` URL for a shared cache. */
  readonly cache: (Omit<CacheOptions, "store"> & { readonly store?: string | undefined }) | undefined
}

export type ConfigResult = { readonly ok: WorkspaceConfig } | { readonly error: string }

class ConfigError extends Error {}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const UNITS: Readonly<Record<string, number>> = {
  "": 1,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  b: 1,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
}

/** `600000`, `10m`, `512MiB` → a number; `what` names the setting in errors. */
const quantity = (value: unknown, what: string): number => {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value
  const match = typeof value === "string" ? /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value) : null
  const unit = match === null ? undefined : UNITS[match[2].toLowerCase()]
  if (match === null || unit === undefined)
    throw new ConfigError(`${what}: expected a number, got ${JSON.stringify(value)}`)
  return Math.round(Number(match[1]) * unit)
}

const text = (value: unknown, what: string): string => {
  if (typeof value === "string") return value
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  throw new ConfigError(`${what}: expected a string`)
}

const cacheOf = (value: unknown, what: string): WorkspaceConfig["cache"] | false => {
  if (value === false) return false
  if (!isRecord(value)) throw new ConfigError(`${what}: expected a mapping or false`)
  for (const key of Object.keys(value)) {
    if (!["indexTtl", "fileBytes", "maxFileBytes", "store"].includes(key)) {
      throw new ConfigError(`${what}: unknown setting '${key}'`)
    }
  }
  return {
    indexTtl: value.indexTtl === undefined ? undefined : quantity(value.indexTtl, `${what}.indexTtl`),
    fileBytes: value.fileBytes === undefined ? undefined : quantity(value.fileBytes, `${what}.fileBytes`),
    maxFileBytes: value.maxFileBytes === undefined ? undefined : quantity(value.maxFileBytes, `${what}.maxFileBytes`),
    store: value.store === undefined ? undefined : text(value.store, `${what}.store`),
  }
}

/** Replace `${VAR}` in every string of a parsed document. */
const substitute = (value: unknown, env: Readonly<Record<string, string | undefined>>): unknown => {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name]
      if (found === undefined) throw new ConfigError(`\${${name}} is not set in the environment`)
      return found
    })
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, env))
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, env)]))
  return value
}

const mountOf = (prefix: string, value: unknown): MountFlag => {
  const what = `mounts.${prefix}`
  if (!prefix.startsWith("/")) throw new ConfigError(`${what}: a mount path must be absolute`)
  const entry = typeof value === "string" ? { spec: value } : value
  if (!isRecord(entry)) throw new ConfigError(`${what}: expected a SPEC string or a mapping with 'spec'`)
  for (const key of Object.keys(entry)) {
    if (!["spec", "mode", "cache"].includes(key)) throw new ConfigError(`${what}: unknown setting '${key}'`)
  }
  const { spec, readOnly } = splitMode(text(entry.spec, `${what}.spec`))
  const parsed = parseSpec(spec)
  if ("error" in parsed) throw new ConfigError(`${what}: ${parsed.error}`)
  const mode = entry.mode === undefined ? undefined : text(entry.mode, `${what}.mode`)
  if (mode !== undefined && !["ro", "rw", "read", "write"].includes(mode)) {
    throw new ConfigError(`${what}.mode: expected ro or rw`)
  }
  const cache = entry.cache === undefined ? undefined : cacheOf(entry.cache, `${what}.cache`)
  if (cache !== undefined && cache !== false && cache.store !== undefined) {
    throw new ConfigError(`${what}.cache: 'store' is set once, in the top-level cache`)
  }
  return {
    prefix: normalizePrefix(prefix),
    spec: parsed.ok,
    readOnly: mode === undefined ? (readOnly ?? readOnlyByNature(parsed.ok)) : mode === "ro" || mode === "read",
    cache: cache === false ? false : cache === undefined ? undefined : { ...cache, store: undefined },
  }
}

/** Parse a workspace file's text; `name` prefixes error messages. */
export const parseConfig = (source: string, env: Readonly<Record<string, string | undefined>>): ConfigResult => {
  try {
    let document: unknown
    try {
      document = parse(source)
    } catch (error) {
      return { error: `invalid YAML: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}` }
    }
    if (document === null || document === undefined) document = {}
    if (!isRecord(document)) return { error: "expected a mapping at the top level" }
    for (const key of Object.keys(document)) {
      if (!["mounts", "cache", "cwd", "env"].includes(key)) return { error: `unknown setting '${key}'` }
    }
    const doc = substitute(document, env)
    if (!isRecord(doc)) return { error: "expected a mapping at the top level" }
    const mounts = doc.mounts === undefined ? {} : doc.mounts
    if (!isRecord(mounts)) return { error: "mounts: expected a mapping of PATH: SPEC" }
    const cache = doc.cache === undefined ? undefined : cacheOf(doc.cache, "cache")
    if (cache === false) return { error: "cache: turn the cache off per mount (cache: false)" }
    const envs = doc.env === undefined ? {} : doc.env
    if (!isRecord(envs)) return { error: "env: expected a mapping" }
    const flags = Object.entries(mounts).map(([prefix, value]) => mountOf(prefix, value))
    const seen = new Set<string>()
    for (const flag of flags) {
      if (seen.has(flag.prefix)) return { error: `mounts: '${flag.prefix}' is mounted twice` }
      seen.add(flag.prefix)
    }
    return {
      ok: {
        mounts: flags,
        cwd: doc.cwd === undefined ? undefined : text(doc.cwd, "cwd"),
        env: Object.fromEntries(Object.entries(envs).map(([k, v]) => [k, text(v, `env.${k}`)])),
        cache,
      },
    }
  } catch (error) {
    if (error instanceof ConfigError) return { error: error.message }
    throw error
  }
}
