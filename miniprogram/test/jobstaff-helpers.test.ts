import type { StaffPosting } from '@anju/shared'
import {
  applicantCountLabel,
  canPost,
  canPush,
  dayLabel,
  expiryLabel,
  filterPostings,
  isExpired,
  mayManagePosting,
  notMineLabel,
  placeLabel,
  postingFiltersFor,
  postingLines,
  pushBlock,
  RECOMMEND_MAX,
  recommendSummary,
  togglePerson,
} from '../src/utils/jobstaff'
import { BUILDING_HEAD, posting, STAFF } from './support/jobstaff'

const TODAY = '2026-12-04'

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
    expect(postingLines(posting({ expiresOn: '2026-12-31' }), TODAY)).toEqual([
      '月薪2800–3500元 · 白班 8:00–17:00',
      '小区5栋',
      '招 5 人 · 截止 12月31日',
    ])
    expect(postingLines(posting({ workHours: { start: 20, end: 6 } }))[0]).toBe('月薪2800–3500元 · 夜班 20:00–次日6:00')
  })

  it.each([
    [undefined, '投递情况见“投递的人”'],
    [0, '暂无投递'],
    [3, '投递 3 人'],
  ])('counts applicants: %s → %s', (n, label) => {
    expect(applicantCountLabel(n)).toBe(label)
  })

  it('offers 有人投递 only when the list carries counts the caller may see', () => {
    const keys = (list: StaffPosting[]) => postingFiltersFor(list).map((f) => f.key)
    expect(keys([posting({ applicantCount: 0 })])).toEqual(['all', 'applied', 'expired'])
    expect(keys([posting({ applicantCount: undefined })])).toEqual(['all', 'expired'])
  })

  it('reads calendar days as written', () => {
    expect(expiryLabel('2026-12-31', TODAY)).toBe('截止 12月31日')
    expect(expiryLabel('soon', TODAY)).toBe('截止 soon')
    expect(dayLabel('2026-12-01T23:30:00+08:00', TODAY)).toBe('12月1日')
  })

  it.each([
    ['2026-12-31', '截止 12月31日'],
    ['2027-01-03', '截止 2027年1月3日'],
    ['2025-11-30', '截止 2025年11月30日'],
  ])('writes the year only when it is not this one: %s → %s', (date, label) => {
    expect(expiryLabel(date, TODAY)).toBe(label)
    expect(postingLines(posting({ expiresOn: date }), TODAY)[2]).toBe(`招 5 人 · ${label}`)
  })

  it('dates an application of another year with its year', () => {
    expect(dayLabel('2025-12-30T09:00:00+08:00', TODAY)).toBe('2025年12月30日')
  })

  it.each([
    ['2026-12-03', 'open', true, '这个岗位已过报名截止日期，不能推荐给居民'],
    ['2026-12-04', 'open', false, undefined],
    ['2026-12-31', 'closed', false, '这个岗位已经停止招聘，不能推荐给居民'],
  ] as const)('last day %s, %s: expired %s, push refused with %s', (expiresOn, status, expired, refused) => {
    const p = posting({ expiresOn, status })
    expect(isExpired(p, TODAY)).toBe(expired)
    expect(pushBlock(p, TODAY)).toBe(refused)
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

  describe('who may change a posting (the server’s requireManager)', () => {
    const subdistrict = { scope: { subdistrictId: 'yanchi' } }
    const mjw = { scope: { communityId: 'mjw' } }
    const other = { scope: { subdistrictId: 'yanchi', communityId: 'lgs' } }
    const admin = { role: 'subdistrict_admin', scope: { subdistrictId: 'yanchi' } } as const
    const property = {
      role: 'property_staff',
      scope: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1' },
    } as const

    it.each([
      ['community staff, own community', true, STAFF, mjw],
      ['community staff, the sub-district’s posting', false, STAFF, subdistrict],
      ['community staff, another community', false, STAFF, other],
      ['sub-district admin, a community’s posting', true, admin, mjw],
      ['sub-district admin, its own', true, admin, subdistrict],
      ['property staff of an area, the community’s posting', false, property, mjw],
      ['property staff, a posting of its area', true, property, { scope: { communityId: 'mjw', areaId: 'a1' } }],
      ['building head, inside its scope', false, BUILDING_HEAD, mjw],
      ['nobody signed in', false, null, mjw],
    ] as const)('%s → %s', (_, may, user, p) => {
      expect(mayManagePosting(user, p)).toBe(may)
    })

    it('says who to ask instead', () => {
      expect(notMineLabel({ scope: { subdistrictId: 'yanchi' } })).toBe('街道发布的岗位，请联系街道修改')
      expect(notMineLabel({ scope: { communityId: 'mjw' } })).toBe('社区发布的岗位，请联系社区修改')
      expect(notMineLabel({ scope: { communityId: 'mjw', areaId: 'a1' } })).toBe(
        '这个岗位不归您管理，请联系发布的人修改',
      )
    })
  })

  describe('岗位管理 chips and search', () => {
    const list = [
      posting({ id: 'A', title: '包装工', employer: '昭通金果食品厂', applicantCount: 2 }),
      posting({ id: 'B', title: '保洁员', employer: '盐池街道办', applicantCount: 0, expiresOn: '2026-12-01' }),
      posting({ id: 'C', title: 'Forklift 叉车工', employer: '昭阳物流', applicantCount: undefined }),
      posting({ id: 'D', title: '搬运工', employer: '昭阳物流', applicantCount: 1, expiresOn: '2026-11-30' }),
    ]
    const ids = (filter: 'all' | 'applied' | 'expired', query = '') =>
      filterPostings(list, filter, query, TODAY).map((p) => p.id)

    it.each([
      ['all', '', ['A', 'B', 'C', 'D']],
      ['applied', '', ['A', 'D']],
      ['expired', '', ['B', 'D']],
      ['all', '昭阳', ['C', 'D']],
      ['all', '  叉车  ', ['C']],
      ['all', 'forklift', ['C']],
      ['all', '昭阳 搬运', ['D']],
      ['expired', '物流', ['D']],
      ['applied', '街道', []],
    ] as const)('%s, search “%s” → %j', (filter, query, expected) => {
      expect(ids(filter, query)).toEqual(expected)
    })
  })
})
