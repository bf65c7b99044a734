import type { IncomingMessage } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import serverless from 'serverless-http'
import { loadConfig } from '../config'
import { createDocClient } from '../db/client'
import { createApp } from '../http/app'

// Built once per Lambda container, at import, so warm invocations reuse the client and the app.
const config = loadConfig()
const app = createApp({
  doc: createDocClient({ endpoint: config.dynamodbEndpoint }),
  tableName: config.tableName,
  config,
})

/**
 * serverless-http fills `req.headers` but leaves `req.rawHeaders` empty, and @hono/node-server 2
 * builds the Fetch Request's headers from rawHeaders: without this every header (Authorization,
 * Content-Type) would vanish. Measured; see docs/decisions/005-lambda-adapter-raw-headers.md.
 */
export function fillRawHeaders(req: IncomingMessage): void {
  if (req.rawHeaders.length > 0) return
  req.rawHeaders = Object.entries(req.headers).flatMap(([name, value]) =>
    value === undefined ? [] : Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  )
}

export const handler = serverless(getRequestListener(app.fetch), { request: fillRawHeaders })
