import type * as Ast from "./Ast.ts"

/**
 * Visit `node` and every node below it, parents before children, in source
 * order. Returning `false` from `visit` skips that node's children.
 *
 * @example
 * const names: Array<string> = []
 * walk(script, (n) => {
 *   if (n._tag === "SimpleCommand" && n.words[0]?.parts[0]?._tag === "Literal") names.push(n.words[0].parts[0].value)
 * })
 */
export const walk = (node: Ast.Node, visit: (node: Ast.Node, parent: Ast.Node | null) => void | boolean): void => {
  const go = (n: Ast.Node, parent: Ast.Node | null): void => {
    if (visit(n, parent) === false) return
    for (const child of children(n)) go(child, n)
  }
  go(node, null)
}

/** The direct child nodes of a node, in source order (case items contribute their patterns and bodies). */
export const children = (n: Ast.Node): ReadonlyArray<Ast.Node> => {
  switch (n._tag) {
    case "Script":
      return n.body
    case "Statement":
      return [n.andOr]
    case "AndOr":
      return [n.first, ...n.rest.map((r) => r.pipeline)]
    case "Pipeline":
      return n.commands
    case "SimpleCommand":
      return [...n.assignments, ...n.words, ...n.redirects]
    case "BraceGroup":
    case "Subshell":
      return [...n.body, ...n.redirects]
    case "If":
      return [...n.clauses.flatMap((c) => [...c.condition, ...c.body]), ...(n.elseBody ?? []), ...n.redirects]
    case "For":
      return [...(n.words ?? []), ...n.body, ...n.redirects]
    case "ArithFor":
      return [n.init, n.test, n.update, ...n.body, ...n.redirects]
    case "While":
      return [...n.condition, ...n.body, ...n.redirects]
    case "Case":
      return [n.word, ...n.items.flatMap((i) => [...i.patterns, ...i.body]), ...n.redirects]
    case "ArithCommand":
      return [n.expression, ...n.redirects]
    case "TestCommand":
      return [n.expression, ...n.redirects]
    case "FunctionDef":
      return [n.body]
    case "TestAnd":
    case "TestOr":
      return [n.left, n.right]
    case "TestNot":
    case "TestGroup":
      return [n.expression]
    case "TestUnary":
      return [n.operand]
    case "TestBinary":
      return [n.left, n.right]
    case "TestWord":
      return [n.word]
    case "Assignment":
      return n.index === null ? [n.value] : [n.index, n.value]
    case "ArrayLiteral":
      return n.elements.flatMap((e) => (e.index === null ? [e.value] : [e.index, e.value]))
    case "Redirect":
      return n.heredoc === null ? [n.target] : [n.target, n.heredoc]
    case "HereDoc":
      return [n.body]
    case "Word":
    case "DoubleQuoted":
      return n.parts
    case "ParamExp":
      return [...(n.index === null || typeof n.index === "string" ? [] : [n.index]), ...opWords(n.op)]
    case "CommandSub":
    case "ProcessSub":
      return [n.body]
    case "ArithExp":
      return [n.expression]
    case "Literal":
    case "SingleQuoted":
    case "AnsiC":
    case "Escaped":
    case "Tilde":
      return []
  }
}

const opWords = (op: Ast.ParamOp | null): ReadonlyArray<Ast.Word> => {
  if (op === null) return []
  switch (op.kind) {
    case "default":
      return [op.word]
    case "removePrefix":
    case "removeSuffix":
      return [op.pattern]
    case "replace":
      return op.replacement === null ? [op.pattern] : [op.pattern, op.replacement]
    case "substring":
      return op.length === null ? [op.offset] : [op.offset, op.length]
    case "case":
      return op.pattern === null ? [] : [op.pattern]
    case "transform":
      return []
  }
}
