import type { StaffTicket } from '@anju/shared'
import { filterQuery, triageLine } from '../src/utils/triage'

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
