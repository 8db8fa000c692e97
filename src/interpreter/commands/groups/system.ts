import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/** System and data utilities: expr, date, env, timeout, checksums, base64/32, compression, archives, network. */
export const commands: ReadonlyArray<CommandDef> = [
  lazy("b2sum", "Print or check BLAKE2b (512-bit) checksums.", () => import("../b2sum.ts").then((m) => m.b2sum)),
  lazy("base32", "Base32 encode or decode FILE, or standard input, to standard output.", () =>
    import("../base32.ts").then((m) => m.base32),
  ),
  lazy("bc", "An arbitrary precision calculator language.", () => import("../bc.ts").then((m) => m.bc)),
  lazy("base64", "Base64 encode or decode FILE, or standard input, to standard output.", () =>
    import("../base64.ts").then((m) => m.base64),
  ),
  lazy("cksum", "Print or verify checksums.\nBy default use the 32 bit CRC algorithm.", () =>
    import("../cksum.ts").then((m) => m.cksum),
  ),
  lazy("curl", "transfer a URL", () => import("../curl.ts").then((m) => m.curl)),
  lazy("date", "Display the current time in the given FORMAT.", () => import("../date.ts").then((m) => m.date)),
  lazy("env", "Set each NAME to VALUE in the environment and run COMMAND.", () =>
    import("../env.ts").then((m) => m.env),
  ),
  lazy("expr", "Print the value of EXPRESSION to standard output.", () => import("../expr.ts").then((m) => m.expr)),
  lazy("gunzip", "Uncompress FILEs (by default, in-place).", () => import("../gunzip.ts").then((m) => m.gunzip)),
  lazy("gzip", "Compress or uncompress FILEs (by default, in-place).", () => import("../gzip.ts").then((m) => m.gzip)),
  lazy("hostname", "Show the system's host name.", () => import("../hostname.ts").then((m) => m.hostname)),
  lazy("md5sum", "Print or check MD5 (128-bit) checksums.", () => import("../md5sum.ts").then((m) => m.md5sum)),
  lazy("nproc", "Print the number of processing units available to the current process.", () =>
    import("../nproc.ts").then((m) => m.nproc),
  ),
  lazy(
    "printenv",
    "Print the values of the specified environment VARIABLE(s).\nIf no VARIABLE is specified, print name and value pairs for them all.",
    () => import("../printenv.ts").then((m) => m.printenv),
  ),
  lazy("sha1sum", "Print or check SHA1 checksums.", () => import("../sha1sum.ts").then((m) => m.sha1sum)),
  lazy("sha224sum", "Print or check SHA224 checksums.", () => import("../sha224sum.ts").then((m) => m.sha224sum)),
  lazy("sha256sum", "Print or check SHA256 checksums.", () => import("../sha256sum.ts").then((m) => m.sha256sum)),
  lazy("sha384sum", "Print or check SHA384 checksums.", () => import("../sha384sum.ts").then((m) => m.sha384sum)),
  lazy("sha512sum", "Print or check SHA512 checksums.", () => import("../sha512sum.ts").then((m) => m.sha512sum)),
  lazy("tar", "GNU 'tar' saves many files together into a single tape or disk archive.", () =>
    import("../tar.ts").then((m) => m.tar),
  ),
  lazy("timeout", "Start COMMAND, and kill it if still running after DURATION.", () =>
    import("../timeout.ts").then((m) => m.timeout),
  ),
  lazy("unzip", "Extract, list or test files in a ZIP archive.", () => import("../unzip.ts").then((m) => m.unzip)),
  lazy("wget", "The non-interactive network downloader.", () => import("../wget.ts").then((m) => m.wget)),
  lazy("whoami", "Print the user name associated with the current effective user ID.", () =>
    import("../whoami.ts").then((m) => m.whoami),
  ),
  lazy("zcat", "Uncompress FILEs to standard output.", () => import("../zcat.ts").then((m) => m.zcat)),
  lazy("zgrep", "Search possibly compressed files for a regular expression.", () =>
    import("../zgrep.ts").then((m) => m.zgrep),
  ),
  lazy("zip", "Package and compress (archive) files.", () => import("../zip.ts").then((m) => m.zip)),
]
