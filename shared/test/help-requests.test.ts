import {
  CreateTicketRequest,
  categoryLabel,
  FileOnBehalfRequest,
  filedByLine,
  HelpRequestCategory,
  helpEmergencyCall,
  isCategoryOf,
  TICKET_QUESTIONS,
  TicketCategory,
  ticketCategoryLabel,
  ticketQuestions,
  ticketTitle,
  toFieldErrors,
} from '../src'

// Help requests are tickets of kind 'help' (docs/decisions/064): labels, titles, questions, the
// kind/category pair, the emergency numbers, and the on-behalf fields.

const KEY = 'k0123456789abcdef'

describe('labels and titles', () => {
  it.each([
    [undefined, 'lift', '电梯', '电梯报修'],
    ['property', 'other', '其他', '其他报修'],
    ['help', 'atm_cash', '取现帮助', '取现帮助'],
    ['help', 'night_escort', '夜间送医', '夜间送医'],
    ['help', 'other', '其他', '其他'],
  ] as const)('kind %s, %s → %s / %s', (kind, category, label, title) => {
    expect(categoryLabel(kind, category)).toBe(label)
    expect(ticketCategoryLabel({ kind, category })).toBe(label)
    expect(ticketTitle({ kind, category })).toBe(title)
  })

  it('falls back to the id for a category the kind does not have', () => {
    expect(categoryLabel('help', 'lift')).toBe('lift')
    expect(categoryLabel(undefined, 'atm_cash')).toBe('atm_cash')
  })

  it('asks a property category its questions and a help request none', () => {
    expect(ticketQuestions({ category: 'lift' })).toEqual(TICKET_QUESTIONS.lift)
    expect(ticketQuestions({ category: 'noise' })).toEqual([])
    expect(ticketQuestions({ kind: 'help', category: 'other' })).toEqual([])
  })

  it('says who filed for the household, in words', () => {
    expect(filedByLine({ userId: 'u-head-5', name: '赵美芬', role: 'building_head', channel: 'phone' })).toBe(
      '由楼栋长赵美芬代为登记（电话）',
    )
    expect(filedByLine({ userId: 'u', name: '周丽琼', role: 'community_staff', channel: 'walk_in' })).toBe(
      '由社区工作人员周丽琼代为登记（上门）',
    )
  })
})

describe('the kind/category pair', () => {
  it('accepts every help category with kind help, and every property category without', () => {
    for (const c of HelpRequestCategory.options) expect(isCategoryOf('help', c)).toBe(true)
    for (const c of TicketCategory.options) expect(isCategoryOf(undefined, c)).toBe(true)
    expect(isCategoryOf('help', 'gas')).toBe(false)
    expect(isCategoryOf('property', 'errand')).toBe(false)
  })

  it.each([
    [{ kind: 'help', category: 'lift' }, 'category'],
    [{ category: 'night_escort', location: { kind: 'own_room' }, description: '送医' }, 'category'],
    [{ category: 'lift', description: '坏了' }, 'location'],
    [{ category: 'lift', location: { kind: 'own_room' }, description: '  ' }, 'description'],
  ])('refuses %j at %s', (body, path) => {
    const parsed = CreateTicketRequest.safeParse({ ...body, idempotencyKey: KEY })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(toFieldErrors(parsed.error).map((e) => e.path)).toContain(path)
  })

  it('names every missing field at once, once each, and refuses what is not an object', () => {
    const empty = CreateTicketRequest.safeParse({ idempotencyKey: KEY })
    expect(empty.success ? [] : toFieldErrors(empty.error).map((e) => e.path)).toEqual([
      'category',
      'location',
      'description',
    ])
    const help = CreateTicketRequest.safeParse({ kind: 'help', idempotencyKey: KEY })
    expect(help.success ? [] : toFieldErrors(help.error).map((e) => e.path)).toEqual(['category'])
    expect(CreateTicketRequest.safeParse('lift').success).toBe(false)
    expect(CreateTicketRequest.safeParse(null).success).toBe(false)
  })

  it('takes a help request without place or description', () => {
    expect(
      CreateTicketRequest.parse({ kind: 'help', category: 'errand', description: ' ', idempotencyKey: KEY }),
    ).toEqual({ kind: 'help', category: 'errand', idempotencyKey: KEY })
  })
})

describe('filing on behalf', () => {
  const base = { householdId: 'hh-1', channel: 'phone', kind: 'help', category: 'atm_cash', idempotencyKey: KEY }

  it('normalises the phone and drops blank contact fields', () => {
    expect(
      FileOnBehalfRequest.parse({ ...base, contactName: ' 李秀英 ', contactPhone: '138-1234-5678' }),
    ).toMatchObject({
      contactName: '李秀英',
      contactPhone: '13812345678',
    })
    const blank = FileOnBehalfRequest.parse({ ...base, contactName: '', contactPhone: ' ' })
    expect(blank.contactName).toBeUndefined()
    expect(blank.contactPhone).toBeUndefined()
  })

  it.each([
    [{ contactPhone: 13812345678 }, 'contactPhone', '联系电话（contactPhone）请写成文字（带引号），例如 "13812345678"'],
    [{ contactPhone: '12345' }, 'contactPhone', '联系电话（contactPhone）应为 11 位数字（现在是 5 位）'],
    [{ channel: 'letter' }, 'channel', '登记方式（channel）只能是 walk_in（上门）或 phone（电话）'],
  ])('refuses %j at %s in Chinese', (over, path, message) => {
    const parsed = FileOnBehalfRequest.safeParse({ ...base, ...over })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(toFieldErrors(parsed.error)).toContainEqual({ path, message })
  })
})

describe('helpEmergencyCall', () => {
  it('shows 120 for 夜间送医 only', () => {
    expect(helpEmergencyCall('night_escort')).toMatchObject({ call: [{ number: '120' }] })
    for (const c of HelpRequestCategory.options.filter((c) => c !== 'night_escort')) {
      expect(helpEmergencyCall(c)).toBeUndefined()
    }
  })
})
