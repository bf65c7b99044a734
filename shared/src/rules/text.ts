// Residents' names and texts contain characters outside the BMP (rare surnames, emoji):
// every length the product shows or checks is in code points, never UTF-16 units.

/** Number of Unicode code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

type Segmenter = { segment(s: string): Iterable<{ segment: string }> }
type SegmenterCtor = new (locale?: string, options?: { granularity: 'grapheme' }) => Segmenter
// Older WeChat engines lack Intl.Segmenter; there we fall back to code points.
const SegmenterImpl = (globalThis as { Intl?: { Segmenter?: SegmenterCtor } }).Intl?.Segmenter ?? null

/** What a reader sees as one character each: graphemes when the engine can tell, else code points. */
export function visibleCharacters(s: string, segmenter: SegmenterCtor | null = SegmenterImpl): string[] {
  if (!segmenter) return Array.from(s)
  return Array.from(new segmenter(undefined, { granularity: 'grapheme' }).segment(s), (g) => g.segment)
}

/**
 * The first `max` characters of `s`, with '…' when cut. Characters are graphemes where the engine
 * segments them (a family emoji joined by ZWJ stays whole), else code points (never half a
 * surrogate pair). With `max` 1 a longer text keeps its first character, never only '…'.
 */
export function truncateCodePoints(s: string, max: number): string {
  const chars = visibleCharacters(s)
  if (chars.length <= max) return s
  if (max < 1) return '…'
  // With room for one character, the character says more than an ellipsis would.
  if (max < 2) return chars[0]
  return `${chars.slice(0, max - 1).join('')}…`
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
