import { toFieldErrors } from '@anju/shared'
import type { Context } from 'hono'
import type * as z from 'zod'
import { MalformedJsonError, ValidationError } from '../errors'

// Request parsing with the shared schemas. Hand-written rather than @hono/zod-validator because
// Hono's json validator treats a body without a JSON content type as `{}`; here a body is always
// read as JSON (WeChat and H5 both send JSON) and unreadable JSON is its own 400.

const INVALID = '请检查填写的内容'

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(INVALID, toFieldErrors(result.error))
  return result.data
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new MalformedJsonError()
  }
  return parseWith(schema, value)
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query())
}

export function parseParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.param())
}
