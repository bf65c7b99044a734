import { toFieldErrors } from '@anju/shared'
import type { Context } from 'hono'
import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.cjs'
import { MalformedJsonError, ValidationError } from '../errors'

// Request parsing with the shared schemas. Hand-written rather than @hono/zod-validator because
// Hono's json validator treats a body without a JSON content type as `{}`; here a body is always
// read as JSON (WeChat and H5 both send JSON) and unreadable JSON is its own 400.

// Schemas carry their own Chinese messages; zod's Chinese locale covers the checks that do not
// (e.g. an unknown `status` value), so no English message ever reaches a user. One locale file,
// not `z.locales`: that pulls every language into the bundle (+260 KB).
z.config(zhCN())

const INVALID = '请检查填写的内容'

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(INVALID, toFieldErrors(result.error))
  return result.data
}

/** A request body as a JSON object, or the 400 every route gives for anything else. */
export function jsonObject(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new MalformedJsonError()
  }
  // Every request body is a JSON object; `[1,2]` or `"x"` would otherwise fail with a pathless,
  // generic message.
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('请求内容必须是一个 JSON 对象', [{ path: '', message: '请求内容必须是一个 JSON 对象' }])
  }
  return value as Record<string, unknown>
}

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, jsonObject(await c.req.text()))
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query())
}

export function parseParams<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.param())
}
