/**
 * The shape of a `find` expression: the flat list of predicates the command
 * line is read into, and the tree built from it with findutils' own
 * precedence climbing (`get_expr`/`scan_rest`), so that every malformed
 * expression fails with the message findutils gives.
 */

/** Binding strength: `,` < `-o` < `-a` < `!`. */
export const Prec = { none: 0, comma: 1, or: 2, and: 3, not: 4 } as const

/** One item of the predicate list; `name` is the argument it came from (or `-a` for an implied and). */
export type Pred<T> =
  | { readonly type: "primary"; name: string; readonly test: T }
  | { readonly type: "not"; name: string }
  | { readonly type: "binary"; name: string; readonly op: "and" | "or" | "comma"; readonly prec: number }
  | { readonly type: "open"; name: string; readonly artificial: boolean }
  | { readonly type: "close"; name: string; readonly artificial: boolean }

/** An expression tree over tests of type `T`. */
export type Node<T> =
  | { readonly k: "test"; readonly test: T }
  | { readonly k: "not"; readonly a: Node<T> }
  | { readonly k: "and" | "or" | "comma"; readonly a: Node<T>; readonly b: Node<T> }

/** A fatal error while building the tree: the message, without `find: `. */
class ExprError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

/** Build the tree from the whole predicate list, or the message findutils exits with. */
export const buildTree = <T>(
  preds: ReadonlyArray<Pred<T>>,
): { readonly tree: Node<T> } | { readonly error: string } => {
  try {
    return { tree: build(preds) }
  } catch (e) {
    if (e instanceof ExprError) return { error: e.message }
    throw e
  }
}

// Errors unwind the recursive descent as findutils' `error (EXIT_FAILURE, ...)` does; `buildTree` catches them.
const build = <T>(preds: ReadonlyArray<Pred<T>>): Node<T> => {
  let pos = 0
  const current = (): Pred<T> | undefined => preds[pos]

  const getExpr = (prevPrec: number, prevPred: Pred<T> | undefined): Node<T> => {
    const input = current()
    if (input === undefined) throw new ExprError("invalid expression")
    let next: Node<T>
    switch (input.type) {
      case "binary":
        throw new ExprError(
          `invalid expression; you have used a binary operator '${input.name}' with nothing before it.`,
        )
      case "close":
        if (prevPred === undefined)
          throw new ExprError(`invalid expression: expected expression before closing parentheses '${input.name}'.`)
        if ((prevPred.type === "not" || prevPred.type === "binary") && !input.artificial)
          throw new ExprError(`expected an expression between '${prevPred.name}' and ')'`)
        if (input.artificial) throw new ExprError(`expected an expression after '${prevPred.name}'`)
        throw new ExprError("invalid expression; you have too many ')'")
      case "primary":
        next = { k: "test", test: input.test }
        pos++
        break
      case "not":
        pos++
        next = { k: "not", a: getExpr(Prec.not, input) }
        break
      case "open": {
        const after = preds[pos + 1]
        if (after === undefined || (after.type !== "primary" && "artificial" in after && after.artificial))
          throw new ExprError(
            `invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '${input.name}'`,
          )
        pos++
        if (after.type === "close") {
          if (input.artificial)
            throw new ExprError(`invalid expression: expected expression before closing parentheses '${after.name}'.`)
          throw new ExprError("invalid expression; empty parentheses are not allowed.")
        }
        next = getExpr(Prec.none, input)
        const close = current()
        if (close === undefined || close.type !== "close")
          throw new ExprError("invalid expression; I was expecting to find a ')' somewhere but did not see one.")
        pos++
        break
      }
    }
    const following = current()
    if (following === undefined) return next
    if (precOf(following) > prevPrec) return scanRest(next, prevPrec)
    return next
  }

  const scanRest = (head: Node<T>, prevPrec: number): Node<T> => {
    let tree = head
    while (true) {
      const input = current()
      if (input === undefined || precOf(input) <= prevPrec) return tree
      if (input.type === "close") return tree
      if (input.type !== "binary") throw new ExprError("invalid expression")
      pos++
      tree = { k: input.op, a: tree, b: getExpr(input.prec, input) }
    }
  }

  const tree = getExpr(Prec.none, undefined)
  const left = current()
  if (left !== undefined) {
    if (left.type === "close") throw new ExprError("you have too many ')'")
    throw new ExprError(`unexpected extra predicate '${left.name}'`)
  }
  return tree
}

const precOf = <T>(p: Pred<T>): number => (p.type === "binary" ? p.prec : p.type === "not" ? Prec.not : Prec.none)
