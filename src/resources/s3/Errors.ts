import { Redacted } from "effect"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"

/**
 * The one place S3 SDK errors become `VfsError`s. The `detail` names the
 * service's own cause in a few words (`NoSuchBucket: bucket "logs" does not
 * exist`, `connect ECONNREFUSED 127.0.0.1:9`) and never a secret: the
 * server's message is not trusted to leave out what it was sent, so any
 * secret the caller passes is scrubbed from it.
 */

/** What the mapping needs to know about the resource, beside the error. */
export interface S3ErrorContext {
  readonly bucket: string
  /** Values that must never appear in a detail (the secret key, the session token). */
  readonly secrets?: ReadonlyArray<Redacted.Redacted<string>> | undefined
}

/** The detail of a conditional write that lost: someone changed the object since this resource saw it. */
export const CHANGED = "changed by someone else"

const field = (error: unknown, name: string): unknown =>
  typeof error === "object" && error !== null && name in error ? Reflect.get(error, name) : undefined

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined)

/** The HTTP status the SDK attached to the error, when the request got an answer. */
export const statusOf = (error: unknown): number | undefined => {
  const status = field(field(error, "$metadata"), "httpStatusCode")
  return typeof status === "number" ? status : undefined
}

/**
 * The S3 error code (`NoSuchKey`, `AccessDenied`, ...), or a Node error code
 * (`ECONNREFUSED`). Answers to HEAD have no body, so the SDK names them by
 * their status (`NotFound`) or `Unknown`; those are told by status.
 */
export const codeOf = (error: unknown): string | undefined => {
  const code = text(field(error, "Code")) ?? text(field(error, "code"))
  if (code !== undefined) return code
  const name = text(field(error, "name"))
  return name === "Error" || name === "Unknown" ? undefined : name
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: "BadRequest",
  403: "Forbidden",
  404: "NotFound",
  409: "Conflict",
  412: "PreconditionFailed",
  416: "InvalidRange",
  500: "InternalError",
  501: "NotImplemented",
  503: "ServiceUnavailable",
}

/** Short words for the codes a user meets, so a line stays readable. */
const EXPLAINED: Readonly<Record<string, string>> = {
  InvalidAccessKeyId: "the access key id is not known to the server",
  SignatureDoesNotMatch: "the secret access key does not match the access key id",
  AccessDenied: "access denied",
  Forbidden: "access denied",
  ExpiredToken: "the session token has expired",
  InvalidToken: "the session token is not valid",
  AuthorizationHeaderMalformed: "the request was signed for another region; set `region`",
  PermanentRedirect: "the bucket is in another region or needs another endpoint",
  SlowDown: "rate limited",
  ServiceUnavailable: "service unavailable",
  InternalError: "internal error",
  EntityTooLarge: "object too large",
  NotImplemented: "not implemented by this server",
  CredentialsProviderError: "no credentials: pass `credentials` or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
  TimeoutError: "timed out",
}

const PERMISSION = new Set([
  "AccessDenied",
  "Forbidden",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "TokenRefreshRequired",
  "AllAccessDisabled",
  "AccountProblem",
  "CredentialsProviderError",
])

const reasonOf = (code: string | undefined, status: number | undefined): Reason => {
  if (code === "NoSuchKey" || code === "NotFound" || (code === undefined && status === 404)) return "NotFound"
  if (code === "NoSuchBucket") return "Backend"
  if ((code !== undefined && PERMISSION.has(code)) || status === 403) return "PermissionDenied"
  if (code === "PreconditionFailed" || code === "ConditionalRequestConflict" || status === 412) return "Conflict"
  if (code === "EntityTooLarge" || code === "QuotaExceeded") return "QuotaExceeded"
  if (code === "NotImplemented" || code === "MethodNotAllowed" || status === 501) return "NotSupported"
  return "Backend"
}

/** Node's network errors read best as Node words them (`connect ECONNREFUSED 127.0.0.1:9`). */
const NETWORK = /^E[A-Z]+$/

const scrub = (detail: string, secrets: ReadonlyArray<Redacted.Redacted<string>> | undefined): string => {
  let out = detail
  for (const secret of secrets ?? []) {
    const value = Redacted.value(secret)
    if (value.length >= 4) out = out.split(value).join("<redacted>")
  }
  return out
}

const firstLine = (message: string): string => {
  const line = message.split("\n")[0]
  return line.length > 160 ? `${line.slice(0, 157)}...` : line
}

const detailOf = (error: unknown, code: string | undefined, status: number | undefined, bucket: string): string => {
  if (code === "NoSuchBucket") return `NoSuchBucket: bucket "${bucket}" does not exist`
  if (code === "PreconditionFailed" || code === "ConditionalRequestConflict" || status === 412) return CHANGED
  const message = text(field(error, "message"))
  if (code !== undefined && NETWORK.test(code)) return message === undefined ? code : firstLine(message)
  const name = code ?? (status === undefined ? undefined : STATUS_CODES[status])
  const explained = name === undefined ? undefined : EXPLAINED[name]
  const said = explained ?? (message === undefined || message === "UnknownError" ? undefined : firstLine(message))
  const head = name ?? (status === undefined ? "error" : `HTTP ${status}`)
  const server = status !== undefined && status >= 500 ? ` (HTTP ${status})` : ""
  return `${head}${said === undefined ? "" : `: ${said}`}${server}`
}

/**
 * Map any error from the S3 client (a service exception, a network error,
 * a missing credential) to a `VfsError` on `path`. NotFound carries no
 * detail (it reads as coreutils' own line); every other reason says why.
 */
export const fromS3Error = (error: unknown, op: string, path: string, context: S3ErrorContext): VfsError => {
  if (error instanceof VfsError) return error
  const code = codeOf(error)
  const status = statusOf(error)
  const reason = reasonOf(code, status)
  const detail =
    reason === "NotFound" ? undefined : scrub(detailOf(error, code, status, context.bucket), context.secrets)
  return new VfsError({ reason, op, path, detail })
}
