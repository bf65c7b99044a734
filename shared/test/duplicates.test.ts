import {
  duplicateReach,
  isSameProblem,
  MergeTicketRequest,
  mergeRefusal,
  type ReportPlace,
  SimilarTicketsQuery,
  type StaffTicket,
  sameProblems,
  similarSummary,
  similarTicketView,
  type TicketCategory,
  type TicketLocation,
  type TicketStatus,
} from '../src'

// Issue 5 item 3: what counts as the same problem, what a resident reads of it, which merges go.

const lift: TicketLocation = { kind: 'common_area', spot: 'lift_hall' }

function ticket(over: Partial<StaffTicket> & { unit?: string; building?: string } = {}): StaffTicket {
  const { unit = '1单元', building = 'mjw-b5', ...rest } = over
  return {
    id: 't-1',
    householdId: 'hh-mjw-5-1-0302',
    address: {
      path: { subdistrictId: 's', communityId: 'c', areaId: 'a1', buildingId: building, householdId: 'hh-x' },
      communityName: '卯家湾社区',
      areaName: '一片区',
      buildingName: building === 'mjw-b5' ? '5栋' : '6栋',
      unitName: unit,
      roomNo: '0302',
    },
    category: 'lift',
    location: lift,
    description: '李秀英家门口的电梯停了，电话 13800000000',
    status: 'in_progress',
    createdAt: '2026-12-03T09:00:00.000+08:00',
    createdBy: 'u-resident-1',
    followerCount: 2,
    ...rest,
  }
}

const place = (over: Partial<ReportPlace> = {}): ReportPlace => ({
  buildingId: 'mjw-b5',
  unitName: '1单元',
  category: 'lift',
  location: lift,
  ...over,
})

describe('duplicateReach', () => {
  it.each([
    ['lift', { kind: 'own_room' }, 'none'],
    ['water', { kind: 'own_room' }, 'none'],
    ['lift', { kind: 'common_area', spot: 'lift_hall' }, 'unit'],
    ['lighting', { kind: 'common_area', spot: 'stairwell' }, 'unit'],
    ['sanitation', { kind: 'common_area', spot: 'unit_entrance' }, 'unit'],
    ['sanitation', { kind: 'common_area', spot: 'outside' }, 'building'],
    ['leak', { kind: 'common_area', spot: 'roof' }, 'building'],
    ['water', { kind: 'common_area', spot: 'corridor' }, 'building'],
    ['power', { kind: 'common_area', spot: 'stairwell' }, 'building'],
    ['gas', { kind: 'common_area', spot: 'basement' }, 'building'],
  ] as [TicketCategory, TicketLocation, string][])('%s at %j reaches %s', (category, location, reach) => {
    expect(duplicateReach(category, location)).toBe(reach)
  })
})

describe('isSameProblem', () => {
  it.each([
    ['the same lift of the same unit', ticket(), place(), true],
    ['a lift of another unit', ticket({ unit: '2单元' }), place(), false],
    ['another building', ticket({ building: 'mjw-b6' }), place(), false],
    ['another category', ticket({ category: 'lighting' }), place(), false],
    [
      'a hidden ticket',
      ticket({ hidden: { at: '2026-12-03T10:00:00.000+08:00', by: 'u', reason: '辱骂' } }),
      place(),
      false,
    ],
    ['a closed ticket', ticket({ status: 'resolved' }), place(), false],
    ['a merged ticket', ticket({ status: 'merged' }), place(), false],
    ['an own-room report', ticket(), place({ location: { kind: 'own_room' } }), false],
    ['a help request', { ...ticket(), kind: 'help' }, place(), false],
    ['another home', ticket({ location: { kind: 'own_room' } }), place(), false],
    [
      'water of another unit (building-wide)',
      ticket({ category: 'water', unit: '2单元', location: { kind: 'common_area', spot: 'basement' } }),
      place({ category: 'water', location: { kind: 'common_area', spot: 'corridor' } }),
      true,
    ],
    [
      'a roof leak of another unit',
      ticket({ category: 'leak', unit: '2单元', location: { kind: 'common_area', spot: 'roof' } }),
      place({ category: 'leak', location: { kind: 'common_area', spot: 'roof' } }),
      true,
    ],
    [
      'a roof leak of another unit against a stairwell leak here',
      ticket({ category: 'leak', unit: '2单元', location: { kind: 'common_area', spot: 'roof' } }),
      place({ category: 'leak', location: { kind: 'common_area', spot: 'stairwell' } }),
      false,
    ],
    [
      'the roof of this unit against a stairwell leak here',
      ticket({ category: 'leak', location: { kind: 'common_area', spot: 'roof' } }),
      place({ category: 'leak', location: { kind: 'common_area', spot: 'stairwell' } }),
      true,
    ],
  ] as [string, StaffTicket, ReportPlace, boolean][])('%s', (_name, t, report, same) => {
    expect(isSameProblem(t, report)).toBe(same)
  })

  it.each(['submitted', 'acknowledged', 'in_progress'] as TicketStatus[])('counts a %s ticket as open', (status) => {
    expect(isSameProblem(ticket({ status }), place())).toBe(true)
  })
})

describe('sameProblems', () => {
  it('keeps the same problem only, oldest first, at most the limit', () => {
    const at = (h: number) => `2026-12-03T${String(h).padStart(2, '0')}:00:00.000+08:00`
    const list = [
      ticket({ id: 'late', createdAt: at(11) }),
      ticket({ id: 'other-unit', unit: '2单元', createdAt: at(8) }),
      ticket({ id: 'first', createdAt: at(9) }),
      ticket({ id: 'same-time', createdAt: at(9) }),
      ticket({ id: 'middle', createdAt: at(10) }),
    ]
    expect(sameProblems(list, place()).map((t) => t.id)).toEqual(['first', 'same-time', 'middle'])
    expect(sameProblems(list, place(), 10).map((t) => t.id)).toEqual(['first', 'same-time', 'middle', 'late'])
  })
})

describe('what a resident reads of another household’s ticket', () => {
  it('is one line of place, category and status: no description, name or room', () => {
    const view = similarTicketView(ticket(), false)
    expect(view).toEqual({
      id: 't-1',
      summary: '5栋1单元 电梯间 · 电梯 · 处理中',
      category: 'lift',
      status: 'in_progress',
      followerCount: 2,
      following: false,
      createdAt: '2026-12-03T09:00:00.000+08:00',
    })
    expect(JSON.stringify(view)).not.toMatch(/李秀英|1380|0302|hh-/)
  })

  it('counts the filer when an older ticket has no count', () => {
    expect(similarTicketView(ticket({ followerCount: undefined }), true)).toMatchObject({
      followerCount: 1,
      following: true,
    })
    expect(similarSummary(ticket({ status: 'submitted', category: 'water' }))).toBe('5栋1单元 电梯间 · 水 · 待受理')
  })
})

describe('mergeRefusal', () => {
  const original = ticket({ id: 'orig' })
  it.each([
    ['self', ticket({ id: 'orig' }), original, 'input', '不能把报修单合并到它自己'],
    ['another building', ticket({ id: 'd', building: 'mjw-b6' }), original, 'input', '同一栋楼'],
    ['another category', ticket({ id: 'd', category: 'water' }), original, 'input', '同一类问题'],
    ['a help request', { ...ticket({ id: 'd' }), kind: 'help' }, original, 'input', '为民办实事的求助不能合并'],
    ['into a help request', ticket({ id: 'd' }), { ...original, kind: 'help' }, 'input', '为民办实事'],
    ['a closed duplicate', ticket({ id: 'd', status: 'resolved' }), original, 'state', '“已解决”，无法合并'],
    ['into a merged ticket', ticket({ id: 'd' }), ticket({ id: 'orig', status: 'merged' }), 'state', '“已合并”'],
    ['into a closed ticket', ticket({ id: 'd' }), ticket({ id: 'orig', status: 'closed' }), 'state', '“已关闭”'],
    [
      'a hidden ticket',
      ticket({ id: 'd', hidden: { at: '2026-12-03T10:00:00.000+08:00', by: 'u', reason: '辱骂' } }),
      original,
      'state',
      '已隐藏',
    ],
    [
      'into a hidden ticket',
      ticket({ id: 'd' }),
      ticket({ id: 'orig', hidden: { at: '2026-12-03T10:00:00.000+08:00', by: 'u', reason: '辱骂' } }),
      'state',
      '已隐藏',
    ],
  ] as [string, StaffTicket, StaffTicket, string, string][])('refuses %s', (_name, dup, orig, kind, words) => {
    const refusal = mergeRefusal(dup, orig)
    expect(refusal?.kind).toBe(kind)
    expect(refusal?.message).toContain(words)
  })

  it('lets an open ticket of another unit join the open original of the same building and category', () => {
    expect(mergeRefusal(ticket({ id: 'd', unit: '2单元', status: 'submitted' }), original)).toBeUndefined()
  })
})

describe('the contracts', () => {
  it('reads a blank spot as none and refuses an unknown category in Chinese', () => {
    expect(SimilarTicketsQuery.parse({ category: 'lift', spot: '' })).toEqual({ category: 'lift' })
    expect(SimilarTicketsQuery.parse({ category: 'lift', spot: 'stairwell' }).spot).toBe('stairwell')
    expect(SimilarTicketsQuery.safeParse({ category: 'ufo' }).error?.issues[0].message).toBe('请选择问题类别')
    expect(MergeTicketRequest.safeParse({}).success).toBe(false)
  })
})
