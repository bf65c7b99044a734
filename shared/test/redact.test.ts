import { codePointLength, PERSONAL_DATA_MASKS, redactPersonalData } from '../src'

// A valid ID number (check digit 3) and the same with a wrong check digit.
const ID = '530621198001011233'
const BAD_ID = '530621198001011234'

describe('redactPersonalData', () => {
  it.each([
    ['电话13812345678，下午在家', '电话[手机号]，下午在家', ['mobile']],
    ['打 138-1234-5678 或 139 1234 5678', '打 [手机号] 或 [手机号]', ['mobile', 'mobile']],
    ['座机0870-1234567找我', '座机[电话]找我', ['landline']],
    ['座机 087012345678', '座机 [电话]', ['landline']],
    [`身份证${ID}`, '身份证[身份证号]', ['id_number']],
    [`身份证${ID.slice(0, 17)}x`, '身份证[银行卡号]', ['bank_card']],
    [`号码${BAD_ID}`, '号码[银行卡号]', ['bank_card']],
    ['卡号6222 0212 3456 7890 123', '卡号[银行卡号]', ['bank_card']],
    ['卡号6222021234567890', '卡号[银行卡号]', ['bank_card']],
    ['5栋1单元0302室，电梯停了12345678分钟', '5栋1单元0302室，电梯停了12345678分钟', []],
    ['2026-12-03 下午三点', '2026-12-03 下午三点', []],
    ['编号AB13812345678', '编号AB[手机号]', ['mobile']],
    ['12345678901234567890123', '12345678901234567890123', []],
  ] as const)('%s → %s', (input, text, found) => {
    const out = redactPersonalData(input)
    expect(out).toEqual({ text, found })
  })

  it('never makes a text longer (the redact route refuses longer texts)', () => {
    for (const [kind, mask] of Object.entries(PERSONAL_DATA_MASKS)) {
      const shortest = { id_number: 18, bank_card: 16, mobile: 11, landline: 10 }[kind] as number
      expect(codePointLength(mask)).toBeLessThan(shortest)
    }
    const text = `王大妈 13812345678 ${ID} 0870-1234567 6222021234567890`
    expect(codePointLength(redactPersonalData(text).text)).toBeLessThan(codePointLength(text))
  })
})
