import * as z from 'zod'
import { blankToUndefined, codePointLength } from '../rules/text'

/** ISO 8601 timestamp with an explicit offset (stored as such; calendars use Asia/Shanghai). */
export const IsoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' })

/** Our own ids: ULIDs or seed ids; case-sensitive, never lowercased. */
export const Id = z.string({ error: '缺少编号' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式不正确' })

/** A client-generated key that makes a create safe to retry. */
export const IdempotencyKey = z
  .string({ error: '缺少提交编号（idempotencyKey）' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '提交编号（idempotencyKey）格式不正确' })

/**
 * Free text from a resident: trimmed, length in code points between `min` and `max`.
 * `label` names the field in the Chinese message, e.g. '问题描述'.
 */
export function plainText(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `请填写${label}` })
      .refine((s) => codePointLength(s) >= min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` })
      .refine((s) => codePointLength(s) <= max, { error: `${label}最多 ${max} 个字` }),
  )
}

/** An optional string where blank means absent (never coerced to 0 or true). */
export function optionalText<T extends z.ZodType>(inner: T) {
  return z.preprocess(blankToUndefined, inner.optional())
}

/** One field error in an API answer; `path` is the dotted field path, e.g. 'description'. */
export const FieldError = z.object({ path: z.string(), message: z.string() })
export type FieldError = z.infer<typeof FieldError>

/** The body of every non-2xx answer. 400 carries `errors`, one per field. */
export const ApiErrorBody = z.object({
  code: z.enum(['validation', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'internal', 'unavailable']),
  message: z.string(),
  errors: z.array(FieldError).optional(),
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>

/** Turns a zod error into field errors with the Chinese messages the schemas carry. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}
