/** mirage-vfs for Node: the core plus resources that need Node (`DiskResource`). */
export * from "./index.ts"
export { DiskResource } from "./resources/Disk.ts"
export * as Disk from "./resources/Disk.ts"
