import type { CallCounter } from './round-trips'

// Drives the Open311 routes of the in-process Hono app the way civic-tech clients do: api_key in
// the query string for GET, form or JSON bodies for POST. Counts DynamoDB waves like the ticket tests.

export const OPEN311 = '/api/open311/v2'

export interface Open311Call {
  query?: Record<string, string>
  /** Sent as application/x-www-form-urlencoded, as the spec's clients do. */
  form?: [string, string][]
  json?: unknown
}

export interface Open311Reply {
  status: number
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: test replies are read field by field
  json: any
  waves: number
}

export function open311Requests(
  app: () => { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  counter: () => CallCounter,
) {
  return async (method: string, path: string, call: Open311Call = {}): Promise<Open311Reply> => {
    counter().reset()
    const query = call.query ? `?${new URLSearchParams(call.query)}` : ''
    const init: RequestInit = { method }
    if (call.form) {
      init.headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }
      init.body = new URLSearchParams(call.form).toString()
    } else if (call.json !== undefined) {
      init.headers = { 'content-type': 'application/json' }
      init.body = JSON.stringify(call.json)
    }
    const res = await app().request(`${OPEN311}${path}${query}`, init)
    const text = await res.text()
    return { status: res.status, text, json: JSON.parse(text), waves: counter().waves() }
  }
}
