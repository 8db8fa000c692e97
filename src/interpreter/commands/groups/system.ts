import type { CommandDef } from "../../Command.ts"
import { b2sum } from "../b2sum.ts"
import { bc } from "../bc.ts"
import { base32 } from "../base32.ts"
import { base64 } from "../base64.ts"
import { cksum } from "../cksum.ts"
import { curl } from "../curl.ts"
import { date } from "../date.ts"
import { env } from "../env.ts"
import { expr } from "../expr.ts"
import { hostname } from "../hostname.ts"
import { gunzip } from "../gunzip.ts"
import { gzip } from "../gzip.ts"
import { tar } from "../tar.ts"
import { unzip } from "../unzip.ts"
import { zcat } from "../zcat.ts"
import { zgrep } from "../zgrep.ts"
import { zip } from "../zip.ts"
import { md5sum } from "../md5sum.ts"
import { nproc } from "../nproc.ts"
import { printenv } from "../printenv.ts"
import { sha1sum } from "../sha1sum.ts"
import { sha224sum } from "../sha224sum.ts"
import { sha256sum } from "../sha256sum.ts"
import { sha384sum } from "../sha384sum.ts"
import { sha512sum } from "../sha512sum.ts"
import { timeout } from "../timeout.ts"
import { wget } from "../wget.ts"
import { whoami } from "../whoami.ts"

/** System and data utilities: expr, date, env, timeout, checksums, base64/32, compression, archives, network. */
export const commands: ReadonlyArray<CommandDef> = [
  b2sum,
  base32,
  bc,
  base64,
  cksum,
  curl,
  date,
  env,
  expr,
  gunzip,
  gzip,
  hostname,
  md5sum,
  nproc,
  printenv,
  sha1sum,
  sha224sum,
  sha256sum,
  sha384sum,
  sha512sum,
  tar,
  timeout,
  unzip,
  wget,
  whoami,
  zcat,
  zgrep,
  zip,
]
