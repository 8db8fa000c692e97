import { Redacted } from "effect"
import type { CacheOptions } from "../../vfs/Cache.ts"
import type { S3Credentials, S3Options } from "../S3.ts"

/**
 * Options for the S3-compatible services, so a user names an account and a
 * bucket instead of an endpoint. Each returns plain `S3Options` (usable with
 * `make` and `layer`), with the secret already wrapped in `Redacted`.
 */

/** What every preset takes besides where the service is. */
export interface PresetOptions {
  readonly bucket: string
  readonly credentials: S3Credentials
  readonly prefix?: string | undefined
  readonly multipartThreshold?: number | undefined
  readonly cache?: CacheOptions | false | undefined
}

/** Cloudflare R2: the account id from the R2 dashboard, and an R2 API token's key pair. */
export interface R2Options extends PresetOptions {
  readonly accountId: string
  /** A bucket created in a jurisdiction is reached through its own endpoint. */
  readonly jurisdiction?: "eu" | "fedramp" | undefined
}

/** Google Cloud Storage: an HMAC key pair (Cloud Storage settings, Interoperability). */
export interface GcsOptions extends PresetOptions {}

/** Oracle Cloud Object Storage: the tenancy's Object Storage namespace, its region, and a Customer Secret Key. */
export interface OciOptions extends PresetOptions {
  readonly namespace: string
  /** An OCI region identifier, e.g. `us-ashburn-1`. */
  readonly region: string
}

/** Supabase Storage: the project reference, its region, and the S3 access keys from the Storage settings. */
export interface SupabaseOptions extends PresetOptions {
  readonly projectRef: string
  /** The project's region, e.g. `eu-central-1`. */
  readonly region: string
}

const common = (options: PresetOptions): S3Options => ({
  bucket: options.bucket,
  prefix: options.prefix,
  multipartThreshold: options.multipartThreshold,
  cache: options.cache,
  credentials: {
    accessKeyId: options.credentials.accessKeyId,
    secretAccessKey: Redacted.isRedacted(options.credentials.secretAccessKey)
      ? options.credentials.secretAccessKey
      : Redacted.make(options.credentials.secretAccessKey),
    sessionToken:
      options.credentials.sessionToken === undefined || Redacted.isRedacted(options.credentials.sessionToken)
        ? options.credentials.sessionToken
        : Redacted.make(options.credentials.sessionToken),
  },
})

/**
 * Cloudflare R2 at `https://<accountId>.r2.cloudflarestorage.com` (or
 * `<accountId>.<jurisdiction>.r2...`), region `auto`.
 *
 * @example
 * new S3Resource(r2({ accountId, bucket: "assets", credentials: { accessKeyId, secretAccessKey } }))
 */
export const r2 = (options: R2Options): S3Options => ({
  ...common(options),
  endpoint: `https://${options.accountId}${options.jurisdiction === undefined ? "" : `.${options.jurisdiction}`}.r2.cloudflarestorage.com`,
  region: "auto",
  forcePathStyle: true,
})

/**
 * Google Cloud Storage through its XML API at `https://storage.googleapis.com`
 * with HMAC keys. GCS has no multi-object delete, so `rm -r` deletes one
 * object per request.
 */
export const gcs = (options: GcsOptions): S3Options => ({
  ...common(options),
  endpoint: "https://storage.googleapis.com",
  region: "auto",
  forcePathStyle: true,
  batchDelete: false,
})

/**
 * OCI Object Storage's Amazon S3 Compatibility API at
 * `https://<namespace>.compat.objectstorage.<region>.oraclecloud.com`,
 * addressed by path.
 */
export const oci = (options: OciOptions): S3Options => ({
  ...common(options),
  endpoint: `https://${options.namespace}.compat.objectstorage.${options.region}.oraclecloud.com`,
  region: options.region,
  forcePathStyle: true,
})

/**
 * Supabase Storage's S3 protocol at `https://<projectRef>.supabase.co/storage/v1/s3`,
 * addressed by path. A self-hosted Supabase is plain `S3Options` with its own
 * `endpoint`.
 */
export const supabase = (options: SupabaseOptions): S3Options => ({
  ...common(options),
  endpoint: `https://${options.projectRef}.supabase.co/storage/v1/s3`,
  region: options.region,
  forcePathStyle: true,
})
