import {
  answersOfAttributes,
  HelpRequestCategory,
  lastUpdateOf,
  Open311CreateRequest,
  Open311Errors,
  Open311ListQuery,
  Open311ServiceDefinition,
  Open311ServiceList,
  Open311ServiceRequest,
  open311Address,
  open311DateRange,
  open311ServiceDefinition,
  open311ServiceNotice,
  open311Services,
  open311StatusNotes,
  open311StatusOf,
  type StaffTicket,
  serviceCodeOf,
  TicketCategory,
  TicketStatus,
  targetOfServiceCode,
  toServiceRequest,
} from '../src'

const ADDRESS = {
  path: {
    subdistrictId: '530621002',
    communityId: '530621002007',
    areaId: 'mjw-a1',
    buildingId: 'mjw-b5',
    householdId: 'hh-mjw-5-1-0302',
  },
  communityName: '卯家湾社区',
  areaName: '一片区',
  buildingName: '5栋',
  unitName: '1单元',
  roomNo: '0302',
}

const TICKET: StaffTicket = {
  id: '01JTICKET0000000000000001',
  householdId: 'hh-mjw-5-1-0302',
  address: ADDRESS,
  category: 'lift',
  location: { kind: 'own_room' },
  description: '电梯不动了，请打 138 1234 5678',
  status: 'submitted',
  answers: { personTrapped: false },
  createdAt: '2026-12-03T08:00:00.000+08:00',
  createdBy: 'u-resident-1',
  priority: 'urgent',
  deadline: '2026-12-03T12:00:00.000+08:00',
  triageReasons: ['重点关注家庭，时限乘以 0.5'],
}

describe('Open311 services', () => {
  it('offers every category as a realtime service with a Chinese name, metadata only where it asks', () => {
    const services = open311Services()
    expect(Open311ServiceList.parse(services)).toHaveLength(
      TicketCategory.options.length + HelpRequestCategory.options.length,
    )
    expect(services.find((s) => s.service_code === 'lift')).toMatchObject({
      service_name: '电梯',
      metadata: true,
      type: 'realtime',
      group: '物业报修',
    })
    expect(services.filter((s) => s.metadata).map((s) => s.service_code)).toEqual(['lift', 'water', 'power', 'gas'])
    expect(services.every((s) => /^[a-z_.]+$/.test(s.service_code))).toBe(true)
    expect(services.find((s) => s.service_code === 'help.night_escort')).toMatchObject({
      service_name: '夜间送医',
      metadata: false,
      group: '为民办实事',
    })
    expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length)
  })

  it('maps service codes back to categories and refuses unknown ones', () => {
    for (const category of TicketCategory.options) {
      expect(targetOfServiceCode(serviceCodeOf({ category }))).toEqual({ kind: 'property', category })
    }
    for (const category of HelpRequestCategory.options) {
      expect(targetOfServiceCode(serviceCodeOf({ kind: 'help', category }))).toEqual({ kind: 'help', category })
    }
    expect(serviceCodeOf({ kind: 'help', category: 'other' })).toBe('help.other')
    expect(serviceCodeOf({ kind: 'property', category: 'other' })).toBe('other')
    expect(targetOfServiceCode('pothole')).toBeUndefined()
    expect(targetOfServiceCode('help.lift')).toBeUndefined()
  })

  it('lists the questions as optional yes/no attributes', () => {
    const lift = open311ServiceDefinition('lift')
    expect(Open311ServiceDefinition.parse(lift)).toEqual({
      service_code: 'lift',
      attributes: [
        {
          variable: true,
          code: 'personTrapped',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '是 或 否',
          order: 1,
          description: '有人被困在电梯里吗？',
          values: [
            { key: 'true', name: '是' },
            { key: 'false', name: '否' },
          ],
        },
      ],
    })
    expect(open311ServiceDefinition('noise')).toEqual({ service_code: 'noise', attributes: [] })
    expect(open311ServiceDefinition('help.atm_cash')).toEqual({ service_code: 'help.atm_cash', attributes: [] })
    expect(open311ServiceDefinition('pothole')).toBeUndefined()
  })
})

describe('Open311 attributes', () => {
  it.each([
    [{ personTrapped: 'true' }, { personTrapped: true }],
    [{ personTrapped: '否' }, { personTrapped: false }],
    [{ personTrapped: ['1'] }, { personTrapped: true }],
    [{ personTrapped: '' }, {}],
    [{}, {}],
  ])('reads %j as %j', (attribute, answers) => {
    expect(answersOfAttributes({ kind: 'property', category: 'lift' }, attribute)).toEqual({ ok: true, answers })
  })

  it('refuses a question the category does not ask, and a value that is not yes or no', () => {
    expect(answersOfAttributes({ kind: 'property', category: 'noise' }, { personTrapped: 'true' })).toEqual({
      ok: false,
      errors: [{ path: 'attribute[personTrapped]', message: '“噪音”没有这个问题' }],
    })
    expect(answersOfAttributes({ kind: 'help', category: 'errand' }, { personTrapped: 'true' })).toEqual({
      ok: false,
      errors: [{ path: 'attribute[personTrapped]', message: '“代办”没有这个问题' }],
    })
    expect(answersOfAttributes({ kind: 'property', category: 'gas' }, { gasSmell: 'maybe' })).toEqual({
      ok: false,
      errors: [{ path: 'attribute[gasSmell]', message: '闻到燃气味吗？应为“是”或“否”' }],
    })
  })
})

describe('Open311 service requests', () => {
  it.each([
    ['submitted', 'open'],
    ['acknowledged', 'open'],
    ['in_progress', 'open'],
    ['resolved', 'closed'],
    ['cannot_handle', 'closed'],
    ['not_our_department', 'closed'],
    ['closed', 'closed'],
    ['merged', 'closed'],
  ] as const)('%s is %s', (status, open311) => {
    expect(open311StatusOf(status)).toBe(open311)
  })

  it('says every status of ours as open or closed', () => {
    expect(TicketStatus.options.every((s) => ['open', 'closed'].includes(open311StatusOf(s)))).toBe(true)
  })

  it('puts the finer status, the reason and whom to contact into status_notes', () => {
    const closure = {
      outcome: 'not_our_department' as const,
      reason: '燃气表归燃气公司',
      at: TICKET.createdAt,
      by: 'u',
      byName: '周',
    }
    expect(open311StatusNotes({ status: 'in_progress' })).toBe('处理中')
    expect(open311StatusNotes({ status: 'closed' })).toBe('已关闭')
    expect(
      open311StatusNotes({ status: 'resolved', closure: { ...closure, outcome: 'resolved', reason: '修好了' } }),
    ).toBe('已解决：修好了')
    expect(
      open311StatusNotes({ status: 'not_our_department', closure: { ...closure, contact: '燃气公司 0870-1234567' } }),
    ).toBe('非本部门：燃气表归燃气公司（请联系：燃气公司 0870-1234567）')
    expect(open311StatusNotes({ status: 'merged', mergedInto: '01JORIGINAL' })).toBe(
      '已合并：与报修单 01JORIGINAL 是同一问题，请查看该单',
    )
    expect(open311StatusNotes({ status: 'submitted', reopenCount: 1 })).toBe(
      '待受理：住户反馈没解决，已重新交给工作人员',
    )
    expect(open311StatusNotes({ status: 'submitted', reopenCount: 0 })).toBe('待受理')
  })

  it('gives the building and unit (and a shared spot), never the room', () => {
    expect(open311Address(ADDRESS, { kind: 'own_room' })).toBe('卯家湾社区 5栋1单元')
    expect(open311Address(ADDRESS, { kind: 'common_area', spot: 'lift_hall' })).toBe('卯家湾社区 5栋1单元 电梯间')
  })

  it('dates an update by the latest move', () => {
    expect(lastUpdateOf(TICKET)).toBe(TICKET.createdAt)
    const moved = { ...TICKET, acknowledgedAt: '2026-12-03T09:00:00.000+08:00', startedAt: '2026-12-03T01:30:00.000Z' }
    // 01:30Z is 09:30 in Beijing: later than the acknowledgement, though it sorts first as text.
    expect(lastUpdateOf(moved)).toBe(moved.startedAt)
    const rated = {
      ...moved,
      lastRating: { rating: 'unsolved' as const, at: '2026-12-04T08:00:00.000+08:00', by: 'u' },
    }
    expect(lastUpdateOf(rated)).toBe(rated.lastRating.at)
  })

  it('exposes only the spec fields and nothing personal or from triage', () => {
    const request = Open311ServiceRequest.parse(toServiceRequest(TICKET))
    expect(request).toEqual({
      service_request_id: TICKET.id,
      status: 'open',
      status_notes: '待受理',
      service_name: '电梯',
      service_code: 'lift',
      description: '电梯不动了，请打 ＊＊＊ ＊＊＊＊ ＊＊＊＊',
      agency_responsible: '卯家湾社区居委会',
      requested_datetime: TICKET.createdAt,
      updated_datetime: TICKET.createdAt,
      address: '卯家湾社区 5栋1单元',
    })
    expect(JSON.stringify(request)).not.toMatch(/0302|hh-mjw|urgent|deadline|重点|1234/)
  })

  it('names the property company when it was handed over, never a person', () => {
    const at = TICKET.createdAt
    const toCompany = { ...TICKET, assignee: { kind: 'property_company' as const, name: '物业公司', at, by: 'u' } }
    const toPerson = {
      ...TICKET,
      assignee: { kind: 'person' as const, userId: 'u-head-5', name: '赵美芬', at, by: 'u' },
    }
    expect(toServiceRequest(toCompany).agency_responsible).toBe('物业公司')
    expect(JSON.stringify(toServiceRequest(toPerson))).not.toContain('赵美芬')
  })

  it('dates an update by updatedAt or a reopening when they are later', () => {
    expect(lastUpdateOf({ ...TICKET, updatedAt: '2026-12-05T08:00:00.000+08:00' })).toBe(
      '2026-12-05T08:00:00.000+08:00',
    )
    expect(lastUpdateOf({ ...TICKET, reopenedAt: '2026-12-06T08:00:00.000+08:00' })).toBe(
      '2026-12-06T08:00:00.000+08:00',
    )
  })

  it('gives a help request its help. code and its own word', () => {
    const help = toServiceRequest({ ...TICKET, kind: 'help', category: 'night_escort' })
    expect(help).toMatchObject({ service_code: 'help.night_escort', service_name: '夜间送医' })
  })

  it('tells a client who filed on the emergency path whom to call', () => {
    expect(open311ServiceNotice(undefined)).toBe('报修已收到，社区工作人员会尽快处理。')
    expect(open311ServiceNotice({ call: [{ number: '119', label: '火警' }], advice: [], reason: '' })).toBe(
      '紧急情况请立即拨打 119（火警）。报修已收到，社区工作人员会尽快处理。',
    )
    expect(open311ServiceNotice({ call: [], advice: [], reason: '' })).toBe(
      '紧急情况，已优先处理。报修已收到，社区工作人员会尽快处理。',
    )
  })
})

describe('Open311 date range', () => {
  const now = new Date('2026-12-03T00:00:00Z')
  const day = 24 * 60 * 60 * 1000

  it.each([
    [{}, now.getTime() - 90 * day, now.getTime()],
    [{ start_date: '2026-10-01T00:00:00Z' }, Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-12-30T00:00:00Z')],
    [
      { end_date: '2026-06-30T00:00:00+08:00' },
      Date.parse('2026-04-01T00:00:00+08:00'),
      Date.parse('2026-06-30T00:00:00+08:00'),
    ],
    [
      { start_date: '2026-11-01T00:00:00Z', end_date: '2026-11-02T00:00:00Z' },
      Date.parse('2026-11-01T00:00:00Z'),
      Date.parse('2026-11-02T00:00:00Z'),
    ],
  ])('%j → a window of at most 90 days', (query, from, to) => {
    expect(open311DateRange(query, now)).toEqual({ ok: true, from, to })
  })

  it('refuses a reversed or a too-wide window, naming the field', () => {
    expect(open311DateRange({ start_date: '2026-11-02T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }, now)).toEqual({
      ok: false,
      errors: [{ path: 'start_date', message: '开始时间（start_date）不能晚于结束时间（end_date）' }],
    })
    expect(
      open311DateRange({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }, now),
    ).toMatchObject({
      ok: false,
      errors: [{ path: 'end_date' }],
    })
  })
})

describe('Open311 schemas (they must be able to fail)', () => {
  const good = toServiceRequest(TICKET)

  it.each([
    ['a status of ours', { ...good, status: 'in_progress' }],
    ['a triage field', { ...good, priority: 'urgent' }],
    ['a missing requested_datetime', { ...good, requested_datetime: undefined }],
    ['a date without a zone', { ...good, requested_datetime: '2026-12-03T08:00:00' }],
  ])('a service request with %s fails', (_, value) => {
    expect(Open311ServiceRequest.safeParse(value).success).toBe(false)
  })

  it('wants arrays at the top level where the spec has them, and list attributes with values', () => {
    expect(Open311ServiceList.safeParse({ services: open311Services() }).success).toBe(false)
    expect(Open311Errors.safeParse({ code: 403, description: 'x' }).success).toBe(false)
    expect(Open311Errors.safeParse([]).success).toBe(false)
    const definition = {
      service_code: 'lift',
      attributes: [{ variable: true, code: 'x', datatype: 'singlevaluelist', required: false }],
    }
    expect(Open311ServiceDefinition.safeParse(definition).success).toBe(false)
  })

  it('reads comma lists and blanks in a query the spec way', () => {
    expect(Open311ListQuery.parse({ service_code: 'lift, water', status: 'open', start_date: '' })).toEqual({
      service_code: ['lift', 'water'],
      status: ['open'],
    })
    expect(Open311ListQuery.safeParse({ status: 'in_progress' }).success).toBe(false)
    expect(Open311ListQuery.safeParse({ end_date: '2026-12-01' }).success).toBe(false)
  })

  it('names each missing field of a POST in Chinese', () => {
    const result = Open311CreateRequest.safeParse({ service_code: '', description: ' ' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['service_code', '请填写服务代码（service_code）'],
      ['address_id', '请填写住户编号（address_id）'],
      ['description', '请填写问题描述'],
    ])
  })
})
