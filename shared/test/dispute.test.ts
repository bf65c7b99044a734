import fc from 'fast-check'
import {
  assignGuarantor,
  closeDispute,
  DISPUTE_RULES,
  DisputeCase,
  type DisputeLevel,
  type DisputeResult,
  escalate,
  failedRounds,
  followUpPlan,
  openDispute,
  type RoundOutcome,
  recordRound,
} from '../src'

const t = (n: number) => new Date(Date.UTC(2026, 0, 1, 2) + n * 86_400_000).toISOString()
let clock = 0
const next = () => t(++clock)

function ok(r: DisputeResult): DisputeCase {
  if (!r.ok) throw new Error(`refused: ${r.reason}`)
  return r.dispute
}
const round = (d: DisputeCase, outcome: RoundOutcome, extra: { followUpMonths?: number } = {}) =>
  recordRound(d, { at: next(), outcome, mediatorId: 'M1', ...extra })
const up = (d: DisputeCase, to: DisputeLevel) => escalate(d, { to, at: next(), reason: '本级调解未果' })
const withGuarantor = (d: DisputeCase) =>
  ok(assignGuarantor(d, { leaderName: '赵书记', team: ['钱', '孙'], at: next() }))

function fresh(): DisputeCase {
  clock = 0
  return openDispute({ id: 'D1', householdIds: ['H1', 'H2'], severity: 'serious', at: t(0) })
}

/** A case failed once at each level up to `level`. */
function failedUpTo(level: DisputeLevel): DisputeCase {
  let d = ok(round(fresh(), 'failed'))
  for (const l of ['area', 'community', 'subdistrict'] as const) {
    if (d.level === level) break
    d = ok(round(ok(up(d, l)), 'failed'))
  }
  return d
}

describe('the dispute state machine', () => {
  it('opens at the building head', () => {
    expect(fresh()).toMatchObject({ level: 'building', status: 'open', rounds: [], escalations: [] })
  })

  it('walks up one level at a time and resolves into a six-month follow-up', () => {
    // Prepare
    let d = failedUpTo('subdistrict')
    d = withGuarantor(d)
    d = ok(up(d, 'leadership'))
    // Act
    d = ok(round(d, 'resolved'))
    // Assess
    expect(d.escalations.map((e) => e.to)).toEqual(['area', 'community', 'subdistrict', 'leadership'])
    expect(d.rounds.map((r) => [r.no, r.level, r.outcome])).toEqual([
      [1, 'building', 'failed'],
      [2, 'area', 'failed'],
      [3, 'community', 'failed'],
      [4, 'subdistrict', 'failed'],
      [5, 'leadership', 'resolved'],
    ])
    expect(d.status).toBe('following_up')
    expect(d.followUp?.months).toBe(6)
    expect(d.followUp?.visits).toHaveLength(6)
  })

  it('adjourned rounds count towards the ten but not towards failures', () => {
    const d = ok(round(ok(round(fresh(), 'adjourned')), 'adjourned'))
    expect(d.rounds).toHaveLength(2)
    expect(failedRounds(d)).toBe(0)
  })

  it.each([6, 12, 18])('follow-up can be set to %i months, one visit a month', (months) => {
    const d = ok(round(fresh(), 'resolved', { followUpMonths: months }))
    expect(d.followUp?.visits).toHaveLength(months)
  })

  it('plans follow-up visits on Beijing dates, clamping month ends', () => {
    // 2026-01-31T20:00Z is already 1 February in Beijing.
    expect(followUpPlan('2026-01-31T20:00:00Z', 6)).toEqual({
      months: 6,
      start: '2026-02-01',
      end: '2026-08-01',
      visits: ['2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01'],
    })
    expect(followUpPlan('2026-01-31T02:00:00Z', 6).visits[0]).toBe('2026-02-28')
  })

  it('closes after the follow-up period', () => {
    const d = ok(round(fresh(), 'resolved'))
    const closed = ok(closeDispute(d, { at: `${d.followUp!.end}T09:00:00+08:00` }))
    expect(closed).toMatchObject({ status: 'closed', closedAt: `${d.followUp!.end}T09:00:00+08:00` })
  })
})

describe('every invalid move is refused with its reason', () => {
  const tenFailed = () => {
    let d = withGuarantor(fresh())
    for (let i = 0; i < 10; i++) d = ok(round(d, 'failed'))
    return d
  }

  it.each<[string, () => DisputeResult, string, string]>([
    [
      'an 11th round',
      () => round(tenFailed(), 'resolved'),
      'max_rounds',
      '已调解 10 次，达到 10 次上限，不能再调解；请引导当事人通过诉讼、仲裁等法定途径解决',
    ],
    [
      'a round without 包保 after 4 failures',
      () => {
        let d = fresh()
        for (let i = 0; i < 4; i++) d = ok(round(d, 'failed'))
        return round(d, 'resolved')
      },
      'guarantor_required',
      '已调解失败 4 次（超过 3 次），须先明确包保领导和专班，才能再次调解',
    ],
    [
      'skipping a level',
      () => up(failedUpTo('building'), 'community'),
      'skip_level',
      '不能越级上报：应先上报到片区/网格',
    ],
    ['going down', () => up(failedUpTo('area'), 'building'), 'not_upward', '只能向上一级上报'],
    ['staying put', () => up(failedUpTo('area'), 'area'), 'not_upward', '只能向上一级上报'],
    [
      'escalating past the top',
      () => up(ok(round(ok(up(withGuarantor(failedUpTo('subdistrict')), 'leadership')), 'failed')), 'leadership'),
      'not_upward',
      '已在最高一级（领导包保专班），不能再上报',
    ],
    [
      'escalating before any round',
      () => up(fresh(), 'area'),
      'not_mediated',
      '楼栋一级的最近一次调解未失败，不能上报',
    ],
    [
      'escalating after an adjourned round',
      () => up(ok(round(ok(round(fresh(), 'failed')), 'adjourned')), 'area'),
      'not_mediated',
      '楼栋一级的最近一次调解未失败，不能上报',
    ],
    [
      'escalating to the leader without 包保',
      () => up(failedUpTo('subdistrict'), 'leadership'),
      'guarantor_required',
      '上报领导包保专班前，须先明确包保领导和专班成员',
    ],
    [
      'a round on a resolved case',
      () => round(ok(round(fresh(), 'resolved')), 'failed'),
      'closed',
      '该纠纷已化解，正在回访',
    ],
    [
      'escalating a resolved case',
      () => up(ok(round(fresh(), 'resolved')), 'area'),
      'closed',
      '该纠纷已化解，正在回访',
    ],
    [
      'a follow-up of 19 months',
      () => round(fresh(), 'resolved', { followUpMonths: 19 }),
      'follow_up_months',
      '回访期应为 6 到 18 个月',
    ],
    [
      'a follow-up of 3 months',
      () => round(fresh(), 'resolved', { followUpMonths: 3 }),
      'follow_up_months',
      '回访期应为 6 到 18 个月',
    ],
    [
      'a follow-up of 6.5 months',
      () => round(fresh(), 'resolved', { followUpMonths: 6.5 }),
      'follow_up_months',
      '回访期应为 6 到 18 个月',
    ],
    ['closing an open case', () => closeDispute(fresh(), { at: next() }), 'not_resolved', '纠纷尚未化解，不能结案'],
    [
      'closing without a follow-up plan',
      () => closeDispute({ ...ok(round(fresh(), 'resolved')), followUp: undefined }, { at: next() }),
      'no_follow_up',
      '没有回访计划，不能结案',
    ],
    [
      'closing during follow-up',
      () => closeDispute(ok(round(fresh(), 'resolved')), { at: next() }),
      'follow_up_pending',
      '回访期到 2026-07-02 才结束，不能提前结案',
    ],
    [
      'closing twice',
      () => {
        const d = ok(round(fresh(), 'resolved'))
        return closeDispute(ok(closeDispute(d, { at: '2027-01-01T00:00:00+08:00' })), {
          at: '2027-01-02T00:00:00+08:00',
        })
      },
      'closed',
      '该纠纷已结案',
    ],
    [
      'a round on a closed case',
      () => round(ok(closeDispute(ok(round(fresh(), 'resolved')), { at: '2027-01-01T00:00:00+08:00' })), 'failed'),
      'closed',
      '该纠纷已结案',
    ],
    [
      'a round dated before the last record',
      () => recordRound(ok(round(fresh(), 'failed')), { at: t(0), outcome: 'failed', mediatorId: 'M1' }),
      'out_of_order',
      '调解时间早于该纠纷的上一条记录',
    ],
    [
      'an escalation dated before the last record',
      () => escalate(ok(round(fresh(), 'failed')), { to: 'area', at: t(0), reason: '' }),
      'out_of_order',
      '上报时间早于该纠纷的上一条记录',
    ],
    [
      '包保 with no team',
      () => assignGuarantor(fresh(), { leaderName: '赵书记', team: [' '], at: next() }),
      'guarantor_incomplete',
      '包保须有一名包保领导和至少一名专班成员',
    ],
    [
      '包保 with no leader',
      () => assignGuarantor(fresh(), { leaderName: '  ', team: ['钱'], at: next() }),
      'guarantor_incomplete',
      '包保须有一名包保领导和至少一名专班成员',
    ],
    [
      '包保 on a resolved case',
      () => assignGuarantor(ok(round(fresh(), 'resolved')), { leaderName: '赵', team: ['钱'], at: next() }),
      'closed',
      '该纠纷已化解，正在回访',
    ],
    // issue 3: every move refuses an instant that is not one, or that precedes the last record
    [
      'a round at "not a date"',
      () => recordRound(ok(round(fresh(), 'failed')), { at: 'not a date', outcome: 'failed', mediatorId: 'M1' }),
      'invalid_time',
      '调解时间格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00',
    ],
    [
      'a round at a time without an offset',
      () => recordRound(fresh(), { at: '2026-01-05T09:00:00', outcome: 'failed', mediatorId: 'M1' }),
      'invalid_time',
      '调解时间格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00',
    ],
    [
      'an escalation at "garbage"',
      () => escalate(ok(round(fresh(), 'failed')), { to: 'area', at: 'garbage', reason: '' }),
      'invalid_time',
      '上报时间格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00',
    ],
    [
      '包保 at "garbage"',
      () => assignGuarantor(fresh(), { leaderName: '赵书记', team: ['钱'], at: 'garbage' }),
      'invalid_time',
      '明确包保的时间格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00',
    ],
    [
      '包保 before the case was opened',
      () => assignGuarantor(fresh(), { leaderName: '赵书记', team: ['钱'], at: t(-1) }),
      'out_of_order',
      '明确包保的时间早于该纠纷的上一条记录',
    ],
    [
      'a round dated before 包保 was assigned',
      () => {
        const d = withGuarantor(withGuarantor(fresh()))
        return recordRound(d, { at: t(1), outcome: 'failed', mediatorId: 'M1' })
      },
      'out_of_order',
      '调解时间早于该纠纷的上一条记录',
    ],
    [
      'closing at "garbage"',
      () => closeDispute(ok(round(fresh(), 'resolved')), { at: 'garbage' }),
      'invalid_time',
      '结案时间格式不正确，应为带时区的时间，例如 2026-12-03T09:00:00+08:00',
    ],
    [
      'closing dated before the resolution',
      () => closeDispute(ok(round(fresh(), 'resolved')), { at: t(0) }),
      'out_of_order',
      '结案时间早于该纠纷的上一条记录',
    ],
  ])('%s', (_, act, code, reason) => {
    // Act
    const result = act()
    // Assess
    expect(result).toEqual({ ok: false, code, reason })
  })

  it('three failures still allow a fourth round without 包保', () => {
    let d = fresh()
    for (let i = 0; i < 3; i++) d = ok(round(d, 'failed'))
    expect(round(d, 'failed').ok).toBe(true)
  })

  it('包保 after four failures unblocks the fifth round', () => {
    let d = fresh()
    for (let i = 0; i < 4; i++) d = ok(round(d, 'failed'))
    d = withGuarantor(d)
    expect(d.guarantor).toMatchObject({ leaderName: '赵书记', team: ['钱', '孙'] })
    expect(round(d, 'resolved').ok).toBe(true)
  })

  it('the limits come from the config', () => {
    const rules = { ...DISPUTE_RULES, maxRounds: 2 }
    const d = ok(
      recordRound(
        ok(recordRound(fresh(), { at: next(), outcome: 'failed', mediatorId: 'M' }, rules)),
        { at: next(), outcome: 'failed', mediatorId: 'M' },
        rules,
      ),
    )
    expect(recordRound(d, { at: next(), outcome: 'failed', mediatorId: 'M' }, rules)).toMatchObject({
      ok: false,
      code: 'max_rounds',
    })
  })
})

describe('the DisputeCase schema (issue 3)', () => {
  const withRounds = (n: number) => ({
    ...fresh(),
    rounds: Array.from({ length: n }, (_, i) => ({
      no: i + 1,
      level: 'building' as const,
      at: t(i + 1),
      outcome: 'adjourned' as const,
      mediatorId: 'M1',
    })),
  })

  it.each([
    [10, true],
    [11, false],
    [12, false],
  ])('a case holding %i rounds is accepted: %s', (n, accepted) => {
    // Act
    const result = DisputeCase.safeParse(withRounds(n))
    // Assess
    expect(result.success).toBe(accepted)
    if (!accepted) {
      expect(result.error?.issues[0].message).toBe('调解最多 10 次，超过 10 次的纠纷应通过诉讼、仲裁等法定途径解决')
    }
  })

  it('agrees with the rule', () => {
    expect(DISPUTE_RULES.maxRounds).toBe(10)
  })
})

describe('properties', () => {
  const LEVELS: DisputeLevel[] = ['building', 'area', 'community', 'subdistrict', 'leadership']
  const command = fc.oneof(
    fc.record({
      kind: fc.constant('round' as const),
      outcome: fc.constantFrom<RoundOutcome>('failed', 'failed', 'adjourned', 'resolved'),
    }),
    fc.record({ kind: fc.constant('escalate' as const), to: fc.constantFrom(...LEVELS) }),
    fc.record({ kind: fc.constant('guarantor' as const) }),
    fc.record({ kind: fc.constant('close' as const), daysLater: fc.integer({ min: 0, max: 700 }) }),
  )

  it('whatever staff try, a dispute never exceeds 10 rounds, never skips a level, and never holds a round without 包保 after 3 failures', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let d = fresh()
        for (const c of commands) {
          const at = next()
          const r =
            c.kind === 'round'
              ? recordRound(d, { at, outcome: c.outcome, mediatorId: 'M' })
              : c.kind === 'escalate'
                ? escalate(d, { to: c.to, at, reason: 'x' })
                : c.kind === 'guarantor'
                  ? assignGuarantor(d, { leaderName: '赵', team: ['钱'], at })
                  : closeDispute(d, { at: new Date(Date.parse(at) + c.daysLater * 86_400_000).toISOString() })
          if (r.ok && c.kind === 'round') expect(failedRounds(d) <= 3 || d.guarantor !== undefined).toBe(true)
          if (r.ok) d = r.dispute
          else expect(r.reason).toMatch(/[\u4e00-\u9fff]/)
        }
        expect(d.rounds.length).toBeLessThanOrEqual(10)
        for (const e of d.escalations) expect(LEVELS.indexOf(e.to) - LEVELS.indexOf(e.from)).toBe(1)
        if (d.status === 'closed') expect(d.followUp).toBeDefined()
      }),
    )
  })
})
