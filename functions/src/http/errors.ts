import type { ApiErrorBody } from '@anju/shared'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode, MalformedJsonError } from '../errors'

// The one place where typed errors become HTTP answers. Every non-2xx body is ApiErrorBody JSON:
// never HTML, never a stack trace.

const STATUS: Record<ErrorCode | 'internal', ContentfulStatusCode> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unavailable: 503,
  internal: 500,
}

/** The HTTP status of a typed error (a bulk answer reports each item's). */
export const errorStatus = (err: AppError): number => STATUS[err.code]

export function errorBody(err: AppError): ApiErrorBody {
  return err.errors
    ? { code: err.code, message: err.message, errors: err.errors }
    : { code: err.code, message: err.message }
}

export function toErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof AppError) return c.json(errorBody(err), STATUS[err.code])
  // Hono raises HTTPException itself for a body it cannot read.
  if (err instanceof HTTPException && err.status === 400) return c.json(errorBody(new MalformedJsonError()), 400)
  console.error('unhandled error', err)
  const body: ApiErrorBody = { code: 'internal', message: '服务器开小差了，请稍后再试' }
  return c.json(body, STATUS.internal)
}

export function notFoundResponse(c: Context): Response {
  const body: ApiErrorBody = { code: 'not_found', message: '没有这个接口' }
  return c.json(body, 404)
}
