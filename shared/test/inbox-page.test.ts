import { assigneeLabel, assignmentText, inboxOrder, inboxPage, rankOf, type StaffTicket } from '../src'

const NOW = '2026-12-03T12:00:00.000+08:00'

function t(i: number, over: Partial<StaffTicket> = {}): StaffTicket {
  return {
    id: `T${String(i).padStart(3, '0')}`,
    householdId: 'hh',
    address: {} as StaffTicket['address'],
    category: 'lift',
    location: { kind: 'own_room' },
    description: 'x',
    status: i % 4 === 0 ? 'resolved' : 'submitted',
    createdAt: `2026-12-0${1 + (i % 3)}T0${i % 10}:00:00.000+08:00`,
    createdBy: 'u',
    priority: (['immediate', 'urgent', 'normal', 'low'] as const)[i % 4],
    deadline: i % 5 === 0 ? undefined : `2026-12-0${1 + (i % 4)}T1${i % 10}:00:00.000+08:00`,
    ...over,
  }
}

function allPages(list: StaffTicket[], limit: number): string[] {
  const seen: string[] = []
  let after: ReturnType<typeof rankOf> | undefined
  for (let n = 0; n < 100; n++) {
    const page = inboxPage(list, NOW, limit, after)
    seen.push(...page.items.map((x) => x.id))
    if (!page.last) return seen
    expect(page.items).toHaveLength(limit)
    after = page.last
  }
  throw new Error('never ended')
}

describe('inboxPage', () => {
  it.each([1, 3, 5, 7, 40, 41])('pages of %i give the whole inbox in inboxOrder, once each', (limit) => {
    const list = Array.from({ length: 40 }, (_, i) => t(i))
    expect(allPages(list, limit)).toEqual(inboxOrder(list, NOW).map((x) => x.id))
  })

  it('has no next page when the last page is exactly full', () => {
    const list = Array.from({ length: 6 }, (_, i) => t(i))
    const first = inboxPage(list, NOW, 3)
    const second = inboxPage(list, NOW, 3, first.last)
    expect(first.last).toBeDefined()
    expect(second.items).toHaveLength(3)
    expect(second.last).toBeUndefined()
  })

  it('keeps its place when the last ticket shown changes or vanishes', () => {
    const list = Array.from({ length: 10 }, (_, i) => t(i))
    const order = inboxOrder(list, NOW).map((x) => x.id)
    const first = inboxPage(list, NOW, 4)
    const lastId = first.items[3].id
    const changed = list.map((x) => (x.id === lastId ? { ...x, status: 'resolved' as const } : x))
    const gone = list.filter((x) => x.id !== lastId)
    expect(inboxPage(changed, NOW, 100, first.last).items.map((x) => x.id)).toEqual(order.slice(4))
    expect(inboxPage(gone, NOW, 100, first.last).items.map((x) => x.id)).toEqual(order.slice(4))
  })

  it('remembers only the ranked fields of the last ticket', () => {
    expect(rankOf(t(5))).toEqual({ id: 'T005', status: 'submitted', createdAt: t(5).createdAt, priority: 'urgent' })
    expect(Object.keys(rankOf(t(1))).sort()).toEqual(['createdAt', 'deadline', 'id', 'priority', 'status'])
    expect(rankOf({ ...t(1), priority: undefined })).not.toHaveProperty('priority')
  })
})

describe('assignment words', () => {
  it.each([
    [{ kind: 'property_company', name: '物业公司' }, '已交给物业公司处理'],
    [{ kind: 'person', name: '赵美芬', role: 'building_head' }, '由楼栋长赵美芬负责'],
    [{ kind: 'person', name: '赵美芬' }, '由赵美芬负责'],
    [{ kind: 'person', name: '赵美芬', role: 'nobody' }, '由赵美芬负责'],
  ] as const)('%j reads %s', (a, text) => {
    expect(assignmentText(a)).toBe(text)
  })

  it('labels a card', () => {
    expect(assigneeLabel(undefined)).toBe('未分派')
    expect(assigneeLabel({ name: '物业公司' })).toBe('交给：物业公司')
  })
})
