import fc from 'fast-check'
import { isRedactionOf, PERSONAL_DATA_LABELS, REDACTION_MASK, redactPersonalData } from '../src'

// A valid ID number (check digit 3) and the same with a wrong check digit.
const ID = '530621198001011233'
const BAD_ID = '530621198001011234'
/** `n` masks. */
const m = (n: number) => REDACTION_MASK.repeat(n)

describe('redactPersonalData', () => {
  it.each([
    ['电话13812345678，下午在家', `电话${m(11)}，下午在家`, ['mobile']],
    [
      '打 138-1234-5678 或 139 1234 5678',
      `打 ${m(3)}-${m(4)}-${m(4)} 或 ${m(3)} ${m(4)} ${m(4)}`,
      ['mobile', 'mobile'],
    ],
    ['座机0870-1234567找我', `座机${m(4)}-${m(7)}找我`, ['landline']],
    ['座机 087012345678', `座机 ${m(12)}`, ['landline']],
    [`身份证${ID}`, `身份证${m(18)}`, ['id_number']],
    [`身份证${ID.slice(0, 17)}x`, `身份证${m(18)}`, ['bank_card']],
    [`号码${BAD_ID}`, `号码${m(18)}`, ['bank_card']],
    ['卡号6222 0212 3456 7890 123', `卡号${m(4)} ${m(4)} ${m(4)} ${m(4)} ${m(3)}`, ['bank_card']],
    ['卡号6222021234567890', `卡号${m(16)}`, ['bank_card']],
    ['5栋1单元0302室，电梯停了12345678分钟', '5栋1单元0302室，电梯停了12345678分钟', []],
    ['2026-12-03 下午三点', '2026-12-03 下午三点', []],
    ['编号AB13812345678', `编号AB${m(11)}`, ['mobile']],
    ['12345678901234567890123', '12345678901234567890123', []],
  ] as const)('%s → %s', (input, text, found) => {
    const out = redactPersonalData(input)
    expect(out).toEqual({ text, found })
  })

  it('names every kind it finds in words', () => {
    expect(Object.values(PERSONAL_DATA_LABELS)).toEqual(['身份证号', '银行卡号', '手机号', '电话'])
  })

  it('always suggests a redaction the redact routes accept (same length, only masks added)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('13812345678', '138-1234-5678', ID, '0870-1234567', '6222021234567890', ' ', '室'),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('')
        const out = redactPersonalData(text).text
        expect(isRedactionOf(text, out)).toBe(true)
        expect(Array.from(out)).toHaveLength(Array.from(text).length)
      }),
    )
  })
})

describe('isRedactionOf', () => {
  it.each([
    ['a number masked', '电话13812345678', `电话${m(11)}`],
    ['masked with ASCII stars', '电话13812345678', '电话138****5678'],
    ['a run masked by one star', '电话13812345678，谢谢', '电话＊，谢谢'],
    ['characters deleted', '楼道灯坏了，电话13812345678', '楼道灯坏了'],
    ['unchanged', '楼道灯坏了', '楼道灯坏了'],
    ['an original star kept', '5*3 号', '5*3 号'],
    ['a rare character outside the BMP masked', '𠮷田家 13812345678', '＊田家 ＊'],
  ])('accepts %s', (_what, original, masked) => {
    expect(isRedactionOf(original, masked)).toBe(true)
  })

  it.each([
    ['a label in place of the number', '电话13812345678', '电话[手机号]'],
    ['a rewritten word', '楼道灯坏了，请快来', '楼道灯坏了，请慢来'],
    ['characters added', '楼道灯坏了', '楼道灯坏了！'],
    ['words moved', '电话在家', '在家电话'],
    ['more masks than characters', '电话', '＊＊＊'],
    ['a longer text of masks after the original', '灯', '灯＊'],
  ])('refuses %s', (_what, original, masked) => {
    expect(isRedactionOf(original, masked)).toBe(false)
  })

  it('holds for any deletion and masking of any text, and fails once a new character is added', () => {
    const step = fc.constantFrom('keep', 'drop', 'mask')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(step, { maxLength: 40 }), (text, steps) => {
        const chars = Array.from(text)
        const masked = chars.map((ch, i) => ({ keep: ch, drop: '', mask: REDACTION_MASK })[steps[i] ?? 'keep']).join('')
        expect(isRedactionOf(text, masked)).toBe(true)
        // A character the text does not have cannot come out of deleting or masking it.
        if (!text.includes('\u{1F600}')) expect(isRedactionOf(text, `${masked}\u{1F600}`)).toBe(false)
      }),
    )
  })
})
