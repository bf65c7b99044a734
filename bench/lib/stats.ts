/** Nearest-rank quantile of numbers (sorted copy). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(xs).sort()
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

export const median = (xs: ArrayLike<number>) => quantile(xs, 0.5)

export const kb = (bytes: number) => bytes / 1024

/** Deterministic PRNG, so every run builds the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
