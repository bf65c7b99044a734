import {
  applicantCountLabel,
  canPost,
  canPush,
  dayLabel,
  expiryLabel,
  placeLabel,
  postingLines,
  RECOMMEND_MAX,
  recommendSummary,
  togglePerson,
} from '../src/utils/jobstaff'
import { posting } from './support/jobstaff'

describe('staff job helpers', () => {
  it.each([
    ['community_staff', true, true],
    ['subdistrict_admin', true, true],
    ['property_staff', true, false],
    ['building_head', false, true],
    ['grid_worker', false, true],
    ['resident', false, false],
    ['police', false, false],
  ] as const)('%s: may post %s, may push %s', (role, post, push) => {
    expect(canPost(role)).toBe(post)
    expect(canPush(role)).toBe(push)
  })

  it('says where the work is, on site or off', () => {
    expect(placeLabel({ kind: 'building', buildingId: 'b5', name: '5栋' })).toBe('小区5栋')
    expect(placeLabel({ kind: 'offsite', placeName: '昭阳工业园区', distanceKm: 12 })).toBe(
      '外地：昭阳工业园区（约12公里）',
    )
  })

  it('writes a card’s lines: wage and shift, place, headcount and last day', () => {
    expect(postingLines(posting())).toEqual(['月薪2800–3500元 · 白班 8:00–17:00', '小区5栋', '招 5 人 · 截止 12月31日'])
    expect(postingLines(posting({ workHours: { start: 20, end: 6 } }))[0]).toBe('月薪2800–3500元 · 夜班 20:00–次日6:00')
  })

  it.each([
    [undefined, '暂无投递'],
    [0, '暂无投递'],
    [3, '投递 3 人'],
  ])('counts applicants: %s → %s', (n, label) => {
    expect(applicantCountLabel(n)).toBe(label)
  })

  it('reads calendar days as written', () => {
    expect(expiryLabel('2027-01-05')).toBe('截止 1月5日')
    expect(expiryLabel('soon')).toBe('截止 soon')
    expect(dayLabel('2026-12-01T23:30:00+08:00')).toBe('12月1日')
  })

  it('ticks and unticks residents, refusing the 51st', () => {
    expect(togglePerson([], 'a')).toEqual({ ids: ['a'] })
    expect(togglePerson(['a', 'b'], 'a')).toEqual({ ids: ['b'] })
    const full = Array.from({ length: RECOMMEND_MAX }, (_, i) => `p${i}`)
    expect(togglePerson(full, 'x')).toEqual({ ids: full, refused: '一次最多推荐 50 人' })
    expect(togglePerson(full, 'p0').ids).toHaveLength(49)
  })

  it.each([
    [[{ personId: 'a', ok: true }], '已推荐给 1 人', true, []],
    [
      [
        { personId: 'a', ok: true },
        { personId: 'b', ok: true, already: true },
      ],
      '已推荐给 1 人，1 人之前已推荐过',
      true,
      [],
    ],
    [
      [
        { personId: 'a', ok: false, error: '不在辖区' },
        { personId: 'b', ok: false },
      ],
      '张三、b没有推荐成功：不在辖区；请稍后再试',
      false,
      ['a', 'b'],
    ],
    [[], '没有推荐', true, []],
  ])('summarises a send: %j', (results, text, allOk, left) => {
    expect(recommendSummary(results, { a: '张三' })).toEqual({ text, allOk, left })
  })
})
