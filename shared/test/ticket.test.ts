import {
  CreateTicketRequest,
  codePointLength,
  Id,
  inScope,
  ListTicketsQuery,
  toFieldErrors,
  truncateCodePoints,
} from '../src'

const valid = {
  category: 'lift',
  location: { kind: 'own_room' },
  description: '电梯停了',
  idempotencyKey: 'abcd1234efgh',
}

describe('CreateTicketRequest', () => {
  it('accepts a valid request and trims the description', () => {
    const parsed = CreateTicketRequest.parse({ ...valid, description: '  电梯停了  ' })
    expect(parsed.description).toBe('电梯停了')
  })

  it.each([
    ['description', { description: '' }, '请填写问题描述'],
    ['description', { description: '   ' }, '请填写问题描述'],
    ['description', { description: '\u200b\u200b\ufeff' }, '请填写问题描述'],
    ['description', { description: 123 }, '问题描述必须是文字'],
    ['description', { description: undefined }, '请填写问题描述'],
    ['description', { description: '字'.repeat(501) }, '问题描述最多 500 个字'],
    ['category', { category: 'rocket' }, '请选择问题类别'],
    ['location.kind', { location: { kind: 'moon' } }, '请选择问题位置'],
    ['location.spot', { location: { kind: 'common_area', spot: 'x' } }, '请选择公共区域'],
    ['idempotencyKey', { idempotencyKey: 'short' }, '提交编号（idempotencyKey）格式不正确'],
  ])('names the field %s in Chinese', (path, patch, message) => {
    const result = CreateTicketRequest.safeParse({ ...valid, ...patch })
    expect(result.success).toBe(false)
    if (!result.success) expect(toFieldErrors(result.error)).toContainEqual({ path, message })
  })

  it('counts 500 characters outside the BMP as 500, not 1000', () => {
    const text = '𠀀'.repeat(500)
    expect(text.length).toBe(1000)
    expect(CreateTicketRequest.safeParse({ ...valid, description: text }).success).toBe(true)
  })
})

describe('text', () => {
  it('counts code points and never splits a surrogate pair', () => {
    expect(codePointLength('𠀀a')).toBe(2)
    expect(truncateCodePoints('𠀀𠀁𠀂', 2)).toBe('𠀀…')
  })
})

describe('inScope', () => {
  const home = { subdistrictId: 'S', communityId: 'C1', areaId: 'A1', buildingId: 'B5', householdId: 'H1' }
  it.each([
    [{ subdistrictId: 'S' }, true],
    [{ subdistrictId: 'S', communityId: 'C1' }, true],
    [{ subdistrictId: 'S', communityId: 'C1', areaId: 'A1', buildingId: 'B5' }, true],
    [{ subdistrictId: 'S', communityId: 'C1', areaId: 'A1', buildingId: 'B6' }, false],
    [{ subdistrictId: 'S', communityId: 'C2' }, false],
    [{ subdistrictId: 'S', communityId: 'C1', areaId: 'A1', buildingId: 'B5', householdId: 'H2' }, false],
  ])('scope %j sees the household: %s', (scope, expected) => {
    expect(inScope(scope, home)).toBe(expected)
  })
})

describe('ListTicketsQuery', () => {
  it.each([
    [{ status: 'done' }, false],
    [{ status: '' }, true],
    [{ status: 'acknowledged' }, true],
    [{}, true],
  ])('%j is accepted: %s, with a Chinese message naming status', (query, ok) => {
    const result = ListTicketsQuery.safeParse(query)
    expect(result.success).toBe(ok)
    if (!result.success)
      expect(toFieldErrors(result.error)[0]).toMatchObject({
        path: 'status',
        message: expect.stringContaining('状态（status）'),
      })
  })
})

describe('Id', () => {
  it.each([
    [undefined, '缺少编号'],
    [5, '编号格式不正确'],
    ['a b', '编号格式不正确'],
  ])('%p gets %s', (input, message) => {
    const result = Id.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(result.error.issues[0].message).toBe(message)
  })
})
