// Older WeChat engines have no Intl.Segmenter (or no Intl): truncation falls back to code points,
// still never splitting a surrogate pair and never leaving only the ellipsis.
type TextModule = typeof import('../src/rules/text')

const g = globalThis as { Intl?: { Segmenter?: unknown } }

function loadWithout(remove: () => () => void): TextModule {
  const restore = remove()
  try {
    let mod: TextModule | undefined
    jest.isolateModules(() => {
      mod = require('../src/rules/text')
    })
    return mod as TextModule
  } finally {
    restore()
  }
}

const withoutSegmenter = () => {
  const intl = g.Intl as { Segmenter?: unknown }
  const saved = intl.Segmenter
  delete intl.Segmenter
  return () => {
    intl.Segmenter = saved
  }
}
const withoutIntl = () => {
  const saved = g.Intl
  delete g.Intl
  return () => {
    g.Intl = saved
  }
}

describe.each([
  ['without Intl.Segmenter', withoutSegmenter],
  ['without Intl', withoutIntl],
])('text %s', (_, remove) => {
  const text = loadWithout(remove)

  it.each([
    ['𠀀𠀁𠀂', 2, '𠀀…'],
    ['abc', 1, 'a'],
    ['👨‍👩‍👧', 1, '👨'],
  ])('truncates %j to %i → %j by code points', (s, max, expected) => {
    expect(text.truncateCodePoints(s, max)).toBe(expected)
  })

  it('still leaves the real Intl in place afterwards', () => {
    expect(typeof Intl.Segmenter).toBe('function')
  })
})
