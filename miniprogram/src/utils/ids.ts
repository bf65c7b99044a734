// Idempotency keys make a resubmitted draft land once. H5 has crypto.getRandomValues; the weapp
// runtime has no crypto, so there a time + counter + Math.random key is the accepted fallback
// (this is the mini-program, not shared/, so Math.random is allowed here).

export interface KeySources {
  getRandomValues?: (bytes: Uint8Array) => Uint8Array
  now: () => number
  random: () => number
}

let counter = 0

function defaultSources(): KeySources {
  const c = typeof crypto !== 'undefined' ? crypto : undefined
  return {
    getRandomValues: c && typeof c.getRandomValues === 'function' ? (b) => c.getRandomValues(b) : undefined,
    now: () => Date.now(),
    random: () => Math.random(),
  }
}

/** A key matching IdempotencyKey (/^[A-Za-z0-9_-]{8,64}$/). */
export function newIdempotencyKey(sources: KeySources = defaultSources()): string {
  if (sources.getRandomValues) {
    const bytes = sources.getRandomValues(new Uint8Array(16))
    return `k${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
  }
  counter = (counter + 1) % 1_000_000
  const noise = Math.floor(sources.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')
  return `k${sources.now().toString(36)}-${counter.toString(36)}-${noise}`
}
