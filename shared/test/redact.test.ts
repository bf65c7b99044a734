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

describe('redactPersonalData: mobiles however they are written', () => {
  const masked = (text: string) => redactPersonalData(text)

  it.each([
    ['+86 13800001111', `+${m(2)} ${m(11)}`],
    ['86 13800001111', `${m(2)} ${m(11)}`],
    ['8613800001111', m(13)],
    ['+8613800001111', `+${m(13)}`],
    ['0086 13800001111', `${m(4)} ${m(11)}`],
    ['+86-138-0000-1111', `+${m(2)}-${m(3)}-${m(4)}-${m(4)}`],
    ['138-0000-1111', `${m(3)}-${m(4)}-${m(4)}`],
    ['138 0000 1111', `${m(3)} ${m(4)} ${m(4)}`],
    ['1380 000 1111', `${m(4)} ${m(3)} ${m(4)}`],
    ['138 - 0000 - 1111', `${m(3)} - ${m(4)} - ${m(4)}`],
    ['１３８００００１１１１', m(11)],
    ['＋８６　１３８－００００－１１１１', `＋${m(2)}　${m(3)}－${m(4)}－${m(4)}`],
    ['１３８ ００００ １１１１', `${m(3)} ${m(4)} ${m(4)}`],
  ])('打我电话%s → every digit masked', (phone, out) => {
    expect(masked(`打我电话${phone}，谢谢`)).toEqual({ text: `打我电话${out}，谢谢`, found: ['mobile'] })
  })

  it.each([
    '5栋1单元0302室',
    '０３０２室',
    '2026年12月3日，1998年搬来',
    '２０２６年',
    '电梯停了 86 分钟',
    '房租 1380 元，押金 1111 元',
    '8613 户',
    '编号 861380000111',
    '12345678901',
  ])('leaves an ordinary number alone: %s', (text) => {
    expect(masked(text)).toEqual({ text, found: [] })
  })

  it('masks every digit of a mobile written in any of those ways inside any text', () => {
    const digit = (d: string, wide: boolean) => (wide ? String.fromCharCode(d.charCodeAt(0) + 0xfee0) : d)
    const sep = fc.constantFrom('', '', ' ', '-', '　', '－', ' - ')
    const prefix = fc.constantFrom('', '86', '86 ', '+86', '+86 ', '+86-', '0086 ', '＋８６ ')
    const phone = fc
      .tuple(
        fc.constantFrom('3', '5', '7', '8', '9'),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }),
        fc.boolean(),
        sep,
        sep,
      )
      .map(([second, rest, wide, s1, s2]) => {
        const d = `1${second}${rest.join('')}`
        const grouped = `${d.slice(0, 3)}${s1}${d.slice(3, 7)}${s2}${d.slice(7)}`
        return Array.from(grouped, (c) => (/\d/.test(c) ? digit(c, wide) : c)).join('')
      })
    const words = fc.constantFrom('', '电话', '打我', '王大妈，', '（白天）', '室')
    fc.assert(
      fc.property(words, prefix, phone, words, (before, pre, number, after) => {
        const text = `${before}${pre}${number}${after}`
        const out = redactPersonalData(text)
        expect(out.found).toEqual(['mobile'])
        expect(out.text).not.toMatch(/[0-9\uFF10-\uFF19]/)
        expect(isRedactionOf(text, out.text)).toBe(true)
      }),
    )
  })

  it('never touches numbers of four digits or fewer, however many there are', () => {
    const short = fc.integer({ min: 0, max: 9999 }).map(String)
    const word = fc.constantFrom('室', '年', '栋', '单元', '，', '元', '月', '日', '号')
    fc.assert(
      fc.property(fc.array(fc.tuple(short, word), { maxLength: 8 }), (parts) => {
        const text = parts.map(([n, w]) => `${n}${w}`).join('')
        expect(redactPersonalData(text)).toEqual({ text, found: [] })
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
