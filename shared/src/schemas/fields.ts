import * as z from 'zod'
import type { Normalised } from '../rules/normalise'
import {
  normaliseIdNumber,
  normaliseLocalDate,
  normaliseMobile,
  normaliseName,
  parseFormBoolean,
  parseFormNumber,
} from '../rules/normalise'
import { blankToUndefined } from '../rules/text'

// Field schemas built on the normalisers: the form and the server apply the same rule and show the
// same message, which always names the field ('手机号应为 11 位数字').

function normalisedString(label: string, normalise: (s: string) => Normalised<string>) {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: `请填写${label}` }).transform((s, ctx) => {
      const result = normalise(s)
      if (result.ok) return result.value
      ctx.addIssue({ code: 'custom', message: `${label}${result.error}`, input: s })
      return z.NEVER
    }),
  )
}

export const mobileNumber = (label = '手机号') => normalisedString(label, normaliseMobile)
export const residentIdNumber = (label = '身份证号') => normalisedString(label, normaliseIdNumber)
export const personName = (label = '姓名') => normalisedString(label, normaliseName)
export const localDate = (label = '日期') => normalisedString(label, normaliseLocalDate)

export const MobileNumber = mobileNumber()
export const ResidentIdNumber = residentIdNumber()
export const PersonName = personName()
export const LocalDate = localDate()

/** A number typed in a form; blank is absent (never 0). Bounds are inclusive. */
export function formNumber(label: string, min: number, max: number) {
  return z.unknown().transform((v, ctx) => {
    const result = parseFormNumber(v)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: `${label}${result.error}`, input: v })
      return z.NEVER
    }
    const n = result.value
    if (n !== undefined && (n < min || n > max)) {
      ctx.addIssue({ code: 'custom', message: `${label}应在 ${min} 到 ${max} 之间`, input: v })
      return z.NEVER
    }
    return n
  })
}

/** A yes/no from a form; blank is absent (never true). */
export function formBoolean(label: string) {
  return z.unknown().transform((v, ctx) => {
    const result = parseFormBoolean(v)
    if (result.ok) return result.value
    ctx.addIssue({ code: 'custom', message: `${label}${result.error}`, input: v })
    return z.NEVER
  })
}

/**
 * An optional field where a blank string means absent. Use this rather than `.optional()`,
 * which lets '' through to the inner schema and so asks the resident to fill it in.
 */
export function blankAsAbsent<T extends z.ZodType>(inner: T) {
  return z.preprocess(blankToUndefined, inner.optional())
}
