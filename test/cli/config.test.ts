import { describe, expect, it } from "vitest"
import { parseConfig } from "../../src/cli/config.ts"

describe("parseConfig", () => {
  it("reads mounts, cache defaults, cwd and env, replacing ${VAR} from the environment", () => {
    const source = `
cwd: /data
env:
  REGION: eu
cache:
  indexTtl: 1m
  fileBytes: 64MiB
  store: redis://127.0.0.1:6379/1
mounts:
  /data: ram
  /logs: s3://logs/2026?endpoint=\${S3_ENDPOINT}:ro
  /slack:
    spec: "slack:"
    cache: { indexTtl: 30s }
  /gh:
    spec: github:octo/repo@main
    cache: false
  /scratch:
    spec: disk:./tmp
    mode: ro
`
    const parsed = parseConfig(source, { S3_ENDPOINT: "http://127.0.0.1:9000" })
    expect(parsed).toEqual({
      ok: {
        cwd: "/data",
        env: { REGION: "eu" },
        cache: {
          indexTtl: 60_000,
          fileBytes: 64 * 1024 * 1024,
          maxFileBytes: undefined,
          store: "redis://127.0.0.1:6379/1",
        },
        mounts: [
          { prefix: "/data", spec: { kind: "ram" }, readOnly: false, cache: undefined },
          {
            prefix: "/logs",
            spec: {
              kind: "s3",
              bucket: "logs",
              prefix: "2026",
              endpoint: "http://127.0.0.1:9000",
              region: undefined,
              forcePathStyle: undefined,
            },
            readOnly: true,
            cache: undefined,
          },
          {
            prefix: "/slack",
            spec: { kind: "slack", baseUrl: undefined },
            readOnly: true,
            cache: { indexTtl: 30_000, fileBytes: undefined, maxFileBytes: undefined, store: undefined },
          },
          {
            prefix: "/gh",
            spec: { kind: "github", owner: "octo", repo: "repo", ref: "main", baseUrl: undefined },
            readOnly: true,
            cache: false,
          },
          { prefix: "/scratch", spec: { kind: "disk", dir: "./tmp" }, readOnly: true, cache: undefined },
        ],
      },
    })
  })

  it.each([
    ["mounts: [", /^invalid YAML: /],
    ["- a\n- b", /^expected a mapping at the top level$/],
    ["mount: {}", /^unknown setting 'mount'$/],
    ["mounts:\n  data: ram", /^mounts\.data: a mount path must be absolute$/],
    ["mounts:\n  /d: ftp://x", /^mounts\.\/d: unknown resource 'ftp:\/\/x'$/],
    ["mounts:\n  /d: { spec: ram, mode: sometimes }", /^mounts\.\/d\.mode: expected ro or rw$/],
    [
      "mounts:\n  /d: { spec: 's3://b', cache: { indexTtl: soon } }",
      /^mounts\.\/d\.cache\.indexTtl: expected a number/,
    ],
    ["mounts:\n  /d: { spec: 's3://b', cache: { store: 'redis://x' } }", /'store' is set once/],
    ["mounts:\n  /d: s3://${BUCKET}", /^\$\{BUCKET\} is not set in the environment$/],
    ["cache: false", /per mount/],
  ])("rejects %j", (source, message) => {
    const parsed = parseConfig(source, {})
    expect("error" in parsed && parsed.error).toMatch(message)
  })

  it("is empty for an empty file", () => {
    expect(parseConfig("", {})).toEqual({ ok: { mounts: [], cwd: undefined, env: {}, cache: undefined } })
  })
})
