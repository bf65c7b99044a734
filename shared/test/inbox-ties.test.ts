import { inboxOrder } from '../src'

// Ties in the staff inbox fall back to the id, whichever order the tickets arrive in, so two staff
// members looking at the same inbox see the same list.
const NOW = '2026-12-03T10:00:00+08:00'
const CREATED = '2026-12-03T08:00:00+08:00'
const DEADLINE = '2026-12-03T12:00:00+08:00'

describe('inboxOrder breaks ties by id', () => {
  it.each([
    ['closed tickets filed at the same instant', 'closed', undefined, ['B', 'A']],
    ['open tickets with the same priority and deadline', 'submitted', DEADLINE, ['A', 'B']],
  ] as const)('%s', (_, status, deadline, expected) => {
    // Prepare
    const t = (id: string) => ({ id, status, priority: 'normal' as const, deadline, createdAt: CREATED })
    // Act
    const forward = inboxOrder([t('A'), t('B')], NOW)
    const backward = inboxOrder([t('B'), t('A')], NOW)
    // Assess
    expect(forward.map((x) => x.id)).toEqual(expected)
    expect(backward.map((x) => x.id)).toEqual(expected)
  })
})

describe('inboxOrder puts the newest closed ticket first', () => {
  it.each([[['OLD', 'NEW']], [['NEW', 'OLD']]])('from %j', (ids) => {
    // Prepare
    const created: Record<string, string> = { OLD: '2026-12-01T08:00:00+08:00', NEW: '2026-12-02T08:00:00+08:00' }
    const t = (id: string) => ({ id, status: 'closed' as const, createdAt: created[id] })
    // Act
    const order = inboxOrder(ids.map(t), NOW)
    // Assess
    expect(order.map((x) => x.id)).toEqual(['NEW', 'OLD'])
  })
})
