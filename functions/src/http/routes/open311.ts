import {
  type FieldError,
  type Open311CreatedRequest,
  type Open311Error,
  Open311ListQuery,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
  open311ServiceDefinition,
  open311Services,
  toFieldErrors,
} from '@anju/shared'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, MalformedJsonError, NotFoundError, ValidationError } from '../../errors'
import { fileServiceRequest, getServiceRequest, listServiceRequests } from '../../services/open311'
import type { AppEnv } from '../env'
import { jsonObject } from '../parse'

// Open311 GeoReport v2, JSON only, under /api/open311/v2 (docs/decisions/063-open311.md). Errors
// here use the spec's format — a top-level array of { code, description } — not our ApiErrorBody.
// The service list and definitions are public (the spec asks no key for them); requests need one.

const STATUS: Record<AppError['code'], ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
}

/** The message, naming the spec's field unless it already does ('status.0' → 'status'). */
function describe(e: FieldError): string {
  const field = e.path.split('.')[0]
  return field === '' || e.message.includes(field) ? e.message : `${e.message}（${field}）`
}

export function toOpen311Error(err: unknown, c: Context): Response {
  if (err instanceof HTTPException && err.status === 400) return toOpen311Error(new MalformedJsonError(), c)
  if (!(err instanceof AppError)) {
    console.error('unhandled error', err)
    return c.json<Open311Error[]>([{ code: 500, description: '服务器开小差了，请稍后再试' }], 500)
  }
  const status = STATUS[err.code]
  const errors = err.errors?.length ? err.errors.map((e) => ({ code: status, description: describe(e) })) : undefined
  return c.json<Open311Error[]>(errors ?? [{ code: status, description: err.message }], status)
}

/** `lift.json` → `lift`; the spec's other format (.xml) is refused by name, anything else is 404. */
function jsonResource(file: string): string {
  if (file.endsWith('.json')) return file.slice(0, -'.json'.length)
  if (file.endsWith('.xml')) throw new ValidationError('本接口只提供 JSON 格式，请把 .xml 换成 .json')
  throw new NotFoundError('没有这个接口')
}

/** Form pairs (`attribute[code]=v`, `attribute[code][]=v`) or JSON, as one plain object. */
function foldPairs(pairs: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const attribute: Record<string, unknown> = {}
  for (const [name, value] of pairs) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(name)
    if (m) attribute[m[1]] = value
    else if (name === 'attribute' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      Object.assign(attribute, value)
    } else if (!(name in out)) out[name] = value
  }
  return { ...out, attribute }
}

async function readBody(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text()
  const type = c.req.header('content-type') ?? ''
  // The spec's clients send forms; ours may send JSON. Without a content type, the text decides.
  const json = type.includes('application/json') || (!type.includes('form') && text.trimStart().startsWith('{'))
  return foldPairs(json ? Object.entries(jsonObject(text)) : new URLSearchParams(text))
}

const keyOf = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

export const open311Routes = new Hono<AppEnv>()
  .get('/services.json', (c) => c.json<Open311Service[]>(open311Services()))
  .get('/services/:file', (c) => {
    const definition = open311ServiceDefinition(jsonResource(c.req.param('file')))
    if (!definition) throw new NotFoundError('没有这项服务（service_code）')
    return c.json<Open311ServiceDefinition>(definition)
  })
  .get('/requests.json', async (c) => {
    const parsed = Open311ListQuery.safeParse(c.req.query())
    if (!parsed.success) throw new ValidationError('请检查查询条件', toFieldErrors(parsed.error))
    const list = await listServiceRequests(c.var.deps, keyOf(c.req.query('api_key')), parsed.data)
    return c.json<Open311ServiceRequest[]>(list)
  })
  .get('/requests/:file', async (c) => {
    const id = jsonResource(c.req.param('file'))
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new NotFoundError('找不到该报修单')
    return c.json<Open311ServiceRequest[]>(await getServiceRequest(c.var.deps, keyOf(c.req.query('api_key')), id))
  })
  .post('/requests.json', async (c) => {
    const body = await readBody(c)
    // The spec puts api_key in the body of a POST; a query-string key is accepted as well.
    const key = keyOf(body.api_key) ?? keyOf(c.req.query('api_key'))
    const { created, response } = await fileServiceRequest(c.var.deps, key, body)
    return c.json<Open311CreatedRequest[]>(response, created ? 201 : 200)
  })
  .all('*', (c) => {
    jsonResource(c.req.path)
    throw new NotFoundError('没有这个接口')
  })

open311Routes.onError(toOpen311Error)
