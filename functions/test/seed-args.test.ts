import { parseSeedArgs } from '../src/local/seed-args'

describe('parseSeedArgs', () => {
  it.each([
    [[], { reset: false }],
    [['--reset'], { reset: true }],
    [
      ['--reset', '--scale', '0.05', '--seed', 'abc', '--today', '2026-12-03'],
      { reset: true, scale: 0.05, seed: 'abc', today: '2026-12-03' },
    ],
    [['--scale', '1'], { reset: false, scale: 1 }],
  ])('accepts %j', (argv, args) => {
    expect(parseSeedArgs(argv)).toEqual({ ok: true, args })
  })

  it.each([
    [['--reset', '--scale', 'abc'], '--scale'],
    [['--reset', '--scale', '0'], '--scale'],
    [['--reset', '--scale', '-1'], '--scale'],
    [['--reset', '--scale', '2'], '--scale'],
    [['--reset', '--today', '2026-02-30'], '--today'],
    [['--reset', '--today', 'tomorrow'], '--today'],
    [['--reset', '--seed', '   '], '--seed'],
    [['--reset', '--scale'], '--scale'],
    [['--reset', '--scale', '--today', '2026-12-03'], '--scale'],
    [['--reset', '--bogus'], '--bogus'],
  ])('refuses %j, naming %s, so nothing is dropped', (argv, named) => {
    const parsed = parseSeedArgs(argv)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain(named)
  })
})
