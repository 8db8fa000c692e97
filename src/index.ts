/**
 * mirage-vfs: one filesystem tree for AI agents, with a bash to use across it.
 * This entry is runtime-agnostic (Node and browsers); `mirage-vfs/node` adds
 * the Node-only resources.
 */
export * as Mirage from "./Mirage.ts"
export type { ExecuteOptions, ExecuteResult, WorkspaceOptions } from "./Mirage.ts"
export { defaultLimits } from "./interpreter/Limits.ts"
export type { Limits } from "./interpreter/Limits.ts"
export type { NetworkOptions } from "./interpreter/commands/net/Policy.ts"
export { Workspace, FsError } from "./Workspace.ts"
export type { WorkspaceExecuteOptions, WorkspaceFs } from "./Workspace.ts"
export { MountMode } from "./vfs/Namespace.ts"
export * as Namespace from "./vfs/Namespace.ts"
export * as Resource from "./vfs/Resource.ts"
export * as Cache from "./vfs/Cache.ts"
export type { CacheOptions, CacheStore } from "./vfs/Cache.ts"
export { VfsError } from "./vfs/VfsError.ts"
export * as Path from "./vfs/Path.ts"
export { RAMResource } from "./resources/RAM.ts"
export type { RAMOptions } from "./resources/RAM.ts"
export * as RAM from "./resources/RAM.ts"
export * as Command from "./interpreter/Command.ts"
export * as Io from "./interpreter/Io.ts"
export { parse, parseSync, ParseError } from "./parser/parse.ts"
export { print } from "./parser/print.ts"
export type * as Ast from "./parser/Ast.ts"
