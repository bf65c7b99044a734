import * as z from 'zod'
import { blankToUndefined, codePointLength, stripInvisible } from '../rules/text'

/** ISO 8601 timestamp with an explicit offset (stored as such; calendars use Asia/Shanghai). */
export const IsoDateTime = z.iso.datetime({ offset: true, error: '时间格式不正确' })

/** Our own ids: ULIDs or seed ids; case-sensitive, never lowercased. */
export const Id = z
  .string({ error: (iss) => (iss.input === undefined ? '缺少编号' : '编号格式不正确') })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式不正确' })

/** A client-generated key that makes a create safe to retry. */
export const IdempotencyKey = z
  .string({
    error: (iss) =>
      iss.input === undefined ? '缺少提交编号（idempotencyKey）' : '提交编号（idempotencyKey）格式不正确',
  })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '提交编号（idempotencyKey）格式不正确' })

/**
 * Free text from a resident: trimmed, length in code points between `min` and `max`.
 * `label` names the field in the Chinese message, e.g. '问题描述'. Text made only of invisible
 * marks (zero-width spaces pasted from a chat) is as empty as no text; the marks are kept inside
 * real text, where some (joiners) hold emoji together.
 */
export function plainText(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
      // A blank field asks to be filled; "at least 2 characters" is for someone who wrote one.
      .refine((s) => stripInvisible(s).trim() !== '', { error: `请填写${label}`, abort: true })
      .refine((s) => codePointLength(stripInvisible(s).trim()) >= min, { error: `${label}至少 ${min} 个字` })
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
  code: z.enum([
    'validation',
    'unauthorized',
    'forbidden',
    'not_found',
    'conflict',
    'too_large',
    'internal',
    'unavailable',
  ]),
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
