/**
 * The workspace's network policy: which URLs `curl` and `wget` may reach.
 * It comes from the workspace's options, never from the script's
 * environment, so a script cannot widen it. Nothing is allowed by default.
 */

/** `WorkspaceOptions.network`. */
export interface NetworkOptions {
  /**
   * What may be reached, each entry one of:
   * - a host: `example.com` (any port), `*.example.com` (its subdomains), `*` (anything);
   * - a host and port: `127.0.0.1:8080`, `[::1]:8080`;
   * - a URL prefix: `https://api.github.com/repos/` (scheme, host, port and a path prefix
   *   that ends at a `/` boundary).
   *
   * Default: nothing.
   */
  readonly allow?: ReadonlyArray<string> | undefined
}

/** A compiled policy. */
export interface NetworkPolicy {
  /** Whether any URL at all may be reached. */
  readonly enabled: boolean
  /** Whether this URL may be reached (each redirect hop is asked again). */
  readonly allows: (url: URL) => boolean
}

type Rule =
  | { readonly _tag: "any" }
  | { readonly _tag: "host"; readonly host: string; readonly subdomains: boolean; readonly port: string | undefined }
  | { readonly _tag: "prefix"; readonly origin: string; readonly path: string }

const defaultPort = (protocol: string): string => (protocol === "https:" ? "443" : protocol === "http:" ? "80" : "")

const portOf = (url: URL): string => url.port || defaultPort(url.protocol)

const bareHost = (host: string): string => host.toLowerCase().replace(/^\[|\]$/g, "")

/** An IPv4 or IPv6 address literal rather than a name. */
const isAddress = (host: string): boolean => host.includes(":") || /^\d+\.\d+\.\d+\.\d+$/.test(host)

const parseRule = (pattern: string): Rule | undefined => {
  const text = pattern.trim()
  if (text === "") return undefined
  if (text === "*") return { _tag: "any" }
  if (text.includes("://")) {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      return undefined
    }
    const path = url.pathname
    return { _tag: "prefix", origin: `${url.protocol}//${bareHost(url.hostname)}:${portOf(url)}`, path }
  }
  // host, *.host, host:port, [v6], [v6]:port
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(text)
  if (m === null) return undefined
  const host = bareHost(m[1]!)
  const subdomains = host.startsWith("*.")
  return { _tag: "host", host: subdomains ? host.slice(1) : host, subdomains, port: m[2] }
}

const matches = (rule: Rule, url: URL): boolean => {
  switch (rule._tag) {
    case "any":
      return true
    case "host": {
      const host = bareHost(url.hostname)
      // A wildcard names subdomains: an address literal has none (`*.0.0.1` is not 127.0.0.1).
      const hostOk = rule.subdomains ? !isAddress(host) && host.endsWith(rule.host) : host === rule.host
      return hostOk && (rule.port === undefined || rule.port === portOf(url))
    }
    case "prefix": {
      if (`${url.protocol}//${bareHost(url.hostname)}:${portOf(url)}` !== rule.origin) return false
      const path = url.pathname
      if (rule.path === "/" || path === rule.path) return true
      // `/repos` allows `/repos/x` but not `/reposx`.
      const prefix = rule.path.endsWith("/") ? rule.path : `${rule.path}/`
      return path.startsWith(prefix)
    }
  }
}

/** Compile `options` into a policy; patterns that do not parse allow nothing. */
export const makePolicy = (options?: NetworkOptions): NetworkPolicy => {
  const rules = (options?.allow ?? []).flatMap((p) => {
    const rule = parseRule(p)
    return rule === undefined ? [] : [rule]
  })
  return {
    enabled: rules.length > 0,
    allows: (url) => rules.some((rule) => matches(rule, url)),
  }
}

/** The policy that allows nothing. */
export const denyAll: NetworkPolicy = makePolicy()
