// Personal data residents type into a ticket ("打我电话 13812345678", an ID number for paperwork):
// a one-tap suggestion for staff who redact a description or a comment, and the rule every
// redaction must keep: it only deletes characters or covers them with a mask, never rewrites.
import { normaliseIdNumber } from './normalise'

export type PersonalDataKind = 'id_number' | 'bank_card' | 'mobile' | 'landline'

/** What was found, in words for staff: '发现 手机号、身份证号'. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  id_number: '身份证号',
  bank_card: '银行卡号',
  mobile: '手机号',
  landline: '电话',
}

/** The mask the suggestion writes; a redaction may use it or the ASCII '*'. */
export const REDACTION_MASK = '＊'
const MASKS = new Set([REDACTION_MASK, '*'])

export interface Redaction {
  text: string
  /** What was masked, in order of appearance; empty when nothing was found. */
  found: PersonalDataKind[]
}

// Full-width digits, plus, dash, space and X (a Chinese keyboard's 全角) read as their ASCII
// forms. Each is one UTF-16 unit either way, so a match in the narrowed text has the same indices
// in the original.
const WIDE = /[\uFF10-\uFF19\uFF0B\uFF0D\uFF38\uFF58\u3000]/g
const narrow = (text: string) =>
  text.replace(WIDE, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))

// Between groups of a phone number: nothing, a space, or a dash with a space either side or not.
const SEP = '(?: ?- ?| )?'

// One pass, longest patterns first, each a run not touching other digits:
// 1. 18 characters, 17 digits and a digit or X: an ID number when its check digit holds, else
//    a card number (both are masked; the kind only names the reason);
// 2. 16–19 digits, optionally grouped by single spaces or dashes: a bank card;
// 3. a mainland mobile, 1[3-9] and 9 more digits, grouped 3-4-4 or 4-3-4 or not, after an
//    optional country code (86, +86, 0086);
// 4. a landline with its area code, 0 + 2–3 digits, an optional dash, 7–8 digits.
const PERSONAL_NUMBER = new RegExp(
  [
    '(?<![0-9A-Za-z])(?<id>\\d{17}[\\dXx])(?![0-9A-Za-z])',
    '(?<![\\d])(?<card>\\d(?:[ -]?\\d){15,18})(?![\\d])',
    `(?<![\\d])(?<mobile>(?:(?:\\+|00)?86${SEP})?1[3-9]\\d(?:${SEP}\\d{4}${SEP}|\\d${SEP}\\d{3}${SEP})\\d{4})(?![\\d])`,
    '(?<![\\d])(?<landline>0\\d{2,3}-?\\d{7,8})(?![\\d])',
  ].join('|'),
  'g',
)

function kindOf(groups: Record<string, string | undefined>): PersonalDataKind {
  if (groups.id) return normaliseIdNumber(groups.id).ok ? 'id_number' : 'bank_card'
  return groups.card ? 'bank_card' : groups.mobile ? 'mobile' : 'landline'
}

/**
 * The text with phone, ID and bank-card numbers masked digit by digit (separators kept), and what
 * was found. The result is always a redaction of the text (`isRedactionOf`), of the same length.
 */
export function redactPersonalData(text: string): Redaction {
  const found: PersonalDataKind[] = []
  const chars = text.split('')
  for (const match of narrow(text).matchAll(PERSONAL_NUMBER)) {
    found.push(kindOf(match.groups as Record<string, string | undefined>))
    for (let i = match.index; i < match.index + match[0].length; i++)
      if (/[0-9Xx]/.test(match[0][i - match.index])) chars[i] = REDACTION_MASK
  }
  return { text: chars.join(''), found }
}

/**
 * Whether `masked` is `original` with some characters deleted and some covered by a mask ('＊' or
 * '*'), nothing added or changed: what a staff member may save as a redaction. Matching each
 * character of `masked` to the earliest character of `original` it can stand for is enough (a
 * mask stands for any one character): if any alignment exists, that one does.
 */
export function isRedactionOf(original: string, masked: string): boolean {
  const source = Array.from(original)
  let i = 0
  for (const ch of masked) {
    if (MASKS.has(ch)) {
      if (i >= source.length) return false
      i++
      continue
    }
    while (i < source.length && source[i] !== ch) i++
    if (i >= source.length) return false
    i++
  }
  return true
}
