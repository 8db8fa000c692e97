import { cases as arrays } from "./arrays.cases.ts"
import { cases as basics } from "./basics.cases.ts"
import { cases as errors } from "./errors.cases.ts"
import { cases as fields } from "./fields.cases.ts"
import { cases as flow } from "./flow.cases.ts"
import { cases as gawk } from "./gawk.cases.ts"
import { cases as idioms } from "./idioms.cases.ts"
import { cases as io } from "./io.cases.ts"
import { cases as numbers } from "./numbers.cases.ts"
import { cases as random } from "./random.cases.ts"
import { cases as values } from "./values.cases.ts"

/** What an awk case runs: arguments, stdin, files in the working directory (latin1 text). */
export interface AwkInput {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
}

/** A case with what GNU Awk 5.2.1 printed (confirm.ts checks them against gawk). */
export interface AwkCase extends AwkInput {
  readonly stdout: string
  readonly stderr?: string
  readonly status?: number
}

/** Every table, by area. */
export const tables: Readonly<Record<string, ReadonlyArray<AwkCase>>> = {
  basics,
  values,
  numbers,
  fields,
  flow,
  arrays,
  idioms,
  io,
  gawk,
  errors,
  random,
}
