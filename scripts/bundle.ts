/**
 * Bundles the package entries into dist/ (run by `npm run build` after the
 * declarations): `index.js`, `node.js`, `browser.js`, one per resource
 * (`disk.js`, `s3.js`...) and the CLI's `mirage-cli.js`, with shared code in
 * `dist/chunks/`.
 *
 * Why a bundle: Node loads an ES module graph file by file, and `effect`'s
 * index alone is some 140 modules (about 0.3 s to import on this machine), so
 * a library that imports it cannot start a process in 150 ms. The bundle
 * holds the parts of effect the core uses, and each command (awk, sed,
 * find...) is a chunk that the lazy registry imports on first use.
 *
 * The other dependencies stay external (imported from node_modules): the
 * SDKs of the remote resources, which only their resource modules import,
 * and the libraries a few commands use (fflate, @noble/hashes, jq-wasm,
 * yaml), so that a bundler or Node picks each one's browser or Node build.
 * The bundled effect is a private copy of the pinned version; Effect values
 * built by it work with an application's own `effect` of the same version.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { build } from "esbuild"

const root = path.resolve(import.meta.dirname, "..")
const outdir = path.join(root, "dist")

const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const dependencies =
  typeof pkg === "object" && pkg !== null && "dependencies" in pkg && typeof pkg.dependencies === "object"
    ? Object.keys(pkg.dependencies ?? {})
    : []
/** Bundled: effect (see above). External: every other dependency and its subpaths, and Node's modules. */
const external = ["node:*", ...dependencies.filter((name) => name !== "effect").flatMap((name) => [name, `${name}/*`])]

/**
 * One entry per remote resource as well (`mirage-vfs/s3`...): `mirage-vfs/node`
 * exports them all, so importing it loads every SDK (about 0.3 s); an entry
 * of its own loads only its resource's. Resources still being written are
 * skipped until their module exists.
 */
const resources: Record<string, string> = {
  disk: "src/resources/Disk.ts",
  s3: "src/resources/S3.ts",
  redis: "src/resources/Redis.ts",
  slack: "src/resources/Slack.ts",
  linear: "src/resources/Linear.ts",
  github: "src/resources/GitHub.ts",
}
const present = Object.fromEntries(Object.entries(resources).filter(([, file]) => fs.existsSync(path.join(root, file))))

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    index: "src/index.ts",
    node: "src/node.ts",
    browser: "src/browser.ts",
    "mirage-cli": "src/cli/main.ts",
    ...present,
  },
  outdir,
  bundle: true,
  // the entries share chunks: one copy of each class, whichever entries a program imports
  splitting: true,
  format: "esm",
  // the core runs in browsers too; Node's modules are external, imported only by node.ts and the CLI
  platform: "neutral",
  mainFields: ["module", "main"],
  target: "es2023",
  external,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
  metafile: true,
  write: false,
  // A new process compiles every byte it loads (about 1 MB at start-up, most of the cold start):
  // minified, the start is some 10% faster. The source maps beside the chunks give the real names
  // back (node --enable-source-maps).
  minify: true,
  sourcemap: "linked",
})

// The JavaScript is replaced as a whole (chunk names change with their contents), and only once
// the build has succeeded; tsc wrote the declarations beside it just before.
fs.mkdirSync(outdir, { recursive: true })
for (const entry of fs.readdirSync(outdir, { withFileTypes: true, recursive: true })) {
  if (entry.isFile() && (entry.name.endsWith(".js") || entry.name.endsWith(".js.map"))) fs.rmSync(path.join(entry.parentPath, entry.name))
}
for (const file of result.outputFiles) {
  fs.mkdirSync(path.dirname(file.path), { recursive: true })
  fs.writeFileSync(file.path, file.contents)
}

const bytes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.includes("/chunks/") && !file.endsWith(".map"))
  .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} KiB`)
process.stderr.write(
  `bundle: ${bytes.join(", ")}; ${Object.keys(result.metafile.outputs).length} files in ${path.relative(root, outdir)}/\n`,
)
