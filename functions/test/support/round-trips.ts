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

/** What a counted request answered, and how many sequential DynamoDB waves it took. */
export interface CountedReply {
  status: number
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
  json: any
  waves: number
}

/**
 * A request helper for tests that drive the Hono app in process: bearer tokens by user id, JSON
 * bodies, and the DynamoDB waves of each request counted through `counter`.
 */
export function countedRequests(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  counter: () => CallCounter,
  tokens: Record<string, string>,
) {
  return async (method: string, path: string, userId?: string, body?: unknown): Promise<CountedReply> => {
    counter().reset()
    const res = await app.request(path, {
      method,
      headers: { ...(userId ? { authorization: `Bearer ${tokens[userId]}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, text, json: JSON.parse(text), waves: counter().waves() }
  }
}
