/**
 * What a `--mount PATH=SPEC` (or a mount in a workspace file) asks for, parsed without touching
 * the network or the disk. Secrets never appear here: the resources read them from the
 * environment when they are built (`run.ts`).
 *
 * SPEC forms:
 *   ram                                   an empty in-memory filesystem
 *   disk:DIR                              a host directory
 *   s3://BUCKET[/PREFIX][?endpoint=URL&region=R&path_style=1]
 *   redis://HOST[:PORT][/DB][?prefix=P]   (password from REDIS_PASSWORD, never in the URL)
 *   slack:[?base=URL]                     (token from SLACK_TOKEN)
 *   linear:[?base=URL]                    (key from LINEAR_API_KEY)
 *   github:OWNER/REPO[@REF][?base=URL]    (token from GITHUB_TOKEN, optional)
 * each optionally followed by `:ro` or `:rw`.
 */

/** One backend, with the settings given on the command line or in a workspace file. */
export type MountSpec =
  | { readonly kind: "ram" }
  | { readonly kind: "disk"; readonly dir: string }
  | {
      readonly kind: "s3"
      readonly bucket: string
      readonly prefix: string
      readonly endpoint: string | undefined
      readonly region: string | undefined
      readonly forcePathStyle: boolean | undefined
    }
  | { readonly kind: "redis"; readonly url: string; readonly keyPrefix: string | undefined }
  | { readonly kind: "slack"; readonly baseUrl: string | undefined }
  | { readonly kind: "linear"; readonly baseUrl: string | undefined }
  | {
      readonly kind: "github"
      readonly owner: string
      readonly repo: string
      readonly ref: string | undefined
      readonly baseUrl: string | undefined
    }

/** A spec, or why it is not one (a line for `mirage: --mount: ...`). */
export type SpecResult = { readonly ok: MountSpec } | { readonly error: string }

const queryOf = (text: string): { readonly head: string; readonly query: URLSearchParams } => {
  const q = text.indexOf("?")
  return q < 0
    ? { head: text, query: new URLSearchParams() }
    : { head: text.slice(0, q), query: new URLSearchParams(text.slice(q + 1)) }
}

const flag = (value: string | null): boolean | undefined =>
  value === null ? undefined : value === "" || value === "1" || value === "true" || value === "yes"

/** Parse one SPEC (without its `:ro`/`:rw` suffix). */
export const parseSpec = (spec: string): SpecResult => {
  if (spec === "ram") return { ok: { kind: "ram" } }
  if (spec.startsWith("disk:")) {
    const dir = spec.slice("disk:".length)
    return dir === "" ? { error: "disk: needs a directory" } : { ok: { kind: "disk", dir } }
  }
  if (spec.startsWith("s3://")) {
    const { head, query } = queryOf(spec.slice("s3://".length))
    const slash = head.indexOf("/")
    const bucket = slash < 0 ? head : head.slice(0, slash)
    if (bucket === "") return { error: "s3: needs a bucket (s3://BUCKET/PREFIX)" }
    const prefix = slash < 0 ? "" : head.slice(slash + 1)
    return {
      ok: {
        kind: "s3",
        bucket,
        prefix,
        endpoint: query.get("endpoint") ?? undefined,
        region: query.get("region") ?? undefined,
        forcePathStyle: flag(query.get("path_style")),
      },
    }
  }
  if (spec.startsWith("redis://") || spec.startsWith("rediss://")) {
    const { head, query } = queryOf(spec)
    let url: URL
    try {
      url = new URL(head)
    } catch {
      return { error: `redis: invalid URL` }
    }
    if (url.password !== "") return { error: "redis: put the password in REDIS_PASSWORD, not in the URL" }
    return { ok: { kind: "redis", url: head, keyPrefix: query.get("prefix") ?? undefined } }
  }
  if (spec === "slack:" || spec.startsWith("slack:?")) {
    return { ok: { kind: "slack", baseUrl: queryOf(spec).query.get("base") ?? undefined } }
  }
  if (spec === "linear:" || spec.startsWith("linear:?")) {
    return { ok: { kind: "linear", baseUrl: queryOf(spec).query.get("base") ?? undefined } }
  }
  if (spec.startsWith("github:")) {
    const { head, query } = queryOf(spec.slice("github:".length))
    const match = /^([\w.-]+)\/([\w.-]+?)(?:@(.+))?$/.exec(head)
    if (match === null) return { error: "github: expected github:OWNER/REPO[@REF]" }
    return {
      ok: { kind: "github", owner: match[1], repo: match[2], ref: match[3], baseUrl: query.get("base") ?? undefined },
    }
  }
  return { error: `unknown resource '${spec}'` }
}

/** Split a trailing `:ro` / `:rw` off a spec. */
export const splitMode = (spec: string): { readonly spec: string; readonly readOnly: boolean | undefined } => {
  if (spec.endsWith(":ro")) return { spec: spec.slice(0, -3), readOnly: true }
  if (spec.endsWith(":rw")) return { spec: spec.slice(0, -3), readOnly: false }
  return { spec, readOnly: undefined }
}

/**
 * Whether a kind of backend is read-only by nature, so its mount defaults to read-only (the
 * services the tree only mirrors) or writable (filesystems and stores the user owns).
 */
export const readOnlyByNature = (spec: MountSpec): boolean =>
  spec.kind === "slack" || spec.kind === "linear" || spec.kind === "github"
