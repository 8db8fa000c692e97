// Cold start of Mirage: import the library (the entry URL given as argv[2]:
// dist/index.js, or src/index.ts when there is no build), build a RAM
// workspace, run `echo hi`. Plain JavaScript so that node loads no
// TypeScript stripper for this file itself.
const { Workspace, RAMResource, MountMode } = await import(process.argv[2])
const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
const result = await ws.execute("echo hi")
process.stdout.write(result.stdoutText)
await ws.close()
