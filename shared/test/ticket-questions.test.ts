import {
  answersFor,
  CreateTicketRequest,
  inboxOrder,
  isOverdue,
  ListTicketsQuery,
  type StaffTicket,
  situationOf,
  TICKET_QUESTIONS,
  TicketAnswers,
  TRIAGE_RULES,
  ticketEmergencyCall,
} from '../src'

const FIRE = TRIAGE_RULES.phones.fire

describe('per-category questions', () => {
  it.each([
    ['lift', 'personTrapped', '有人被困在电梯里吗？'],
    ['gas', 'gasSmell', '闻到燃气味吗？'],
    ['water', 'wholeBuilding', '整栋楼都没有水吗？'],
    ['power', 'wholeBuilding', '整栋楼都没有电吗？'],
  ] as const)('%s asks %s', (category, key, text) => {
    expect(TICKET_QUESTIONS[category]).toEqual([{ key, text }])
  })

  it('asks nothing for a category without questions', () => {
    expect(TICKET_QUESTIONS.lighting).toBeUndefined()
    expect(answersFor('lighting', { personTrapped: true })).toEqual({})
  })

  it('drops answers another category asked for', () => {
    expect(answersFor('water', { personTrapped: true, wholeBuilding: false })).toEqual({ wholeBuilding: false })
    expect(answersFor('lift', undefined)).toEqual({})
  })

  it('refuses unknown answer keys and non-boolean answers', () => {
    expect(TicketAnswers.safeParse({ onFire: true }).success).toBe(false)
    expect(TicketAnswers.safeParse({ personTrapped: 'yes' }).success).toBe(false)
  })

  it('keeps answers optional on a create so older clients still work', () => {
    const base = { category: 'lift', location: { kind: 'own_room' }, description: '坏了', idempotencyKey: 'k-1234567' }
    expect(CreateTicketRequest.safeParse(base).success).toBe(true)
    expect(CreateTicketRequest.parse({ ...base, answers: { personTrapped: true } }).answers).toEqual({
      personTrapped: true,
    })
  })
})

describe('the emergency path from the answers', () => {
  it.each([
    // No property duty line is configured by default (issue 3); triage.test.ts covers one that is.
    ['lift', { personTrapped: true }, [FIRE]],
    ['gas', { gasSmell: true }, [FIRE]],
    ['gas', {}, [FIRE]],
    ['water', { wholeBuilding: true }, []],
    ['power', { wholeBuilding: true }, []],
  ] as const)('%s %j shows the numbers to call', (category, answers, call) => {
    expect(ticketEmergencyCall(category, answers)?.call).toEqual(call)
  })

  it.each([
    ['lift', { personTrapped: false }],
    ['lift', undefined],
    ['water', { wholeBuilding: false }],
    ['lighting', { wholeBuilding: true }],
  ] as const)('%s %j is not an emergency', (category, answers) => {
    expect(ticketEmergencyCall(category, answers)).toBeUndefined()
  })

  it('counts only an explicit yes', () => {
    expect(situationOf(undefined)).toEqual({ personTrapped: false, wholeBuilding: false })
    expect(situationOf({ personTrapped: true, wholeBuilding: false })).toEqual({
      personTrapped: true,
      wholeBuilding: false,
    })
  })
})

describe('inboxOrder: overdue first, then priority, then the nearest deadline', () => {
  const NOW = '2026-12-03T12:00:00.000+08:00'
  const t = (id: string, extra: Partial<StaffTicket>) =>
    ({ id, status: 'submitted', createdAt: '2026-12-03T08:00:00.000+08:00', ...extra }) as StaffTicket

  it('orders a mixed inbox', () => {
    // Prepare
    const list = [
      t('closed-old', { status: 'resolved', createdAt: '2026-12-01T08:00:00.000+08:00' }),
      t('low', { priority: 'low', deadline: '2026-12-04T08:00:00.000+08:00' }),
      t('legacy', {}),
      t('normal-late', { priority: 'normal', deadline: '2026-12-03T20:00:00.000+08:00' }),
      t('normal-soon', { priority: 'normal', deadline: '2026-12-03T14:00:00.000+08:00' }),
      t('overdue-normal', { priority: 'normal', deadline: '2026-12-03T11:00:00.000+08:00' }),
      t('closed-new', { status: 'closed', createdAt: '2026-12-02T08:00:00.000+08:00' }),
      t('immediate', { priority: 'immediate', deadline: '2026-12-03T12:20:00.000+08:00' }),
      t('overdue-urgent', { priority: 'urgent', deadline: '2026-12-03T11:30:00.000+08:00', status: 'in_progress' }),
      t('closed-overdue', { status: 'resolved', priority: 'urgent', deadline: '2026-12-03T09:00:00.000+08:00' }),
    ]
    // Act
    const ids = inboxOrder(list, NOW).map((x) => x.id)
    // Assess
    expect(ids).toEqual([
      'overdue-urgent',
      'overdue-normal',
      'immediate',
      'normal-soon',
      'normal-late',
      'legacy',
      'low',
      'closed-overdue',
      'closed-new',
      'closed-old',
    ])
  })

  it('breaks full ties by id so the order is stable', () => {
    const same = { priority: 'normal', deadline: '2026-12-03T14:00:00.000+08:00' } as const
    expect(inboxOrder([t('b', same), t('a', same)], NOW).map((x) => x.id)).toEqual(['a', 'b'])
    const closed = { status: 'closed' } as const
    expect(inboxOrder([t('a', closed), t('b', closed)], NOW).map((x) => x.id)).toEqual(['b', 'a'])
  })

  it.each([
    [{ status: 'submitted', deadline: '2026-12-03T11:59:59.000+08:00' }, true],
    [{ status: 'acknowledged', deadline: '2026-12-03T12:00:00.000+08:00' }, false],
    [{ status: 'resolved', deadline: '2026-12-03T08:00:00.000+08:00' }, false],
    [{ status: 'submitted' }, false],
  ] as const)('isOverdue(%j) is %s', (ticket, expected) => {
    expect(isOverdue(ticket, NOW)).toBe(expected)
  })
})

describe('ListTicketsQuery filters', () => {
  it.each([
    [{}, {}],
    [{ overdue: '', emergency: '' }, {}],
    [
      { overdue: 'true', emergency: 'false' },
      { overdue: true, emergency: false },
    ],
    [
      { category: 'lift', buildingId: 'mjw-b5' },
      { category: 'lift', buildingId: 'mjw-b5' },
    ],
  ])('%j parses to %j', (query, parsed) => {
    const out = ListTicketsQuery.parse(query)
    expect(Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined))).toEqual(parsed)
  })

  it.each([[{ overdue: 'maybe' }], [{ category: 'fire' }]])('refuses %j', (query) => {
    expect(ListTicketsQuery.safeParse(query).success).toBe(false)
  })
})
