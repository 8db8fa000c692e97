import { alias, unalias } from "./alias.ts"
import type { Builtin } from "./Builtin.ts"
import { builtin } from "./builtinCommand.ts"
import { cd, pwd } from "./cd.ts"
import { declare, exportBuiltin, local, readonly, typeset, unset } from "./declare.ts"
import { dot, evalBuiltin, sourceBuiltin } from "./eval.ts"
import { breakBuiltin, colon, continueBuiltin, exit, falseBuiltin, returnBuiltin, trueBuiltin } from "./flow.ts"
import { getopts } from "./getopts.ts"
import { bash, exec, letBuiltin, printf, shBuiltin, wait } from "./misc.ts"
import { set, shift, shopt } from "./options.ts"
import { read } from "./read.ts"
import { trap } from "./trap.ts"
import { command, type, which } from "./type.ts"

/** The builtins by name: the commands that run inside the shell and may change its state. */
export const builtins: ReadonlyMap<string, Builtin> = new Map(
  [
    alias,
    unalias,
    builtin,
    cd,
    pwd,
    declare,
    typeset,
    local,
    exportBuiltin,
    readonly,
    unset,
    evalBuiltin,
    sourceBuiltin,
    dot,
    trueBuiltin,
    falseBuiltin,
    colon,
    exit,
    returnBuiltin,
    breakBuiltin,
    continueBuiltin,
    getopts,
    letBuiltin,
    wait,
    printf,
    bash,
    shBuiltin,
    exec,
    set,
    shift,
    shopt,
    read,
    trap,
    command,
    type,
    which,
  ].map((b) => [b.name, b]),
)
