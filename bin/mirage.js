#!/usr/bin/env node
// The `mirage` executable: runs the CLI that `npm run build` bundles (`prepare` runs the build on
// `npm ci`). Node's compile cache (Node 22.1+) keeps the compiled bundle between runs, so later
// starts skip most of the parsing; older Nodes simply start without it.
import module from "node:module"

module.enableCompileCache?.()
const { runMain } = await import("../dist/mirage-cli.js")
await runMain()
