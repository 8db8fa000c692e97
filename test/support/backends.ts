import { Effect } from "effect"
import { RedisResource } from "../../src/resources/Redis.ts"
import { make as makeS3 } from "../../src/resources/S3.ts"
import { credentials, startS3 } from "./s3.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import { hasRedisServer, type RedisServer, skipNotice, startRedis } from "./redis.ts"

/** A remote backend a test can run against: a fresh, empty resource per call. */
export interface RemoteBackend {
  readonly name: string
  readonly fresh: () => Promise<{ readonly resource: Resource; readonly cleanup: () => Promise<void> }>
}

/**
 * The remote stores this machine can run for tests (started on 127.0.0.1 by
 * the test itself), and the ones it cannot, with why. Each `fresh` resource
 * is empty: a new key prefix or bucket, so runs never see each other.
 */
export const backends = async (): Promise<{
  readonly available: ReadonlyArray<RemoteBackend>
  readonly skipped: ReadonlyArray<string>
  readonly stop: () => Promise<void>
}> => {
  const available: Array<RemoteBackend> = []
  const skipped: Array<string> = []
  const stops: Array<() => Promise<void>> = []
  let serial = 0

  if (hasRedisServer) {
    const server: RedisServer = await startRedis()
    stops.push(server.stop)
    available.push({
      name: "Redis",
      fresh: async () => {
        const resource = new RedisResource({ url: server.url, keyPrefix: `t${serial++}:` })
        return { resource, cleanup: () => Effect.runPromise(resource.close) }
      },
    })
  } else skipped.push(`Redis (${skipNotice})`)

  // s3rver is a devDependency: always here.
  const s3 = await startS3()
  stops.push(s3.stop)
  available.push({
    name: "S3",
    fresh: async () => {
      const bucket = `same${serial++}`
      await s3.createBucket(bucket)
      const resource = makeS3({ bucket, endpoint: s3.endpoint, forcePathStyle: true, credentials, cache: false })
      return { resource, cleanup: () => Effect.runPromise(resource.close) }
    },
  })

  return {
    available,
    skipped,
    stop: async () => {
      for (const stop of stops) await stop()
    },
  }
}
