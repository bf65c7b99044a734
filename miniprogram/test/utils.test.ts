import { IdempotencyKey } from '@anju/shared'
import { newIdempotencyKey } from '../src/utils/ids'
import { formatShanghai } from '../src/utils/time'

describe('newIdempotencyKey', () => {
  it('uses crypto.getRandomValues when there is one', () => {
    // Prepare
    const getRandomValues = jest.fn((b: Uint8Array) => b.fill(171))
    const random = jest.fn()
    // Act
    const key = newIdempotencyKey({ getRandomValues, now: () => 0, random })
    // Assess
    expect(key).toBe(`k${'ab'.repeat(16)}`)
    expect(random).not.toHaveBeenCalled()
  })

  it('falls back to time + counter + Math.random on weapp, still unique and valid', () => {
    // Same clock and same "random" value: only the counter tells them apart.
    const keys = Array.from({ length: 1000 }, () =>
      newIdempotencyKey({ now: () => 1_764_000_000_000, random: () => 0.5 }),
    )
    expect(new Set(keys).size).toBe(1000)
    for (const key of keys) expect(IdempotencyKey.safeParse(key).success).toBe(true)
  })

  it('gives valid keys from the default sources', () => {
    const key = newIdempotencyKey()
    expect(IdempotencyKey.safeParse(key).success).toBe(true)
  })
})

describe('formatShanghai', () => {
  it.each([
    ['2026-12-03T16:50:00Z', '12月4日 00:50'],
    ['2026-12-03T09:05:00+08:00', '12月3日 09:05'],
    ['2026-12-31T23:59:00-05:00', '1月1日 12:59'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, shown) => {
    expect(formatShanghai(iso)).toBe(shown)
  })
})
