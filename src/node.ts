/** mirage-vfs for Node: the core plus the resources that need Node (Disk, Redis, Slack, S3, Linear, GitHub) and the shared Redis cache store. */
export * from "./index.ts"
export { DiskResource } from "./resources/Disk.ts"
export * as Disk from "./resources/Disk.ts"
export { RedisResource } from "./resources/Redis.ts"
export * as Redis from "./resources/Redis.ts"
export * as RedisCache from "./resources/RedisCache.ts"
export { SlackResource } from "./resources/Slack.ts"
export * as Slack from "./resources/Slack.ts"
