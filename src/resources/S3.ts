import type { S3Client } from "@aws-sdk/client-s3"
import type { Layer, Redacted } from "effect"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { Resource } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import { normalizePrefix } from "./s3/Bucket.ts"
import * as Presets from "./s3/Presets.ts"
import type { GcsOptions, OciOptions, R2Options, SupabaseOptions } from "./s3/Presets.ts"
import { primitives } from "./s3/Primitives.ts"

/**
 * An S3 bucket (or a prefix of one) as a resource, on `@aws-sdk/client-s3`;
 * R2, GCS, OCI and Supabase through their S3 endpoints (see the presets).
 *
 * Keys map to paths under the mount: with `prefix: "logs/"`, `/2026/a.txt`
 * is the key `logs/2026/a.txt`. Directories are what delimiter listings
 * show, plus `dir/` marker objects: `mkdir` writes a marker, so an empty
 * directory exists, and removing the last file of a directory that had none
 * writes one, so the directory stays as POSIX would keep it. A key that is
 * both an object and a prefix (`a` and `a/b`, made outside Mirage) shows as a
 * file, while paths below it stay reachable.
 *
 * Costs to know: `>>` (append) and `truncate` read the old object and put it
 * back whole, so a loop of `>>` is quadratic in requests and bytes; `mv` is
 * CopyObject + DeleteObject for every key of a tree; `rm -r` lists the tree
 * and deletes 1000 keys per DeleteObjects call. Symlinks do not exist on S3
 * (`ln -s` fails with "Operation not supported"); times are S3's
 * LastModified, so only `touch` (to now) can set one.
 *
 * Lost updates are refused, not made. A write that replaces a file sends
 * `If-Match` with the ETag of the version this resource last read or wrote
 * there (or first saw by stat, when it knew none): if someone else changed
 * the object since, the write fails with reason `Conflict` ("changed by
 * someone else") and the object keeps their content. The resource then
 * forgets that version, so running the write again overwrites on purpose.
 * Appends and truncates are conditioned on the version they read. Exclusive
 * writes (`set -o noclobber`, `cp -n`) send `If-None-Match: *`. A server
 * that ignores these headers simply overwrites.
 */

/** Keys for S3; the secret and the token are kept as `Redacted` whichever form they are given in. */
export interface S3Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string | Redacted.Redacted<string>
  readonly sessionToken?: string | Redacted.Redacted<string> | undefined
}

/** Configuration of an S3 resource. */
export interface S3Options {
  readonly bucket: string
  /** The SDK region (default `us-east-1`; R2 and GCS use `auto`). */
  readonly region?: string | undefined
  /** A key prefix the mount shows as its root, e.g. `"logs/2026"`. */
  readonly prefix?: string | undefined
  /** A custom endpoint (`http://127.0.0.1:9000`, an R2 or GCS URL...). */
  readonly endpoint?: string | undefined
  /** Address buckets by path instead of host name; defaults to true with a custom endpoint. */
  readonly forcePathStyle?: boolean | undefined
  /** Keys; without them the SDK's default chain (AWS_ACCESS_KEY_ID, ~/.aws...) is used. */
  readonly credentials?: S3Credentials | undefined
  /** Writes above this many bytes use a multipart upload (default 8 MiB). */
  readonly multipartThreshold?: number | undefined
  /** Batch deletes with DeleteObjects (default true; GCS has no such call). */
  readonly batchDelete?: boolean | undefined
  /** Keys per listing page (default 1000, the most S3 returns); smaller pages only cost more requests. */
  readonly pageSize?: number | undefined
  /** Attempts per request before an error is reported (default 2, so a dead endpoint fails fast). */
  readonly maxAttempts?: number | undefined
  readonly cache?: CacheOptions | false | undefined
  /** Advanced: a client of your own (its endpoint, region, retries and credentials are used as they are). */
  readonly client?: S3Client | undefined
}

/** The cache id of a bucket and prefix: identifies the backend, holds no secret. */
export const idOf = (options: S3Options): string =>
  `s3:${options.endpoint ?? `aws:${options.region ?? "us-east-1"}`}/${options.bucket}/${normalizePrefix(options.prefix)}`

/** An S3 resource without a cache: the primitives plus batched tree removal. */
export const make = (options: S3Options): Resource => {
  const { removeTree, ...p } = primitives(options)
  return { ...makeResource(p), removeRecursive: removeTree }
}

/**
 * An S3 bucket (or a prefix of it) as a resource, cached per `options.cache`.
 *
 * @example
 * const ws = new Workspace({ "/s3": new S3Resource({ bucket: "logs", region: "eu-west-1" }) })
 * await ws.execute("grep -c ERROR /s3/2026/04/*.log")
 */
export class S3Resource extends ResourceBase {
  readonly bucket: string
  readonly prefix: string
  readonly endpoint: string | undefined

  constructor(options: S3Options) {
    super(Cache.wrap(make(options), idOf(options), options.cache))
    this.bucket = options.bucket
    this.prefix = normalizePrefix(options.prefix)
    this.endpoint = options.endpoint
  }

  /** Cloudflare R2: `https://<accountId>.r2.cloudflarestorage.com`, region `auto`. */
  static r2(options: R2Options): S3Resource {
    return new S3Resource(Presets.r2(options))
  }

  /** Google Cloud Storage through its S3 interoperability (XML) API, with HMAC keys. */
  static gcs(options: GcsOptions): S3Resource {
    return new S3Resource(Presets.gcs(options))
  }

  /** Oracle Cloud Object Storage through its Amazon S3 Compatibility API. */
  static oci(options: OciOptions): S3Resource {
    return new S3Resource(Presets.oci(options))
  }

  /** Supabase Storage through its S3 protocol endpoint. */
  static supabase(options: SupabaseOptions): S3Resource {
    return new S3Resource(Presets.supabase(options))
  }

  override toString(): string {
    return `S3Resource(${this.endpoint ?? "aws"}/${this.bucket}/${this.prefix})`
  }

  /** What JSON shows of the resource: where it points, never its keys. */
  toJSON(): {
    readonly kind: string
    readonly bucket: string
    readonly prefix: string
    readonly endpoint: string | undefined
  } {
    return { kind: this.kind, bucket: this.bucket, prefix: this.prefix, endpoint: this.endpoint }
  }
}

/** A namespace with a bucket mounted at `prefix` (writable by default). */
export const layer = (options: S3Options, prefix = "/", mode: MountMode = MountMode.WRITE): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: new S3Resource(options), mode }])

export { r2, gcs, oci, supabase } from "./s3/Presets.ts"
export type { GcsOptions, OciOptions, R2Options, SupabaseOptions } from "./s3/Presets.ts"
