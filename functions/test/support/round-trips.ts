import type { DocClient } from '../../src/db/client'

// Counts the DynamoDB commands a document client sends, with the moment each started and ended,
// through an SDK middleware. Used by round-trips.test.ts (budget ≤ 2 sequential, no Scan) and by
// `npm run bench` (bench/sections/round-trips.ts), so both count the same way.

export interface RecordedCall {
  name: string
  input: unknown
  start: number
  end: number
}

export interface CallCounter {
  calls: RecordedCall[]
  reset(): void
  /** Sequential waves: a call that starts after every earlier call ended opens a new wave. */
  waves(): number
}

const counters = new WeakMap<DocClient, CallCounter>()

/** The counter of this client: added once, then shared (the SDK refuses a second middleware of a name). */
export function countCalls(doc: DocClient): CallCounter {
  const existing = counters.get(doc)
  if (existing) return existing
  const counter: CallCounter = {
    calls: [],
    reset() {
      counter.calls = []
    },
    waves() {
      let count = 0
      let waveEnd = Number.NEGATIVE_INFINITY
      for (const c of [...counter.calls].sort((a, b) => a.start - b.start)) {
        if (c.start >= waveEnd) {
          count++
          waveEnd = c.end
        } else {
          waveEnd = Math.max(waveEnd, c.end)
        }
      }
      return count
    },
  }
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const call = {
        name: String(context.commandName),
        input: args.input,
        start: performance.now(),
        end: Number.POSITIVE_INFINITY,
      }
      counter.calls.push(call)
      try {
        return await next(args)
      } finally {
        call.end = performance.now()
      }
    },
    { step: 'initialize', name: 'countRoundTrips' },
  )
  counters.set(doc, counter)
  return counter
}
