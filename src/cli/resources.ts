/**
 * Building the resource a mount spec asks for. Each backend's module is imported only when a
 * mount uses it, so `mirage -c 'echo hi'` never loads the AWS or Slack SDKs. Secrets come from
 * the environment, never from the command line or the workspace file's literal text.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { CacheOptions, CacheStore } from "../vfs/Cache.ts"
import type { Resource } from "../vfs/Resource.ts"
import type { MountFlag } from "./args.ts"

/** A problem with the invocation found while setting up (status 2); the message has no prefix. */
export class UsageError extends Error {}

/** What every mount of one invocation shares. */
export interface BuildContext {
  readonly hostCwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Cache defaults of the workspace file, with its shared store when it names one. */
  readonly cache: Omit<CacheOptions, "store"> | undefined
  readonly store: CacheStore | undefined
}

/** The cache settings of one remote mount: the mount's own, over the workspace's defaults. */
const cacheFor = (flag: MountFlag, ctx: BuildContext): CacheOptions | false => {
  if (flag.cache === false) return false
  return { ...ctx.cache, ...flag.cache, store: ctx.store }
}

const need = (ctx: BuildContext, name: string, what: string): string => {
  const value = ctx.env[name]
  if (value === undefined || value === "") throw new UsageError(`--mount: ${what} needs ${name} in the environment`)
  return value
}

/** Build the resource of one mount. */
export const resourceFor = async (flag: MountFlag, ctx: BuildContext): Promise<Resource> => {
  const spec = flag.spec
  switch (spec.kind) {
    case "ram": {
      const { RAMResource } = await import("../resources/RAM.ts")
      return new RAMResource()
    }
    case "disk": {
      const root = path.resolve(ctx.hostCwd, spec.dir)
      let stat: fs.Stats
      try {
        stat = fs.statSync(root)
      } catch {
        throw new UsageError(`--mount: ${spec.dir}: No such file or directory`)
      }
      if (!stat.isDirectory()) throw new UsageError(`--mount: ${spec.dir}: Not a directory`)
      const { DiskResource } = await import("../resources/Disk.ts")
      return new DiskResource({ root })
    }
    case "s3": {
      const { S3Resource } = await import("../resources/S3.ts")
      const accessKeyId = ctx.env.AWS_ACCESS_KEY_ID
      const secretAccessKey = ctx.env.AWS_SECRET_ACCESS_KEY
      return new S3Resource({
        bucket: spec.bucket,
        prefix: spec.prefix,
        endpoint: spec.endpoint ?? ctx.env.AWS_ENDPOINT_URL_S3 ?? ctx.env.AWS_ENDPOINT_URL,
        region: spec.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION ?? "us-east-1",
        forcePathStyle: spec.forcePathStyle ?? (spec.endpoint !== undefined ? true : undefined),
        credentials:
          accessKeyId !== undefined && secretAccessKey !== undefined
            ? { accessKeyId, secretAccessKey, sessionToken: ctx.env.AWS_SESSION_TOKEN }
            : undefined,
        cache: cacheFor(flag, ctx),
      })
    }
    case "redis": {
      const { RedisResource } = await import("../resources/Redis.ts")
      return new RedisResource({ url: spec.url, keyPrefix: spec.keyPrefix, password: ctx.env.REDIS_PASSWORD })
    }
    case "slack": {
      const { SlackResource } = await import("../resources/Slack.ts")
      return new SlackResource({
        apiKey: need(ctx, "SLACK_TOKEN", "slack:"),
        baseUrl: spec.baseUrl ?? ctx.env.SLACK_API_URL,
        cache: cacheFor(flag, ctx),
      })
    }
    case "linear": {
      const { LinearResource } = await import("../resources/Linear.ts")
      return new LinearResource({
        apiKey: need(ctx, "LINEAR_API_KEY", "linear:"),
        baseUrl: spec.baseUrl ?? ctx.env.LINEAR_API_URL,
        cache: cacheFor(flag, ctx),
      })
    }
    case "github": {
      const { GitHubResource } = await import("../resources/GitHub.ts")
      return new GitHubResource({
        owner: spec.owner,
        repo: spec.repo,
        ref: spec.ref,
        token: ctx.env.GITHUB_TOKEN,
        baseUrl: spec.baseUrl ?? ctx.env.GITHUB_API_URL,
        cache: cacheFor(flag, ctx),
      })
    }
  }
}
