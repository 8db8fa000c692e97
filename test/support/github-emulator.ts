import { createHash } from "node:crypto"
import * as http from "node:http"

/**
 * A small GitHub REST API server for tests, enough of it for `@octokit/rest`
 * pointed at `url` (`baseUrl`): real git object ids (blob, tree and commit
 * shas are computed as git computes them), JSON shaped like GitHub's, token
 * auth, injectable rate limits and failures, and a request counter per path.
 *
 * Endpoints: GET /repos/{o}/{r}, /repos/{o}/{r}/commits/{ref} (JSON or the
 * `application/vnd.github.sha` media type), /repos/{o}/{r}/git/commits/{sha},
 * /repos/{o}/{r}/git/trees/{sha} (non-recursive), /repos/{o}/{r}/git/blobs/{sha}
 * (base64 JSON, or raw bytes with `Accept: application/vnd.github.raw`,
 * honouring `Range`).
 */

/** One entry of a seeded tree. */
export type SeedNode =
  | { readonly kind: "file"; readonly content: Uint8Array; readonly executable: boolean }
  | { readonly kind: "symlink"; readonly target: string }
  | { readonly kind: "submodule"; readonly commit: string }
  | { readonly kind: "dir"; readonly children: SeedDir }

/** A directory of a seeded tree: names to entries. */
export type SeedDir = Readonly<Record<string, SeedNode>>

const encoder = new TextEncoder()

/** A regular file (text is UTF-8 encoded). */
export const file = (content: string | Uint8Array, executable = false): SeedNode => ({
  kind: "file",
  content: typeof content === "string" ? encoder.encode(content) : content,
  executable,
})
/** A symlink whose blob holds `target`. */
export const link = (target: string): SeedNode => ({ kind: "symlink", target })
/** A gitlink to a commit of another repository. */
export const submodule = (commit: string): SeedNode => ({ kind: "submodule", commit })
/** A directory. */
export const dir = (children: SeedDir): SeedNode => ({ kind: "dir", children })

/** A repository: its default branch and the tree at each ref (branches and tags alike). */
export interface SeedRepo {
  readonly owner: string
  readonly repo: string
  readonly defaultBranch: string
  readonly refs: Readonly<Record<string, SeedDir>>
  /** Private repositories answer 404 to anonymous requests, as GitHub does. */
  readonly private?: boolean
}

export interface EmulatorOptions {
  /** The token the server accepts; with none, any request is anonymous and allowed. */
  readonly token?: string
  /** Honour `Range` on raw blobs (default true); false sends whole blobs, as a server may. */
  readonly ranges?: boolean
}

/** A running emulator. */
export interface GitHubEmulator {
  /** The API root to pass as `baseUrl`. */
  readonly url: string
  /** Requests served so far, by method and path ("GET /repos/o/r/git/trees/<sha>"), rate-limited ones included. */
  readonly requests: Map<string, number>
  /** How many requests had a path containing `fragment` (all when absent). */
  readonly count: (fragment?: string) => number
  /** Body bytes of raw blob responses so far. */
  readonly rawBytes: () => number
  /** Forget the counts. */
  readonly reset: () => void
  /**
   * Answer the next `times` requests with a rate-limit error: "primary" is
   * 403 with `x-ratelimit-remaining: 0` and a reset time, "secondary" is 429
   * with `retry-after`. `seconds` is how long the client is told to wait.
   */
  readonly rateLimit: (times: number, options?: { kind?: "primary" | "secondary"; seconds?: number }) => void
  /** Answer the next `times` requests with `status` (e.g. 502). */
  readonly failNext: (times: number, status: number) => void
  /** Point a ref at a new tree (a push), or create it. */
  readonly setRef: (ref: string, tree: SeedDir) => void
  /** The sha of the commit a ref points at now. */
  readonly commitOf: (ref: string) => string
  readonly close: () => Promise<void>
}

interface GitObject {
  readonly type: "blob" | "tree" | "commit"
  readonly body: Uint8Array
  /** Trees only: the entries as the API lists them. */
  readonly entries?: ReadonlyArray<{ path: string; mode: string; type: string; sha: string; size?: number }>
  /** Commits only. */
  readonly tree?: string
  readonly date?: string
}

const sha1 = (data: Uint8Array): string => createHash("sha1").update(data).digest("hex")

const concat = (parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** The id git gives an object: sha1 of "<type> <size>\0<body>". */
const objectId = (type: string, body: Uint8Array): string =>
  sha1(concat([encoder.encode(`${type} ${body.length}\0`), body]))

/** Bytes from hex digits ("89504e47" → 4 bytes). */
export const hexBytes = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))

/** The sha git gives a blob with these bytes. */
export const blobSha = (content: Uint8Array | string): string =>
  objectId("blob", typeof content === "string" ? encoder.encode(content) : content)

const JSON_TYPE = "application/json; charset=utf-8"

/** Start an emulator serving `seed` on 127.0.0.1 and a free port. */
export const startGitHubEmulator = async (seed: SeedRepo, options: EmulatorOptions = {}): Promise<GitHubEmulator> => {
  const objects = new Map<string, GitObject>()
  const refs = new Map<string, string>()
  let clock = Date.parse("2026-04-12T09:30:00Z")

  const put = (type: GitObject["type"], body: Uint8Array, extra: Partial<GitObject> = {}): string => {
    const sha = objectId(type, body)
    objects.set(sha, { type, body, ...extra })
    return sha
  }

  const writeTree = (children: SeedDir): string => {
    const entries = Object.entries(children).map(([name, node]) => {
      switch (node.kind) {
        case "file":
          return {
            path: name,
            mode: node.executable ? "100755" : "100644",
            type: "blob",
            sha: put("blob", node.content),
            size: node.content.length,
          }
        case "symlink": {
          const body = encoder.encode(node.target)
          return { path: name, mode: "120000", type: "blob", sha: put("blob", body), size: body.length }
        }
        case "submodule":
          return { path: name, mode: "160000", type: "commit", sha: node.commit }
        case "dir":
          return { path: name, mode: "040000", type: "tree", sha: writeTree(node.children) }
      }
    })
    // Git orders a tree's entries by name, comparing a subtree's name as if it ended in "/".
    const key = (e: { path: string; type: string }) => (e.type === "tree" ? `${e.path}/` : e.path)
    entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    const body = concat(
      entries.flatMap((e) => [encoder.encode(`${e.mode.replace(/^0/, "")} ${e.path}\0`), hexBytes(e.sha)]),
    )
    return put("tree", body, { entries })
  }

  const setRef = (ref: string, tree: SeedDir): void => {
    const treeSha = writeTree(tree)
    const parent = refs.get(ref)
    clock += 3_600_000
    const seconds = Math.floor(clock / 1000)
    const who = `Octo Cat <octo@example.com> ${seconds} +0000`
    const text = `tree ${treeSha}\n${parent ? `parent ${parent}\n` : ""}author ${who}\ncommitter ${who}\n\nupdate ${ref}\n`
    const date = new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z")
    refs.set(ref, put("commit", encoder.encode(text), { tree: treeSha, date }))
  }
  for (const [ref, tree] of Object.entries(seed.refs)) setRef(ref, tree)

  const requests = new Map<string, number>()
  let rawBytes = 0
  let limited: { times: number; kind: "primary" | "secondary"; seconds: number } = {
    times: 0,
    kind: "primary",
    seconds: 1,
  }
  let failing = { times: 0, status: 502 }

  let base = ""
  const api = (path: string) => `${base}${path}`
  const repoPath = `/repos/${seed.owner}/${seed.repo}`
  const person = (date: string) => ({ name: "Octo Cat", email: "octo@example.com", date })
  const commitJson = (sha: string, o: GitObject) => ({
    sha,
    node_id: `C_${sha.slice(0, 12)}`,
    url: api(`${repoPath}/git/commits/${sha}`),
    html_url: `https://github.com/${seed.owner}/${seed.repo}/commit/${sha}`,
    author: person(o.date ?? ""),
    committer: person(o.date ?? ""),
    message: "update",
    tree: { sha: o.tree, url: api(`${repoPath}/git/trees/${o.tree}`) },
    parents: [],
    verification: { verified: false, reason: "unsigned", signature: null, payload: null },
  })

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
    const text = JSON.stringify(body, null, 2)
    res.writeHead(status, { "content-type": JSON_TYPE, "content-length": Buffer.byteLength(text), ...headers })
    res.end(text)
  }
  const notFound = (res: http.ServerResponse) =>
    send(res, 404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    })

  const resolveRef = (ref: string): string | undefined => {
    const named = refs.get(ref.replace(/^refs\/(heads|tags)\//, ""))
    if (named !== undefined) return named
    if (!/^[0-9a-f]{4,40}$/.test(ref)) return undefined
    for (const [sha, o] of objects) if (o.type === "commit" && sha.startsWith(ref)) return sha
    return undefined
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://x")
    const path = decodeURIComponent(url.pathname)
    const key = `${req.method} ${path}`
    requests.set(key, (requests.get(key) ?? 0) + 1)
    const reset = Math.floor(Date.now() / 1000) + 3600
    res.setHeader("x-github-request-id", `EMU:${requests.size}`)
    res.setHeader("x-ratelimit-limit", "5000")
    res.setHeader("x-ratelimit-reset", String(reset))

    if (limited.times > 0) {
      limited.times--
      const message = "API rate limit exceeded for user."
      if (limited.kind === "primary")
        return send(
          res,
          403,
          { message, documentation_url: "https://docs.github.com/rest/rate-limit" },
          {
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000 + limited.seconds)),
          },
        )
      return send(
        res,
        429,
        { message: "You have exceeded a secondary rate limit." },
        { "retry-after": String(limited.seconds) },
      )
    }
    res.setHeader("x-ratelimit-remaining", "4999")
    if (failing.times > 0) {
      failing.times--
      return send(res, failing.status, { message: "Server Error" })
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? "")
    if (req.headers.authorization !== undefined && (options.token === undefined || auth?.[1] !== options.token))
      return send(res, 401, {
        message: "Bad credentials",
        documentation_url: "https://docs.github.com/rest",
        status: "401",
      })
    if (req.method !== "GET") return notFound(res)
    if (req.headers.authorization === undefined && seed.private) return notFound(res)

    if (!path.startsWith(repoPath) || (path.length > repoPath.length && path[repoPath.length] !== "/"))
      return notFound(res)
    const rest = path.slice(repoPath.length)
    const accept = req.headers.accept ?? ""

    if (rest === "" || rest === "/")
      return send(res, 200, {
        id: 1296269,
        node_id: "R_kgDOemu",
        name: seed.repo,
        full_name: `${seed.owner}/${seed.repo}`,
        owner: { login: seed.owner, id: 1, type: "User" },
        private: seed.private ?? false,
        html_url: `https://github.com/${seed.owner}/${seed.repo}`,
        url: api(repoPath),
        default_branch: seed.defaultBranch,
        visibility: seed.private ? "private" : "public",
      })

    let m = /^\/commits\/(.+)$/.exec(rest)
    if (m) {
      const sha = resolveRef(m[1])
      const o = sha === undefined ? undefined : objects.get(sha)
      if (sha === undefined || o === undefined)
        return send(res, 422, {
          message: `No commit found for SHA: ${m[1]}`,
          documentation_url: "https://docs.github.com/rest/commits/commits#get-a-commit",
          status: "422",
        })
      if (accept.includes("application/vnd.github.sha")) {
        res.writeHead(200, { "content-type": "application/vnd.github.sha; charset=utf-8" })
        return void res.end(sha)
      }
      return send(res, 200, { sha, commit: commitJson(sha, o), files: [], stats: { total: 0 } })
    }

    m = /^\/git\/(commits|trees|blobs)\/([0-9a-f]{40})$/.exec(rest)
    const o = m ? objects.get(m[2]) : undefined
    if (!m || o === undefined || o.type !== m[1].slice(0, -1)) return notFound(res)
    const sha = m[2]
    if (m[1] === "commits") return send(res, 200, commitJson(sha, o))
    if (m[1] === "trees")
      return send(res, 200, {
        sha,
        url: api(`${repoPath}/git/trees/${sha}`),
        tree: (o.entries ?? []).map((e) => ({
          ...e,
          url: e.type === "commit" ? undefined : api(`${repoPath}/git/${e.type}s/${e.sha}`),
        })),
        truncated: false,
      })
    if (accept.includes("application/vnd.github.raw")) return sendRaw(req, res, o.body)
    const base64 = Buffer.from(o.body).toString("base64")
    return send(res, 200, {
      sha,
      node_id: `B_${sha.slice(0, 12)}`,
      size: o.body.length,
      url: api(`${repoPath}/git/blobs/${sha}`),
      // GitHub wraps base64 content at 60 characters.
      content: (base64.match(/.{1,60}/g) ?? []).join("\n") + "\n",
      encoding: "base64",
    })
  }

  /** Raw bytes in 16 KiB writes (so clients see many chunks), with a single `Range` honoured. */
  const sendRaw = (req: http.IncomingMessage, res: http.ServerResponse, body: Uint8Array) => {
    let start = 0
    let end = body.length
    let status = 200
    const range = options.ranges === false ? null : /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "")
    const headers: http.OutgoingHttpHeaders = { "content-type": "application/vnd.github.raw" }
    if (range) {
      start = Math.min(Number(range[1]), body.length)
      end = range[2] === "" ? body.length : Math.min(Number(range[2]) + 1, body.length)
      status = 206
      headers["content-range"] = `bytes ${start}-${end - 1}/${body.length}`
    }
    res.writeHead(status, { ...headers, "content-length": end - start })
    rawBytes += end - start
    for (let i = start; i < end; i += 16384) res.write(body.subarray(i, Math.min(i + 16384, end)))
    res.end()
  }

  const server = http.createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("the emulator has no TCP address")
  base = `http://127.0.0.1:${address.port}`

  return {
    url: base,
    requests,
    count: (fragment) => {
      let n = 0
      for (const [k, v] of requests) if (fragment === undefined || k.includes(fragment)) n += v
      return n
    },
    rawBytes: () => rawBytes,
    reset: () => {
      requests.clear()
      rawBytes = 0
    },
    rateLimit: (times, o) => {
      limited = { times, kind: o?.kind ?? "primary", seconds: o?.seconds ?? 1 }
    },
    failNext: (times, status) => {
      failing = { times, status }
    },
    setRef,
    commitOf: (ref) => refs.get(ref) ?? "",
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
