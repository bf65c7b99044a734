import * as z from 'zod'
import {
  blankAsAbsent,
  formBoolean,
  formNumber,
  idBirthDateBy,
  idCheckCharacter,
  idNumberFacts,
  LocalDate,
  localDate,
  MobileNumber,
  mobileNumber,
  normaliseIdNumber,
  normaliseLocalDate,
  normaliseMobile,
  normaliseName,
  PersonName,
  parseFormBoolean,
  parseFormNumber,
  ResidentIdNumber,
  stripInvisible,
  toFieldErrors,
} from '../src'

const id17 = '53062119800101123'
const VALID_ID = id17 + idCheckCharacter(id17)
// 11010519491231002X is the standard's own worked example with a check character of X.
const X_ID = '11010519491231002X'

describe('normaliseMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['＋８６１３８００１３８０００', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['\u202D138\u200B0013\u200E8000\u202C', '13800138000'],
    ['(138)0013—8000', '13800138000'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseMobile(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['', '不能为空'],
    [' \u200B ', '不能为空'],
    ['138001380a0', '只能包含数字'],
    ['1380013800', '应为 11 位数字（现在是 10 位）'],
    ['138001380001', '应为 11 位数字（现在是 12 位）'],
    ['12800138000', '不是有效的手机号码'],
  ])('refuses %j: %s', (input, error) => {
    expect(normaliseMobile(input)).toEqual({ ok: false, error })
  })
})

describe('normaliseIdNumber', () => {
  it.each([
    [VALID_ID, VALID_ID],
    [X_ID.toLowerCase(), X_ID],
    [X_ID.replace('X', 'ｘ'), X_ID],
    [Array.from(VALID_ID, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''), VALID_ID],
    [` ${VALID_ID.slice(0, 6)} ${VALID_ID.slice(6)} `, VALID_ID],
  ])('%j → %s', (input, expected) => {
    expect(normaliseIdNumber(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['', '不能为空'],
    ['53062119800101', '应为 18 位（现在是 14 位）'],
    ['5306211980010112X3', '前 17 位应为数字，最后一位为数字或 X'],
    [`${VALID_ID.slice(0, 17)}${VALID_ID[17] === '0' ? '1' : '0'}`, '校验位不正确，请核对'],
    ['530621198002301234', '中的出生日期不存在'],
  ])('refuses %j: %s', (input, error) => {
    expect(normaliseIdNumber(input)).toEqual({ ok: false, error })
  })

  it.each([
    [VALID_ID, { birthDate: '1980-01-01', sex: 'male' }],
    [`53062119800101124${idCheckCharacter('53062119800101124')}`, { birthDate: '1980-01-01', sex: 'female' }],
  ])('reads birth date and sex from %s', (id, facts) => {
    expect(idNumberFacts(id)).toEqual(facts)
  })
})

const withCheck = (first17: string) => first17 + idCheckCharacter(first17)

describe('impossible resident ID numbers are refused (issue 3)', () => {
  it.each([
    ['area code 000000', withCheck('00000019800101123'), '身份证号前 6 位地区码不存在（前两位应为省级行政区代码）'],
    ['province 99', withCheck('99062119800101123'), '身份证号前 6 位地区码不存在（前两位应为省级行政区代码）'],
    ['province 16', withCheck('16062119800101123'), '身份证号前 6 位地区码不存在（前两位应为省级行政区代码）'],
    ['province 83', withCheck('83062119800101123'), '身份证号前 6 位地区码不存在（前两位应为省级行政区代码）'],
    ['birth year 0001', withCheck('53062100010101123'), '身份证号中的出生年份应在 1900 到 2099 年之间'],
    ['birth year 1800', withCheck('53062118000101123'), '身份证号中的出生年份应在 1900 到 2099 年之间'],
    ['birth year 1899', withCheck('53062118991231123'), '身份证号中的出生年份应在 1900 到 2099 年之间'],
    ['birth year 2100', withCheck('53062121000101123'), '身份证号中的出生年份应在 1900 到 2099 年之间'],
  ])('%s: %s', (_, id, message) => {
    // Act
    const result = ResidentIdNumber.safeParse(id)
    // Assess
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toBe(message)
  })

  it.each([
    ['the first year', withCheck('11010519000101123')],
    ['Macao', withCheck('82000019800101123')],
    ['Taiwan', withCheck('71000019800101123')],
    ['a birth year the schema cannot judge without a clock', withCheck('53062120300101123')],
    ['the last year', withCheck('65000020991231123')],
  ])('accepts %s: %s', (_, id) => {
    expect(ResidentIdNumber.parse(id)).toBe(id)
  })

  it.each<[string, string, string, { ok: true; value: string } | { ok: false; error: string }]>([
    ['born today', withCheck('53062120261203123'), '2026-12-03', { ok: true, value: withCheck('53062120261203123') }],
    ['born long ago', VALID_ID, '2026-12-03', { ok: true, value: VALID_ID }],
    [
      'born tomorrow',
      withCheck('53062120261204123'),
      '2026-12-03',
      { ok: false, error: '身份证号中的出生日期 2026-12-04 晚于今天（2026-12-03），请核对' },
    ],
    [
      'born in 2030',
      withCheck('53062120300101123'),
      '2026-12-03',
      { ok: false, error: '身份证号中的出生日期 2030-01-01 晚于今天（2026-12-03），请核对' },
    ],
  ])('idBirthDateBy: %s', (_, id, today, expected) => {
    expect(idBirthDateBy(id, today)).toEqual(expected)
  })

  it('idBirthDateBy names the field it is given', () => {
    expect(idBirthDateBy(withCheck('53062120300101123'), '2026-12-03', '户主身份证号')).toEqual({
      ok: false,
      error: '户主身份证号中的出生日期 2030-01-01 晚于今天（2026-12-03），请核对',
    })
  })
})

describe('normaliseName', () => {
  it.each([
    ['王小明', '王小明'],
    ['  王 小明 ', '王小明'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['阿依古丽•买买提', '阿依古丽·买买提'],
    ['阿依古丽・买买提', '阿依古丽·买买提'],
    ['阿依古丽･买买提', '阿依古丽·买买提'],
    ['阿依古丽‧买买提', '阿依古丽·买买提'],
    ['阿依古丽.买买提', '阿依古丽·买买提'],
    ['阿依古丽．买买提', '阿依古丽·买买提'],
    ['阿依古丽 · 买买提', '阿依古丽·买买提'],
    ['阿卜杜热西提·买买提·艾力', '阿卜杜热西提·买买提·艾力'],
    ['阿鲁阿呷', '阿鲁阿呷'],
    ['𠮷田', '𠮷田'],
    ['Maria  Chen', 'Maria Chen'],
    ['\u200B李\u200F四', '李四'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['', '不能为空'],
    ['   ', '不能为空'],
    ['王', '至少 2 个字'],
    ['王'.repeat(51), '最多 50 个字'],
    ['·王明', '只能包含文字和间隔号“·”，间隔号不能在开头、结尾或连续出现'],
    ['王··明', '只能包含文字和间隔号“·”，间隔号不能在开头、结尾或连续出现'],
    ['王明2', '只能包含文字和间隔号“·”，间隔号不能在开头、结尾或连续出现'],
    ['王明😀', '只能包含文字和间隔号“·”，间隔号不能在开头、结尾或连续出现'],
  ])('refuses %j: %s', (input, error) => {
    expect(normaliseName(input)).toEqual({ ok: false, error })
  })

  it('accepts 50 characters outside the BMP (100 UTF-16 units)', () => {
    expect(normaliseName('𠮷'.repeat(50)).ok).toBe(true)
  })
})

describe('normaliseLocalDate', () => {
  it.each([
    ['2025-03-08', '2025-03-08'],
    ['2025-3-8', '2025-03-08'],
    ['2025/3/8', '2025-03-08'],
    ['2025.03.08', '2025-03-08'],
    ['2025年3月8日', '2025-03-08'],
    ['２０２５年３月８日', '2025-03-08'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseLocalDate(input)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['', '不能为空'],
    ['昨天', '格式应为 年-月-日，例如 2025-03-08'],
    ['08/03/2025', '格式应为 年-月-日，例如 2025-03-08'],
    ['2025-02-29', '不是真实存在的日期'],
    ['1900-02-29', '不是真实存在的日期'],
    ['2025-13-01', '不是真实存在的日期'],
    ['2025-00-10', '不是真实存在的日期'],
    ['2025-04-31', '不是真实存在的日期'],
    ['2025-04-00', '不是真实存在的日期'],
  ])('refuses %j: %s', (input, error) => {
    expect(normaliseLocalDate(input)).toEqual({ ok: false, error })
  })
})

describe('form numbers and booleans: blank is absent, never 0 or true', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    ['３', 3],
    ['1,200', 1200],
    ['-2.5', -2.5],
    [7, 7],
  ])('number %j → %j', (input, expected) => {
    expect(parseFormNumber(input)).toEqual({ ok: true, value: expected })
  })

  it.each([['abc'], ['1e3'], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [{}]])(
    'number %j is refused',
    (input) => {
      expect(parseFormNumber(input)).toEqual({ ok: false, error: '不是有效的数字' })
    },
  )

  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['false', false],
    ['0', false],
    ['否', false],
    ['true', true],
    ['TRUE', true],
    ['是', true],
    [false, false],
  ])('boolean %j → %j', (input, expected) => {
    expect(parseFormBoolean(input)).toEqual({ ok: true, value: expected })
  })

  it.each([['maybe'], [1], [{}]])('boolean %j is refused', (input) => {
    expect(parseFormBoolean(input)).toEqual({ ok: false, error: '应为“是”或“否”' })
  })
})

describe('field schemas name the field in Chinese', () => {
  const Form = z.object({
    phone: MobileNumber,
    contact: blankAsAbsent(mobileNumber('紧急联系人电话')),
    id: ResidentIdNumber,
    name: PersonName,
    birth: localDate('出生日期'),
    movedIn: blankAsAbsent(LocalDate),
    people: formNumber('家庭人数', 1, 20),
    alone: formBoolean('是否独居'),
  })
  const valid = {
    phone: '+86 138 0013 8000',
    id: X_ID.toLowerCase(),
    name: '阿依古丽•买买提',
    birth: '1949年12月31日',
    people: '３',
    alone: '否',
  }

  it('normalises a whole form', () => {
    // Act
    const parsed = Form.parse({ ...valid, contact: '', movedIn: '  ' })
    // Assess
    expect(parsed).toEqual({
      phone: '13800138000',
      contact: undefined,
      id: X_ID,
      name: '阿依古丽·买买提',
      birth: '1949-12-31',
      movedIn: undefined,
      people: 3,
      alone: false,
    })
  })

  it.each([
    ['phone', { phone: '' }, '请填写手机号'],
    ['phone', { phone: '1380013800' }, '手机号应为 11 位数字（现在是 10 位）'],
    ['contact', { contact: '123' }, '紧急联系人电话应为 11 位数字（现在是 3 位）'],
    ['id', { id: '123' }, '身份证号应为 18 位（现在是 3 位）'],
    ['name', { name: '王' }, '姓名至少 2 个字'],
    ['birth', { birth: '2025-02-29' }, '出生日期不是真实存在的日期'],
    ['birth', { birth: undefined }, '请填写出生日期'],
    ['people', { people: '0' }, '家庭人数应在 1 到 20 之间'],
    ['people', { people: 'x' }, '家庭人数不是有效的数字'],
    ['alone', { alone: 'maybe' }, '是否独居应为“是”或“否”'],
  ])('%s: %j → %s', (path, patch, message) => {
    const result = Form.safeParse({ ...valid, ...patch })
    expect(result.success).toBe(false)
    if (!result.success) expect(toFieldErrors(result.error)).toContainEqual({ path, message })
  })

  it('keeps a blank optional number absent rather than 0', () => {
    expect(formNumber('人数', 0, 9).parse('')).toBeUndefined()
    expect(formBoolean('独居').parse('')).toBeUndefined()
  })
})

describe('stripInvisible', () => {
  it('removes zero-width and direction marks only', () => {
    expect(stripInvisible('\uFEFF王\u200D小\u2066明\u00AD')).toBe('王小明')
  })
})
