/**
 * Paths as commands print them: built from the operand as the user wrote
 * it, never from the resolved namespace path.
 */

/** `base` and `name` joined the way coreutils prints a path below an operand (`d` + `f` → `d/f`, `d/` + `f` → `d/f`). */
export const joinDisplay = (base: string, name: string): string =>
  base.endsWith("/") ? base + name : `${base}/${name}`

/** The last component of an operand, trailing slashes ignored (`a/b/` → `b`). */
export const lastComponent = (operand: string): string => {
  const trimmed = operand.replace(/\/+$/, "")
  return trimmed === "" ? "/" : trimmed.slice(trimmed.lastIndexOf("/") + 1)
}
