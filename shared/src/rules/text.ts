// Residents' names and texts contain characters outside the BMP (rare surnames, emoji):
// every length the product shows or checks is in code points, never UTF-16 units.

/** Number of Unicode code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** The first `max` code points of `s`, with '…' when cut; never splits a surrogate pair. */
export function truncateCodePoints(s: string, max: number): string {
  const points = Array.from(s)
  if (points.length <= max) return s
  return `${points.slice(0, Math.max(0, max - 1)).join('')}…`
}

/** Blank or whitespace-only strings count as absent. */
export function blankToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v
}
