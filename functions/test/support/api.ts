import { basename } from 'node:path'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda'
import { createDocClient, type DocClient } from '../../src/db/client'
import { ensureTable } from '../../src/db/table'
import { seedIfEmpty } from '../../src/local/seed'

// Helpers for driving the exported Lambda handler with API Gateway v2 (HTTP API) events.

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123'

export function dynamoEndpoint(): string {
  const endpoint = process.env.ANJU_TEST_DYNAMODB_ENDPOINT
  if (!endpoint) throw new Error('ANJU_TEST_DYNAMODB_ENDPOINT is not set: run through jest (global-setup)')
  return endpoint
}

/** A fresh, seeded table private to one test file. */
export async function seededTable(testFile: string): Promise<{ doc: DocClient; tableName: string }> {
  const tableName = `t-${basename(testFile).replace(/\W+/g, '-')}-${process.pid}-${Date.now()}`
  const doc = createDocClient({ endpoint: dynamoEndpoint() })
  await ensureTable(doc, tableName)
  await seedIfEmpty(doc, tableName)
  return { doc, tableName }
}

export type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>

/** Imports src/handlers/api.ts afresh with the given environment (it reads config at import). */
export function loadHandler(env: Record<string, string>): Handler {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    let handler: Handler | undefined
    jest.isolateModules(() => {
      handler = require('../../src/handlers/api').handler
    })
    if (!handler) throw new Error('handler not loaded')
    return handler
  } finally {
    process.env = saved
  }
}

export interface Request {
  method: string
  path: string
  query?: string
  token?: string
  body?: unknown
  /** Send `body` (a string) as-is rather than JSON-encoding it. */
  rawBody?: string
  base64?: boolean
  headers?: Record<string, string>
}

export function apiEvent(req: Request): APIGatewayProxyEventV2 {
  const text = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body))
  const headers: Record<string, string> = {
    host: 'abc123.execute-api.ap-east-1.amazonaws.com',
    'user-agent': 'jest',
    ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
    ...req.headers,
  }
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: req.path,
    rawQueryString: req.query ?? '',
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: headers.host,
      domainPrefix: 'abc123',
      http: { method: req.method, path: req.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: '03/Dec/2026:08:00:00 +0000',
      timeEpoch: 1796284800000,
    },
    body: text === undefined ? undefined : req.base64 ? Buffer.from(text, 'utf8').toString('base64') : text,
    isBase64Encoded: Boolean(req.base64),
  }
}

export interface Reply {
  status: number
  headers: Record<string, unknown>
  text: string
  json: any
}

export async function call(handler: Handler, req: Request): Promise<Reply> {
  const out = await handler(apiEvent(req), {} as Context)
  const raw = out.body ?? ''
  const text = out.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: out.statusCode ?? 0, headers: out.headers ?? {}, text, json }
}

/** Signs in through the dev route (STAGE=local) and returns the token. */
export async function devToken(handler: Handler, userId: string): Promise<string> {
  const res = await call(handler, { method: 'POST', path: '/api/auth/dev', body: { userId } })
  if (res.status !== 200) throw new Error(`dev login ${userId} failed: ${res.status} ${res.text}`)
  return res.json.token
}
