import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { inspect } from "node:util"
import { Redacted, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Resource, VfsError, Workspace } from "../../src/index.ts"
import { GitHubResource } from "../../src/resources/GitHub.ts"

/**
 * Credentials live in the resources that use them, as `Redacted` values;
 * none reaches the shell's variables, so no `env`, `set`, `declare -p` or
 * error line can print one. A server that echoes the token back in its error
 * bodies does not get it printed either.
 */

const SECRET = "ghp_ThisIsTheSecretToken0123456789"

let server: Server
let port = 0

beforeAll(async () => {
  // Every answer reflects the Authorization header, as a careless or hostile server might.
  server = createServer((req, res) => {
    res.writeHead(401, { "Content-Type": "application/json" })
    res.end(JSON.stringify({ message: `Bad credentials: ${req.headers.authorization ?? "none"}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** A resource over RAM that holds a credential and names it (carelessly, but redacted) in its errors. */
const keyed = (key: Redacted.Redacted<string>): Resource.Resource => {
  const ram = new RAMResource()
  return Resource.make({
    ...ram,
    kind: "keyed",
    read: (path, range) =>
      path === "/locked"
        ? Stream.fail(
            new VfsError({ reason: "PermissionDenied", op: "read", path, detail: `key ${String(key)} refused` }),
          )
        : ram.read(path, range),
  })
}

const DUMPS = "env; printenv; set; declare -p; export -p; declare -x; compgen -v 2>/dev/null; typeset"

describe("a workspace's credentials never print", () => {
  it("through the variable dumps and the errors of a resource that holds one", async () => {
    const token = Redacted.make(SECRET)
    const ws = new Workspace(
      {
        "/gh": new GitHubResource({ owner: "o", repo: "r", token, baseUrl: `http://127.0.0.1:${port}`, cache: false }),
        "/k": keyed(token),
        "/tmp": new RAMResource(),
      },
      { env: { VISIBLE: "yes" } },
    )
    ws.removeMount("/tmp")
    ws.addMount("/tmp", new RAMResource(), MountMode.WRITE)
    const r = await ws.execute(
      `${DUMPS}; ls /gh; cat /gh/README.md; stat /gh/x; find /gh; cat /k/locked; grep -r x /gh /k; cp /gh/a /tmp/; set -x; ls /gh`,
    )
    const all = r.stdoutText + r.stderrText
    expect(all).toContain("VISIBLE") // the dumps ran
    expect(r.stderrText).toContain("/gh") // the errors ran
    expect(all).not.toContain(SECRET)
    expect(all).not.toContain(SECRET.slice(4, 20))
    expect(r.stderrText).toContain("<redacted>")
    expect(JSON.stringify(r)).not.toContain(SECRET)
  })

  it("and a Redacted value never shows its content however it is printed", () => {
    const r = Redacted.make(SECRET)
    for (const shown of [
      String(r),
      `${r}`,
      JSON.stringify({ r }),
      inspect(r),
      inspect({ nested: { r } }, { depth: 5 }),
    ]) {
      expect(shown).not.toContain(SECRET)
    }
    expect(Redacted.value(r)).toBe(SECRET)
  })
})
