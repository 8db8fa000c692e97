#!/usr/bin/env node
// The `mirage` executable: runs the CLI that `npm run build` bundles into one file (`prepare`
// runs the build on `npm ci`), so a cold start loads one module instead of hundreds.
import { runMain } from "../dist/mirage-cli.js"

await runMain()
