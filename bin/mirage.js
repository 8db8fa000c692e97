#!/usr/bin/env node
// The `mirage` executable: runs the CLI built by `npm run build` (run by `prepare` on `npm ci`).
import { runMain } from "../dist/cli/main.js"

await runMain()
