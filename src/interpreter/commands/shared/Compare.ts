/** Byte-wise comparison, as `memcmp` then length in the C locale (shorter first). */
export const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a[i] - b[i]
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

/** Compare ignoring ASCII case, as `memcasecmp` does (both sides folded to upper case). */
export const compareBytesIgnoreCase = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a[i]
    let y = b[i]
    if (x >= 97 && x <= 122) x -= 32
    if (y >= 97 && y <= 122) y -= 32
    if (x !== y) return x < y ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}
