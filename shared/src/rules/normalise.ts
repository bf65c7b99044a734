// Residents type on phones with Chinese keyboards: full-width digits, pasted contact cards with
// direction marks, a dozen look-alike middle dots in minority names. Each normaliser returns the
// one stored form, or a reason in Chinese that the schema prefixes with the field's name.
import { type CalendarDate, isRealDate } from './calendar'
import { stripInvisible } from './text'

export type Normalised<T> = { ok: true; value: T } | { ok: false; error: string }

const ok = <T>(value: T): Normalised<T> => ({ ok: true, value })
const fail = <T>(error: string): Normalised<T> => ({ ok: false, error })

/** NFKC folds full-width digits, letters, '＋' and '－' to ASCII; invisibles go first. */
export function fold(s: string): string {
  return stripInvisible(s).normalize('NFKC')
}

const MOBILE = /^1[3-9]\d{9}$/

/** A mainland mobile number → 11 digits. Accepts +86/0086 prefixes, spaces, dashes, brackets. */
export function normaliseMobile(input: string): Normalised<string> {
  let s = fold(input).replace(/[\s\-‐‑‒–—―()（）.]/gu, '')
  if (s === '') return fail('不能为空')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('0086')) s = s.slice(4)
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2)
  if (!/^\d+$/.test(s)) return fail('只能包含数字')
  if (s.length !== 11) return fail(`应为 11 位数字（现在是 ${s.length} 位）`)
  if (!MOBILE.test(s)) return fail('不是有效的手机号码')
  return ok(s)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The check character (GB 11643) for the first 17 digits of a resident ID number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

// First two digits of the area code (GB/T 2260): provinces, autonomous regions, municipalities,
// Taiwan, Hong Kong and Macao. 00 or 99 is never a real place.
const ID_PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
)
/** Birth years a resident ID can hold. No clock here: "not after today" is `idBirthDateBy`. */
export const ID_YEARS = { min: 1900, max: 2099 }

/** An 18-character resident ID number, stored with an upper-case X. */
export function normaliseIdNumber(input: string): Normalised<string> {
  const s = fold(input).replace(/\s/gu, '').toUpperCase()
  if (s === '') return fail('不能为空')
  if (s.length !== 18) return fail(`应为 18 位（现在是 ${s.length} 位）`)
  if (!/^\d{17}[\dX]$/.test(s)) return fail('前 17 位应为数字，最后一位为数字或 X')
  if (!ID_PROVINCES.has(s.slice(0, 2))) return fail('前 6 位地区码不存在（前两位应为省级行政区代码）')
  const year = Number(s.slice(6, 10))
  if (year < ID_YEARS.min || year > ID_YEARS.max) {
    return fail(`中的出生年份应在 ${ID_YEARS.min} 到 ${ID_YEARS.max} 年之间`)
  }
  if (!isRealDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)))) {
    return fail('中的出生日期不存在')
  }
  // Compare as strings: the check character may be X, which no number represents.
  if (idCheckCharacter(s) !== s[17]) return fail('校验位不正确，请核对')
  return ok(s)
}

/** Birth date and sex read from a valid ID number (17th digit odd = male). */
export function idNumberFacts(id: string): { birthDate: CalendarDate; sex: 'male' | 'female' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  }
}

/**
 * A valid ID number whose birth date is not after `today` (a Beijing calendar date). The schema
 * has no clock, so callers that know today apply this after `ResidentIdNumber`.
 */
export function idBirthDateBy(id: string, today: CalendarDate, label = '身份证号'): Normalised<string> {
  const { birthDate } = idNumberFacts(id)
  if (birthDate > today) return fail(`${label}中的出生日期 ${birthDate} 晚于今天（${today}），请核对`)
  return ok(id)
}

// Every separator people use between the parts of a transliterated minority name
// (阿依古丽·买买提): Latin-1 middle dot, bullets, katakana and half-width dots, Greek ano teleia,
// hyphenation point, dot operators, word-separator middle dot, and ASCII / full-width full stops.
const NAME_DOTS = /[\u00B7\u0387\u16EB\u2022\u2027\u2219\u22C5\u2E31\u30FB\uFF0E\uFF65.]|\u{10101}/gu
const NAME_BODY = /^[\p{L}\p{M}]+(?:[\u00B7 ][\p{L}\p{M}]+)*$/u
export const NAME_MAX = 50

/** A person's name: every middle-dot variant stored as U+00B7, inner spaces collapsed. */
export function normaliseName(input: string): Normalised<string> {
  const s = stripInvisible(input)
    .replace(NAME_DOTS, '\u00B7')
    .normalize('NFC')
    .trim()
    .replace(/\s*\u00B7\s*/gu, '\u00B7')
    // Han names have no spaces; a space typed between Han characters is a slip. No lookbehind:
    // older iOS WeChat engines reject it when the module loads.
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1')
    .replace(/\s+/gu, ' ')
  if (s === '') return fail('不能为空')
  const length = Array.from(s).length
  if (length < 2) return fail('至少 2 个字')
  if (length > NAME_MAX) return fail(`最多 ${NAME_MAX} 个字`)
  if (!NAME_BODY.test(s)) return fail('只能包含文字和间隔号“·”，间隔号不能在开头、结尾或连续出现')
  return ok(s)
}

// Y-M-D with -, /, . or 年月日 between, any padding; full-width digits fold first.
const DATE_INPUT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u

/** A calendar date → `YYYY-MM-DD`, zero-padded; 2025-02-30 and 2025-13-01 are refused. */
export function normaliseLocalDate(input: string): Normalised<CalendarDate> {
  const s = fold(input).trim()
  if (s === '') return fail('不能为空')
  const m = DATE_INPUT.exec(s)
  if (!m) return fail('格式应为 年-月-日，例如 2025-03-08')
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isRealDate(y, mo, d)) return fail('不是真实存在的日期')
  return ok(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
}

/** A form number: digits (full-width allowed) → number; blank is absent, never 0. */
export function parseFormNumber(input: unknown): Normalised<number | undefined> {
  if (input === undefined || input === null) return ok(undefined)
  if (typeof input === 'number') return Number.isFinite(input) ? ok(input) : fail('不是有效的数字')
  if (typeof input !== 'string') return fail('不是有效的数字')
  const s = fold(input).trim().replace(/,/g, '')
  if (s === '') return ok(undefined)
  if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('不是有效的数字')
  return ok(Number(s))
}

const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'on'])
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'off'])

/** A form yes/no: only explicit words count; blank is absent, never true. */
export function parseFormBoolean(input: unknown): Normalised<boolean | undefined> {
  if (input === undefined || input === null) return ok(undefined)
  if (typeof input === 'boolean') return ok(input)
  if (typeof input !== 'string') return fail('应为“是”或“否”')
  const s = fold(input).trim().toLowerCase()
  if (s === '') return ok(undefined)
  if (TRUE_WORDS.has(s)) return ok(true)
  if (FALSE_WORDS.has(s)) return ok(false)
  return fail('应为“是”或“否”')
}
