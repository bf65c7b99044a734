import { type StaffTicket, TRIAGE_RULES, withPropertyDuty } from '@anju/shared'
import { emergencyNote, filterQuery, triageLine } from '../src/utils/triage'

const NOW = '2026-12-03T12:00:00.000+08:00'
const t = (extra: Partial<StaffTicket>) => ({ status: 'submitted', ...extra }) as StaffTicket

describe('triageLine (staff inbox)', () => {
  it.each([
    [{ priority: 'normal', deadline: '2026-12-03T18:00:00.000+08:00' }, '一般 · 12月3日 18:00 前处理'],
    [{ priority: 'immediate', deadline: '2026-12-03T10:55:00.000+08:00' }, '立即处理 · 已超时 1 小时 5 分钟'],
    [{ priority: 'urgent', deadline: '2026-12-03T10:00:00.000+08:00' }, '紧急 · 已超时 2 小时'],
    [{ priority: 'urgent', deadline: '2026-12-03T11:59:30.000+08:00' }, '紧急 · 已超时 1 分钟'],
    [{ priority: 'low', deadline: '2026-12-03T11:20:00.000+08:00', status: 'resolved' }, '较缓 · 12月3日 11:20 前处理'],
    [{}, ''],
  ] as const)('%j → %s', (extra, line) => {
    expect(triageLine(t(extra), NOW)).toBe(line)
  })
})

describe('filterQuery', () => {
  it.each([
    [{}, ''],
    [{ status: 'submitted' }, '?status=submitted'],
    [{ emergency: true, overdue: undefined, buildingId: 'mjw-b5' }, '?emergency=true&buildingId=mjw-b5'],
    [{ overdue: false, category: 'lift' }, '?overdue=false&category=lift'],
  ] as const)('%j → %s', (filters, query) => {
    expect(filterQuery(filters)).toBe(query)
  })
})

describe('emergencyNote (staff ticket page)', () => {
  const DUTY = withPropertyDuty('0870-1234567')
  const staff = { userId: 'u-head-5', name: '赵美芬', role: 'building_head', channel: 'phone' } as const
  const ticket = (extra: Partial<StaffTicket>) =>
    t({ category: 'lift', createdBy: 'u-resident-1', emergency: false, ...extra }) as StaffTicket

  it.each([
    ['not an emergency', {}, TRIAGE_RULES, ''],
    ['a lift with nobody trapped', { answers: { personTrapped: false } }, TRIAGE_RULES, ''],
    [
      'a person trapped, filed by the resident',
      { emergency: true, answers: { personTrapped: true } },
      TRIAGE_RULES,
      '⚠ 紧急：已告诉住户先打电话（119）',
    ],
    [
      'gas, with the duty line',
      { emergency: true, category: 'gas' },
      DUTY,
      '⚠ 紧急：已告诉住户先打电话（119、0870-1234567）',
    ],
    [
      '夜间送医',
      { emergency: true, kind: 'help', category: 'night_escort' },
      TRIAGE_RULES,
      '⚠ 紧急：已告诉住户先打电话（120）',
    ],
    [
      'a whole building without water and no duty line: nobody was told to phone',
      { emergency: true, category: 'water', answers: { wholeBuilding: true } },
      TRIAGE_RULES,
      '⚠ 紧急：没有可拨打的值班电话，请立即联系物业',
    ],
    [
      'filed by staff for the household',
      { emergency: true, answers: { personTrapped: true }, filedBy: staff },
      TRIAGE_RULES,
      '⚠ 紧急：代为登记，请确认是否已拨打 119',
    ],
    [
      'an emergency whose answers the rules no longer make one',
      { emergency: true, answers: { personTrapped: false } },
      TRIAGE_RULES,
      '⚠ 紧急',
    ],
    [
      'filed through Open311 (another platform showed the numbers, or did not)',
      { emergency: true, category: 'gas', createdBy: 'open311-k1' },
      TRIAGE_RULES,
      '⚠ 紧急：经其他平台提交，请确认是否已拨打 119',
    ],
  ] as const)('%s', (_what, extra, rules, note) => {
    expect(emergencyNote(ticket(extra as Partial<StaffTicket>), rules)).toBe(note)
  })
})
