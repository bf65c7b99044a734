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

// Zero-width and bidirectional marks arrive from copy-paste (WeChat chats, contact cards) and are
// invisible to the person typing, so they never count as content.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu

/** `s` without zero-width characters and direction marks. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '')
}
