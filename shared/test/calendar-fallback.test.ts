// A phone runtime without time-zone data: tzOffset answers NaN, and Beijing dates must still come out right.
jest.mock('@date-fns/tz', () => ({ tzOffset: () => Number.NaN }))

import { beijingInstant, localDateOf, localTimeOf } from '../src/rules/calendar'

describe('calendar without time-zone data', () => {
  it.each([
    ['2026-12-02T23:30:00Z', '2026-12-03'],
    ['2026-12-02T15:59:59Z', '2026-12-02'],
  ])('%s is still %s in Beijing', (instant, day) => {
    expect(localDateOf(instant)).toBe(day)
  })

  it('keeps the +08:00 offset', () => {
    expect(beijingInstant('2026-12-03', 8)).toBe('2026-12-03T08:00:00.000+08:00')
    expect(localTimeOf('2026-12-02T23:30:00Z')).toEqual({ hour: 7, minute: 30 })
  })
})
