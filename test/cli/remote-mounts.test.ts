import { PutObjectCommand } from "@aws-sdk/client-s3"
import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startLinearEmulator, type LinearEmulator } from "../support/linear-emulator.ts"
import { credentials, type S3Server, startS3 } from "../support/s3.ts"
import { startSlackEmulator, type SlackEmulator } from "../support/slack-emulator.ts"

/**
 * The `mirage` command line as a new user meets it: remote mounts from
 * `--mount` specs and a workspace file, secrets from the environment, the
 * real SDKs talking to local servers.
 */

const root = path.resolve(import.meta.dirname, "../..")
const cli = path.join(root, "src/cli/main.ts")

const mirage = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>) =>
  new Promise<{ readonly status: number | null; readonly stdout: string; readonly stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: os.tmpdir(), ...env },
        stdio: ["ignore", "pipe", "pipe"],
      })
      let stdout = ""
      let stderr = ""
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000)
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
      child.on("error", reject)
      child.on("close", (status) => {
        clearTimeout(timer)
        resolve({ status, stdout, stderr })
      })
    },
  )

let s3: S3Server
let slack: SlackEmulator
let linear: LinearEmulator
let tmp = ""
const bucket = "cli-bucket"

beforeAll(async () => {
  ;[s3, slack, linear] = await Promise.all([startS3(), startSlackEmulator(), startLinearEmulator()])
  await s3.createBucket(bucket)
  await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: "data.csv", Body: "id,name\n1,alpha\n2,beta\n" }))
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-remote-cli-"))
}, 60_000)

afterAll(async () => {
  await Promise.all([s3?.stop(), slack?.close(), linear?.close()])
  fs.rmSync(tmp, { recursive: true, force: true })
})

const awsEnv = () => ({
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
})

describe("mirage with remote mounts", () => {
  it("mounts S3 from a --mount spec with keys from the environment, and copies both ways", async () => {
    const r = await mirage(
      [
        "--mount",
        `/s3=s3://${bucket}?endpoint=${s3.endpoint}`,
        "--mount",
        "/data=ram",
        "-c",
        "cat /s3/data.csv && cp /s3/data.csv /data/ && seq 3 > /data/n && cp /data/n /s3/n && cat /s3/n && ls /s3",
      ],
      awsEnv(),
    )
    expect([r.stderr, r.status]).toEqual(["", 0])
    expect(r.stdout).toBe("id,name\n1,alpha\n2,beta\n1\n2\n3\ndata.csv\nn\n")
  })

  it("reads Slack and Linear from a workspace file, secrets from the environment", async () => {
    const config = path.join(tmp, "workspace.yaml")
    fs.writeFileSync(
      config,
      [
        "cwd: /data",
        "mounts:",
        "  /data: ram",
        "  /slack: slack:?base=${SLACK_URL}",
        "  /linear:",
        '    spec: "linear:?base=${LINEAR_URL}"',
        "    cache: { indexTtl: 1m }",
        "",
      ].join("\n"),
    )
    const r = await mirage(
      [
        "--config",
        config,
        "-c",
        "pwd; grep -c alert /slack/channels/general/*.jsonl | tail -1; jq -r .key /linear/teams/eng/team.json; linear --help | head -1",
      ],
      { SLACK_TOKEN: slack.token, SLACK_URL: slack.url, LINEAR_API_KEY: linear.apiKey, LINEAR_URL: linear.url },
    )
    expect(r.stderr).toBe("")
    const lines = r.stdout.split("\n")
    expect(lines[0]).toBe("/data")
    expect(lines[1]).toMatch(/^\/slack\/channels\/general\/2026-04-30\.jsonl:\d+$/)
    expect(lines[2]).toBe("ENG")
    expect(lines[3]).toMatch(/^Usage: linear /)
  })

  it("says which secret is missing, and never takes one from the command line", async () => {
    const missing = await mirage(["--mount", "/slack=slack:", "-c", "ls /slack"], {})
    expect([missing.status, missing.stderr]).toEqual([
      2,
      "mirage: --mount: slack: needs SLACK_TOKEN in the environment\n",
    ])
    const inline = await mirage(["--mount", "/r=redis://:hunter2@127.0.0.1:6379/0", "-c", "ls /r"], {})
    expect(inline.status).toBe(2)
    expect(inline.stderr).toContain("put the password in REDIS_PASSWORD")
  })

  it("reports a wrong key in one line naming the mount, without the key", async () => {
    const r = await mirage(["--mount", `/s3=s3://${bucket}?endpoint=${s3.endpoint}`, "-c", "cat /s3/data.csv"], {
      AWS_ACCESS_KEY_ID: "WRONG",
      AWS_SECRET_ACCESS_KEY: "topsecretvalue123",
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^cat: \/s3\/data\.csv: Permission denied \(\/s3: InvalidAccessKeyId.*\)\n$/)
    expect(r.stderr).not.toContain("topsecretvalue123")
  })
})
