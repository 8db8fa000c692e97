import type { CommandDef } from "../Command.ts"
import { basename } from "./basename.ts"
import { cat } from "./cat.ts"
import { dirname } from "./dirname.ts"
import { echo } from "./echo.ts"
import { falseCommand } from "./false.ts"
import { head } from "./head.ts"
import { printf } from "./printf.ts"
import { seq } from "./seq.ts"
import { sleep } from "./sleep.ts"
import { tail } from "./tail.ts"
import { bracket, test } from "./test.ts"
import { trueCommand } from "./true.ts"
import { wc } from "./wc.ts"
import { yes } from "./yes.ts"

/** The built-in utilities, one definition per name. */
export const commands: ReadonlyArray<CommandDef> = [
  basename,
  bracket,
  cat,
  dirname,
  echo,
  falseCommand,
  head,
  printf,
  seq,
  sleep,
  tail,
  test,
  trueCommand,
  wc,
  yes,
]
