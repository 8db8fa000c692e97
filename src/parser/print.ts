import type * as Ast from "./Ast.ts"

/**
 * Print a script back to bash source that parses to the same tree (spans
 * aside). The output is not byte-identical to what was parsed: statements go
 * one per line at the top, compound bodies on one line, and here-document
 * bodies right after the line that started them.
 *
 * @example
 * print(parseSync("if  true;then echo hi;fi")) // "if true; then echo hi; fi\n"
 */
export const print = (node: Ast.Script): string => {
  const ctx = newContext()
  let out = ""
  for (const statement of node.body) {
    out += printStatement(statement, ctx) + (statement.background ? " &" : "") + "\n" + flush(ctx)
  }
  return out
}

/** Here-documents printed on the current line whose bodies still have to follow it. */
interface Context {
  readonly pending: Array<Ast.HereDoc>
}

const newContext = (): Context => ({ pending: [] })

const flush = (ctx: Context): string => {
  let out = ""
  for (const doc of ctx.pending.splice(0)) {
    const body = doc.quoted
      ? doc.body.parts.map((p) => (p._tag === "Literal" ? p.value : "")).join("")
      : printParts(doc.body.parts, false, ctx)
    out += body + (body === "" || body.endsWith("\n") ? "" : "\n") + doc.delimiter + "\n"
  }
  return out
}

/**
 * A compound list. A statement that started a here-document ends with a
 * newline and the body; the others with `;` or `&`.
 */
const printList = (list: Ast.List, ctx: Context): string =>
  list
    .map((statement) => {
      const text = printStatement(statement, ctx)
      if (ctx.pending.length > 0) return text + (statement.background ? " &" : "") + "\n" + flush(ctx)
      return text + (statement.background ? " &" : ";")
    })
    .join(" ")

const printStatement = (statement: Ast.Statement, ctx: Context): string => {
  const { first, rest } = statement.andOr
  return [printPipeline(first, ctx), ...rest.map((r) => `${r.op} ${printPipeline(r.pipeline, ctx)}`)].join(" ")
}

const printPipeline = (pipeline: Ast.Pipeline, ctx: Context): string => {
  let out = (pipeline.timed ? "time " : "") + (pipeline.negated ? "! " : "")
  pipeline.commands.forEach((command, i) => {
    if (i > 0) out += pipeline.pipeStderr[i - 1] ? " |& " : " | "
    out += printCommand(command, ctx)
  })
  return out
}

const printCommand = (command: Ast.Command, ctx: Context): string => {
  switch (command._tag) {
    case "SimpleCommand":
      return [
        ...command.assignments.map((a) => printAssignment(a, ctx)),
        ...command.words.map((w) => printWord(w, ctx)),
        ...command.redirects.map((r) => printRedirect(r, ctx)),
      ].join(" ")
    case "FunctionDef":
      // `function f ( ... )` would read the `(` as the start of `()`
      return (
        (command.keyword
          ? `function ${command.name}${command.body._tag === "Subshell" ? "() " : " "}`
          : `${command.name}() `) + printCommand(command.body, ctx)
      )
    default:
      return printCompound(command, ctx) + command.redirects.map((r) => " " + printRedirect(r, ctx)).join("")
  }
}

const printCompound = (command: Exclude<Ast.Command, Ast.SimpleCommand | Ast.FunctionDef>, ctx: Context): string => {
  switch (command._tag) {
    case "BraceGroup":
      return `{ ${printList(command.body, ctx)} }`
    case "Subshell":
      return `( ${printList(command.body, ctx)} )`
    case "If": {
      let out = ""
      command.clauses.forEach((clause, i) => {
        out += `${i === 0 ? "if" : " elif"} ${printList(clause.condition, ctx)} then ${printList(clause.body, ctx)}`
      })
      if (command.elseBody !== null) out += ` else ${printList(command.elseBody, ctx)}`
      return out + " fi"
    }
    case "While":
      return `${command.until ? "until" : "while"} ${printList(command.condition, ctx)} do ${printList(command.body, ctx)} done`
    case "For": {
      const words = command.words === null ? "" : ` in${command.words.map((w) => " " + printWord(w, ctx)).join("")}`
      return `for ${command.variable}${words}; do ${printList(command.body, ctx)} done`
    }
    case "ArithFor":
      return (
        `for ((${printWord(command.init, ctx)};${printWord(command.test, ctx)};${printWord(command.update, ctx)}));` +
        ` do ${printList(command.body, ctx)} done`
      )
    case "Case": {
      const items = command.items.map(
        (item) =>
          ` (${item.patterns.map((p) => printWord(p, ctx)).join("|")}) ${printList(item.body, ctx)} ${item.terminator}`,
      )
      return `case ${printWord(command.word, ctx)} in${items.join("")} esac`
    }
    case "ArithCommand":
      return `((${printWord(command.expression, ctx)}))`
    case "TestCommand":
      return `[[ ${printTest(command.expression, ctx)} ]]`
  }
}

const printTest = (e: Ast.TestExpr, ctx: Context): string => {
  switch (e._tag) {
    case "TestAnd":
      return `${printTest(e.left, ctx)} && ${printTest(e.right, ctx)}`
    case "TestOr":
      return `${printTest(e.left, ctx)} || ${printTest(e.right, ctx)}`
    case "TestNot":
      return `! ${printTest(e.expression, ctx)}`
    case "TestGroup":
      return `( ${printTest(e.expression, ctx)} )`
    case "TestUnary":
      return `${e.op} ${printWord(e.operand, ctx)}`
    case "TestBinary":
      return `${printWord(e.left, ctx)} ${e.op} ${printWord(e.right, ctx)}`
    case "TestWord":
      return printWord(e.word, ctx)
  }
}

const printAssignment = (a: Ast.Assignment, ctx: Context): string =>
  a.name +
  (a.index === null ? "" : `[${printWord(a.index, ctx)}]`) +
  (a.append ? "+=" : "=") +
  (a.value._tag === "ArrayLiteral" ? printArray(a.value, ctx) : printWord(a.value, ctx))

const printArray = (a: Ast.ArrayLiteral, ctx: Context): string =>
  "(" +
  a.elements.map((e) => (e.index === null ? "" : `[${printWord(e.index, ctx)}]=`) + printWord(e.value, ctx)).join(" ") +
  ")"

const printRedirect = (r: Ast.Redirect, ctx: Context): string => {
  if (r.heredoc !== null) ctx.pending.push(r.heredoc)
  const target = printWord(r.target, ctx)
  const glue = r.op === ">&" || r.op === "<&" ? "" : " "
  return `${r.fd ?? ""}${r.op}${glue}${target}`
}

const printWord = (w: Ast.Word, ctx: Context): string => printParts(w.parts, false, ctx)

/** Literal text is printed as written, except inside double quotes where `\ $ ` "` need a backslash. */
const printParts = (parts: ReadonlyArray<Ast.WordPart>, inDouble: boolean, ctx: Context): string =>
  parts.map((p) => printPart(p, inDouble, ctx)).join("")

const printPart = (p: Ast.WordPart, inDouble: boolean, ctx: Context): string => {
  switch (p._tag) {
    case "Literal":
      return inDouble ? p.value.replace(/[\\$`"]/g, "\\$&") : p.value
    case "SingleQuoted":
      return `'${p.value}'`
    case "DoubleQuoted":
      return `"${printParts(p.parts, true, ctx)}"`
    case "AnsiC":
      return `$'${p.raw}'`
    case "Escaped":
      return "\\" + p.value
    case "Tilde":
      return "~" + p.user
    case "ParamExp":
      return printParam(p, ctx)
    case "CommandSub":
      return p.backtick ? printBackquote(p.body) : `$(${printSubScript(p.body)})`
    case "ArithExp":
      return `$((${printWord(p.expression, ctx)}))`
    case "ProcessSub":
      return `${p.direction}(${printSubScript(p.body)})`
    case "ArrayLiteral":
      return printArray(p, ctx)
  }
}

/** The body of `$(...)` or `<(...)`: its own here-documents stay inside it. */
const printSubScript = (script: Ast.Script): string => {
  const text = printList(script.body, newContext()).replace(/;$/, "")
  return text.startsWith("(") ? " " + text : text
}

/** Inside backquotes `\` and `` ` `` are escaped; the parser removes those escapes first. */
const printBackquote = (script: Ast.Script): string => {
  const text = printList(script.body, newContext()).replace(/;$/, "")
  return "`" + text.replace(/[\\`]/g, "\\$&") + "`"
}

// Words inside `${...}` print the same in and out of double quotes: their
// literal text is kept as written either way.
const printParam = (p: Ast.ParamExp, ctx: Context): string => {
  if (!p.braced) return "$" + p.name
  const index = p.index === null ? "" : typeof p.index === "string" ? `[${p.index}]` : `[${printWord(p.index, ctx)}]`
  return `\${${p.length ? "#" : ""}${p.indirect ? "!" : ""}${p.name}${index}${p.op === null ? "" : printParamOp(p.op, ctx)}}`
}

const printParamOp = (op: Ast.ParamOp, ctx: Context): string => {
  switch (op.kind) {
    case "default":
      return (op.colon ? ":" : "") + op.type + printWord(op.word, ctx)
    case "removePrefix":
      return (op.longest ? "##" : "#") + printWord(op.pattern, ctx)
    case "removeSuffix":
      return (op.longest ? "%%" : "%") + printWord(op.pattern, ctx)
    case "replace": {
      const mode = { first: "", all: "/", prefix: "#", suffix: "%" }[op.mode]
      const replacement = op.replacement === null ? "" : "/" + printWord(op.replacement, ctx)
      return `/${mode}${printWord(op.pattern, ctx)}${replacement}`
    }
    case "substring":
      return `:${printWord(op.offset, ctx)}${op.length === null ? "" : ":" + printWord(op.length, ctx)}`
    case "case":
      return op.op + (op.pattern === null ? "" : printWord(op.pattern, ctx))
    case "transform":
      return "@" + op.op
  }
}
