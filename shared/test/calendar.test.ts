import {
  addHoursIso,
  addLocalDays,
  addLocalMonths,
  beijingInstant,
  blankToUndefined,
  codePointLength,
  daysBetween,
  isoWeekOf,
  isRealDate,
  levelOf,
  localDateOf,
  localTimeOf,
  monthOf,
  truncateCodePoints,
  visibleCharacters,
} from '../src'

describe('Beijing calendar, whatever the process zone', () => {
  it.each([
    // 23:30 UTC is 07:30 the next morning in Beijing: the trap of toISOString().slice(0, 10).
    ['2026-12-02T23:30:00Z', '2026-12-03'],
    ['2026-12-02T15:59:59Z', '2026-12-02'],
    ['2026-12-02T16:00:00Z', '2026-12-03'],
    ['2026-12-03T00:10:00+08:00', '2026-12-03'],
  ])('%s is %s in Beijing', (instant, day) => {
    expect(localDateOf(instant)).toBe(day)
    expect(localDateOf(new Date(instant))).toBe(day)
  })

  it('refuses an instant that is not one', () => {
    expect(() => localDateOf('soon')).toThrow(RangeError)
  })

  it.each([
    ['2026-12-03', 1, '2026-12-04'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i day = %s', (day, n, expected) => {
    expect(addLocalDays(day, n)).toBe(expected)
  })

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-06-15', 18, '2027-12-15'],
  ])('%s + %i months = %s', (day, n, expected) => {
    expect(addLocalMonths(day, n)).toBe(expected)
  })

  it.each([
    ['2026-12-03', { start: '2026-11-30', end: '2026-12-06' }],
    ['2026-11-30', { start: '2026-11-30', end: '2026-12-06' }],
    ['2026-12-06', { start: '2026-11-30', end: '2026-12-06' }],
    ['2027-01-01', { start: '2026-12-28', end: '2027-01-03' }],
  ])('ISO week of %s', (day, week) => {
    expect(isoWeekOf(day)).toEqual(week)
  })

  it.each([
    ['2024-02-10', { start: '2024-02-01', end: '2024-02-29' }],
    ['2026-12-31', { start: '2026-12-01', end: '2026-12-31' }],
  ])('month of %s', (day, month) => {
    expect(monthOf(day)).toEqual(month)
  })

  it('counts calendar days', () => {
    expect(daysBetween('2026-12-01', '2026-12-03')).toBe(2)
    expect(daysBetween('2026-12-03', '2026-12-01')).toBe(-2)
  })

  it.each([['2026-1-3'], ['2025-02-29'], ['2025-13-01'], ['20261203']])('refuses the calendar date %s', (day) => {
    expect(() => addLocalDays(day, 1)).toThrow(RangeError)
    expect(() => monthOf(day)).toThrow(RangeError)
  })

  it.each([
    ['2026-12-03', -13, '2025-11-03'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
  ])('%s %i months = %s', (day, n, expected) => {
    expect(addLocalMonths(day, n)).toBe(expected)
  })

  it('refuses a Date that is not one', () => {
    expect(() => localDateOf(new Date(Number.NaN))).toThrow(RangeError)
  })

  it.each([
    [2024, 2, 29, true],
    [2100, 2, 29, false],
    [2000, 2, 29, true],
    [2026, 0, 1, false],
    [2026, 13, 1, false],
    [2026, 4, 31, false],
    [2026, 12, 0, false],
  ])('isRealDate(%i, %i, %i) is %s', (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected)
  })

  it('writes instants with the Beijing offset', () => {
    expect(beijingInstant('2026-12-03', 8)).toBe('2026-12-03T08:00:00.000+08:00')
    expect(addHoursIso('2026-12-02T23:30:00Z', 1.5)).toBe('2026-12-03T09:00:00.000+08:00')
    expect(localTimeOf('2026-12-02T23:30:00Z')).toEqual({ hour: 7, minute: 30 })
  })
})

describe('text', () => {
  it.each([
    ['', 0],
    ['王小明', 3],
    ['𠀀a', 2],
    ['👨‍👩‍👧', 5],
  ])('%j has %i code points', (s, n) => {
    expect(codePointLength(s)).toBe(n)
  })

  it.each([
    ['短', 5, '短'],
    ['𠀀𠀁𠀂', 2, '𠀀…'],
    ['𠀀𠀁𠀂', 3, '𠀀𠀁𠀂'],
    ['abc', 0, '…'],
    // issue 3: a ZWJ family is one character to the reader; max 1 never leaves only '…'
    ['👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 2, '👨‍👩‍👧…'],
    ['👨‍👩‍👧abc', 1, '👨‍👩‍👧'],
    ['abc', 1, 'a'],
    ['👨‍👩‍👧', 1, '👨‍👩‍👧'],
    ['e\u0301tude', 3, 'e\u0301t…'],
  ])('truncates %j to %i → %j', (s, max, expected) => {
    expect(truncateCodePoints(s, max)).toBe(expected)
  })

  it.each([
    ['👨‍👩‍👧x', 2, ['👨', '\u200D', '👩', '\u200D', '👧', 'x']],
    ['𠀀a', 2, ['𠀀', 'a']],
  ])('without Intl.Segmenter %j falls back to code points', (s, _n, expected) => {
    expect(visibleCharacters(s, null)).toEqual(expected)
  })

  it.each([
    ['', undefined],
    ['  \t', undefined],
    [' a ', ' a '],
    [0, 0],
    [false, false],
  ])('blankToUndefined(%j) → %j', (v, expected) => {
    expect(blankToUndefined(v)).toBe(expected)
  })
})

describe('levelOf', () => {
  it.each([
    [{ subdistrictId: 'S' }, 'subdistrict'],
    [{ subdistrictId: 'S', communityId: 'C' }, 'community'],
    [{ subdistrictId: 'S', communityId: 'C', areaId: 'A' }, 'area'],
    [{ subdistrictId: 'S', communityId: 'C', areaId: 'A', buildingId: 'B' }, 'building'],
    [{ subdistrictId: 'S', communityId: 'C', areaId: 'A', buildingId: 'B', householdId: 'H' }, 'household'],
  ])('%j is at level %s', (path, level) => {
    expect(levelOf(path)).toBe(level)
  })
})
