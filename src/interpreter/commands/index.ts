import type { CommandDef } from "../Command.ts"
import { basename } from "./basename.ts"
import { cat } from "./cat.ts"
import { cut } from "./cut.ts"
import { dirname } from "./dirname.ts"
import { echo } from "./echo.ts"
import { falseCommand } from "./false.ts"
import { egrep, fgrep, grep } from "./grep.ts"
import { head } from "./head.ts"
import { printf } from "./printf.ts"
import { seq } from "./seq.ts"
import { sleep } from "./sleep.ts"
import { sort } from "./sort.ts"
import { tail } from "./tail.ts"
import { tee } from "./tee.ts"
import { bracket, test } from "./test.ts"
import { tr } from "./tr.ts"
import { trueCommand } from "./true.ts"
import { uniq } from "./uniq.ts"
import { wc } from "./wc.ts"
import { yes } from "./yes.ts"

/** The built-in utilities, one definition per name. */
export const commands: ReadonlyArray<CommandDef> = [
  basename,
  bracket,
  cat,
  cut,
  dirname,
  echo,
  egrep,
  falseCommand,
  fgrep,
  grep,
  head,
  printf,
  seq,
  sleep,
  sort,
  tail,
  tee,
  test,
  tr,
  trueCommand,
  uniq,
  wc,
  yes,
]
