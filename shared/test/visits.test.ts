import fc from 'fast-check'
import {
  addLocalDays,
  type ColourChange,
  daysBetween,
  type HouseholdVisits,
  isoWeekOf,
  periodOf,
  type RiskColour,
  visitStatus,
  visitsDueOn,
} from '../src'

// Instants at 07:30 Beijing are still the previous day in UTC: every case below would fail if the
// rule took calendar days from UTC.
const at = (day: string, time = '07:30') => `${day}T${time}:00+08:00`

function household(history: [RiskColour, string][], visits: string[], id = 'H1'): HouseholdVisits {
  return {
    householdId: id,
    history: history.map(([colour, day]) => ({ colour, at: at(day) })),
    visits: visits.map((d) => ({ at: at(d) })),
  }
}

describe('visitStatus', () => {
  it.each([
    // colour, since, visits, today, dueBy, state, overdueDays
    ['red', '2026-12-03', [], '2026-12-03', '2026-12-03', 'due_today', 0],
    ['red', '2026-12-01', ['2026-12-02'], '2026-12-03', '2026-12-03', 'due_today', 0],
    ['red', '2026-12-01', ['2026-12-03'], '2026-12-03', '2026-12-04', 'done', 0],
    ['red', '2026-12-01', ['2026-12-01'], '2026-12-04', '2026-12-02', 'overdue', 2],
    ['yellow', '2026-12-01', [], '2026-12-03', '2026-12-06', 'due', 0],
    ['yellow', '2026-12-01', [], '2026-12-06', '2026-12-06', 'due_today', 0],
    ['yellow', '2026-12-01', ['2026-12-02'], '2026-12-03', '2026-12-13', 'done', 0],
    ['yellow', '2026-12-01', ['2026-12-02'], '2026-12-08', '2026-12-13', 'due', 0],
    ['yellow', '2026-11-02', ['2026-11-03'], '2026-11-20', '2026-11-15', 'overdue', 5],
    ['green', '2026-11-10', [], '2026-11-30', '2026-11-30', 'due_today', 0],
    ['green', '2026-11-10', ['2026-11-12'], '2026-12-03', '2026-12-31', 'due', 0],
    ['green', '2026-10-10', ['2026-10-12'], '2026-12-03', '2026-11-30', 'overdue', 3],
  ] as const)(
    '%s since %s, visits %j, on %s: due by %s, %s (%i days late)',
    (colour, since, visits, today, dueBy, state, overdueDays) => {
      // Act
      const s = visitStatus(household([[colour, since]], [...visits]), today)
      // Assess
      expect(s).toMatchObject({ colour, since, dueBy, state, overdueDays, overdue: overdueDays > 0 })
    },
  )

  it('a late visit still counts and restarts the rhythm', () => {
    // Prepare: yellow, visited in week 1, nothing in week 2, a late visit on Tuesday of week 3.
    const h = household([['yellow', '2026-11-02']], ['2026-11-03', '2026-11-17'])
    // Act
    const s = visitStatus(h, '2026-11-18')
    // Assess
    expect(s).toMatchObject({
      lastVisit: '2026-11-17',
      state: 'done',
      windowStart: '2026-11-23',
      dueBy: '2026-11-29',
      overdue: false,
    })
  })

  it('a colour change reschedules from that day: red today, due today', () => {
    const h = household(
      [
        ['green', '2026-11-01'],
        ['red', '2026-12-03'],
      ],
      ['2026-12-01'],
    )
    const s = visitStatus(h, '2026-12-03')
    expect(s).toMatchObject({
      colour: 'red',
      cadence: 'day',
      since: '2026-12-03',
      dueBy: '2026-12-03',
      state: 'due_today',
    })
    expect(s?.lastVisit).toBeUndefined()
    expect(s?.reasons).toEqual(['红色户（日随访），自 12月3日 变为红色后尚未走访', '今天是最后期限，请今天走访'])
  })

  it('a visit on the day of the change counts for the new colour', () => {
    const h = household(
      [
        ['green', '2026-11-01'],
        ['red', '2026-12-03'],
      ],
      ['2026-12-03'],
    )
    expect(visitStatus(h, '2026-12-03')).toMatchObject({ state: 'done', dueBy: '2026-12-04' })
  })

  it('uses the colour in force on the day asked, ignoring later changes and visits', () => {
    const h = household(
      [
        ['red', '2026-12-10'],
        ['yellow', '2026-12-01'],
      ],
      ['2026-12-02', '2026-12-05'],
    )
    expect(visitStatus(h, '2026-12-03')).toMatchObject({ colour: 'yellow', lastVisit: '2026-12-02', state: 'done' })
  })

  it('two changes on one day: the later instant wins', () => {
    const history: ColourChange[] = [
      { colour: 'red', at: at('2026-12-03', '09:00') },
      { colour: 'yellow', at: at('2026-12-03', '15:00') },
    ]
    expect(visitStatus({ householdId: 'H', history, visits: [] }, '2026-12-03')?.colour).toBe('yellow')
    expect(visitStatus({ householdId: 'H', history: [...history].reverse(), visits: [] }, '2026-12-03')?.colour).toBe(
      'yellow',
    )
  })

  it('has nothing to say before the first colour', () => {
    expect(visitStatus(household([['red', '2026-12-05']], []), '2026-12-03')).toBeUndefined()
  })

  it.each([
    [[], '2026-12-03', '黄色户（周跟踪），自 12月1日 变为黄色后尚未走访', '请在 12月6日 前走访'],
    [['2026-12-02'], '2026-12-03', '黄色户（周跟踪），上次走访 12月2日', '本期已走访，下次在 12月7日 至 12月13日 之间'],
    [[], '2026-12-09', '黄色户（周跟踪），自 12月1日 变为黄色后尚未走访', '已逾期 3 天，应在 12月6日 前走访'],
  ])('explains itself in Chinese (visits %j on %s)', (visits, today, first, second) => {
    expect(visitStatus(household([['yellow', '2026-12-01']], visits), today)?.reasons).toEqual([first, second])
  })
})

describe('visitsDueOn: a building head’s list for a day', () => {
  it('lists due households, most fragile colour first, then most urgent, and leaves out the visited', () => {
    // Prepare
    const households = [
      household([['green', '2026-11-01']], [], 'G-due'),
      household([['red', '2026-12-01']], ['2026-12-03'], 'R-done'),
      household([['red', '2026-12-01']], ['2026-12-02'], 'R-today'),
      household([['yellow', '2026-11-01']], ['2026-11-03'], 'Y-late'),
      household([['red', '2026-11-25']], ['2026-11-26'], 'R-late'),
      household([['yellow', '2026-12-01']], [], 'Y-due'),
      household([['green', '2026-12-01']], [], 'G-due2'),
      household([['red', '2026-12-09']], [], 'not-yet-coloured'),
      household([['yellow', '2026-12-01']], [], 'A-due'),
    ]
    // Act
    const list = visitsDueOn(households, '2026-12-03')
    // Assess
    expect(list.map((s) => [s.householdId, s.state, s.overdueDays])).toEqual([
      ['R-late', 'overdue', 6],
      ['R-today', 'due_today', 0],
      ['Y-late', 'overdue', 18],
      ['A-due', 'due', 0],
      ['Y-due', 'due', 0],
      ['G-due', 'overdue', 3],
      ['G-due2', 'due', 0],
    ])
  })

  it.each<[string, HouseholdVisits[], string[]]>([
    [
      'a red household 2 days late before a green one 306 days late',
      [
        household([['green', '2025-01-01']], ['2025-01-02'], 'G-306'),
        household([['red', '2026-11-25']], ['2026-11-30'], 'R-2'),
      ],
      ['R-2', 'G-306'],
    ],
    [
      'a yellow household due before a green one long overdue',
      [household([['green', '2025-01-01']], ['2025-01-02'], 'G-late'), household([['yellow', '2026-12-01']], [], 'Y')],
      ['Y', 'G-late'],
    ],
    [
      'within a colour, the longest overdue first',
      [
        household([['red', '2026-11-25']], ['2026-11-30'], 'R-2'),
        household([['red', '2026-11-20']], ['2026-11-21'], 'R-11'),
      ],
      ['R-11', 'R-2'],
    ],
  ])('issue 3: %s', (_, households, order) => {
    // Act
    const list = visitsDueOn(households, '2026-12-03')
    // Assess
    expect(list.map((s) => s.householdId)).toEqual(order)
  })
})

describe('periodOf', () => {
  it.each([
    ['day', { start: '2026-12-03', end: '2026-12-03' }],
    ['week', { start: '2026-11-30', end: '2026-12-06' }],
    ['month', { start: '2026-12-01', end: '2026-12-31' }],
  ] as const)('%s', (cadence, period) => {
    expect(periodOf('2026-12-03', cadence)).toEqual(period)
  })
})

describe('properties', () => {
  const colour = fc.constantFrom<RiskColour>('red', 'yellow', 'green')
  const START = '2026-01-01'
  const DAYS = 80
  const index = (day: string, c: RiskColour) =>
    c === 'red'
      ? daysBetween(START, day)
      : c === 'yellow'
        ? Math.floor(daysBetween(isoWeekOf(START).start, day) / 7)
        : Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7))

  // A visitor who obeys the schedule, visiting on a day the generator picks inside each window.
  const scenario = fc.record({
    changes: fc.array(fc.record({ offset: fc.integer({ min: 1, max: DAYS - 1 }), colour }), { maxLength: 4 }),
    first: colour,
    eagerness: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: DAYS, maxLength: DAYS }),
  })

  function simulate({
    changes,
    first,
    eagerness,
  }: {
    changes: { offset: number; colour: RiskColour }[]
    first: RiskColour
    eagerness: number[]
  }) {
    const history: ColourChange[] = [
      { colour: first, at: at(START) },
      ...changes.map((c) => ({ colour: c.colour, at: at(addLocalDays(START, c.offset), '12:00') })),
    ]
    const h: HouseholdVisits & { visits: { at: string }[] } = { householdId: 'H', history, visits: [] }
    const log: { day: string; status: NonNullable<ReturnType<typeof visitStatus>> }[] = []
    for (let k = 0; k < DAYS; k++) {
      const day = addLocalDays(START, k)
      const s = visitStatus(h, day)!
      log.push({ day, status: s })
      const windowDays = daysBetween(day, s.dueBy)
      if (s.state !== 'done' && (windowDays === 0 || eagerness[k] < 0.3)) h.visits.push({ at: at(day, '18:00') })
    }
    return { h, log }
  }

  it('a visitor who keeps to the due dates is never overdue', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { log } = simulate(sc)
        for (const { status } of log) expect(status.overdue).toBe(false)
      }),
      { numRuns: 40 },
    )
  })

  it('the schedule never leaves a whole period of the cadence without a visit', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { h, log } = simulate(sc)
        const days = h.visits.map((v) => v.at.slice(0, 10))
        for (let k = 1; k < days.length; k++) {
          const c = log.find((l) => l.day === days[k])!.status.colour
          const prev = log.find((l) => l.day === days[k - 1])!.status
          // Only compare visits made under one unbroken colour.
          if (prev.colour !== c || prev.since !== log.find((l) => l.day === days[k])!.status.since) continue
          expect(index(days[k], c) - index(days[k - 1], c)).toBeLessThanOrEqual(1)
        }
      }),
      { numRuns: 40 },
    )
  })

  it('the next due date is never further than one period after the current one', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: DAYS - 1 }), (sc, k) => {
        const { log } = simulate(sc)
        const { day, status } = log[k]
        expect(index(status.dueBy, status.colour) - index(day, status.colour)).toBeLessThanOrEqual(1)
      }),
      { numRuns: 20 },
    )
  })
})
