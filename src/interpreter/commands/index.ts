import type { CommandDef } from "../Command.ts"
import { basename } from "./basename.ts"
import { cat } from "./cat.ts"
import { cp } from "./cp.ts"
import { cut } from "./cut.ts"
import { dirname } from "./dirname.ts"
import { echo } from "./echo.ts"
import { falseCommand } from "./false.ts"
import { egrep, fgrep, grep } from "./grep.ts"
import { head } from "./head.ts"
import { ls } from "./ls.ts"
import { mkdir } from "./mkdir.ts"
import { mv } from "./mv.ts"
import { printf } from "./printf.ts"
import { rm } from "./rm.ts"
import { seq } from "./seq.ts"
import { sleep } from "./sleep.ts"
import { sort } from "./sort.ts"
import { tail } from "./tail.ts"
import { tee } from "./tee.ts"
import { bracket, test } from "./test.ts"
import { touch } from "./touch.ts"
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
  cp,
  cut,
  dirname,
  echo,
  egrep,
  falseCommand,
  fgrep,
  grep,
  head,
  ls,
  mkdir,
  mv,
  printf,
  rm,
  seq,
  sleep,
  sort,
  tail,
  tee,
  test,
  touch,
  tr,
  trueCommand,
  uniq,
  wc,
  yes,
]
