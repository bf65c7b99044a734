import type { MatchesResponse } from '@anju/shared'
import { spokenJob, spokenMine } from '../src/utils/jobDetail'
import {
  appendCards,
  COMMUTE_UNSET_LABEL,
  cardOf,
  closedOf,
  dateLabel,
  KM_FILTER_DEFAULT_LABEL,
  matchesQuery,
  myCardOf,
  noteLine,
  noteWhen,
  PROFILE_SPOKEN,
  placeLine,
  reasonIcon,
  requirementLines,
  shiftLine,
  spokenMatches,
  topReasons,
} from '../src/utils/jobs'
import { match, posting, REASONS } from './support/jobs'

describe('matchesQuery', () => {
  it.each([
    [{}, 0, '?offset=0&limit=10'],
    [{ shift: 'night' as const }, 10, '?shift=night&offset=10&limit=10'],
    [{ shift: 'day' as const, maxKm: 3 }, 20, '?shift=day&maxKm=3&offset=20&limit=10'],
  ])('%j from %d is %s', (filters, offset, expected) => {
    expect(matchesQuery(filters, offset)).toBe(expected)
  })
})

describe('reasonIcon', () => {
  it.each([
    ['离家800米', 'spot'],
    ['外地岗位，离社区约 12 公里', 'spot'],
    ['白班 8:00–17:00，不耽误接送孩子', 'day'],
    ['夜班 22:00–次日6:00', 'night'],
    ['中班 14:00–22:00', 'clock'],
    ['需要叉车，你会', 'check'],
    ['需要叉车，你还不会', 'cross'],
    ['会电工更好，你会', 'star'],
    ['月薪3000元，达到你的期望', 'money'],
    ['不需要认字', 'ear'],
    ['需要看懂文字说明', 'eye'],
    ['不要求技能，新手也可以', 'person'],
    ['别的说法', 'check'],
  ])('%s → %s', (reason, icon) => {
    expect(reasonIcon(reason)).toBe(icon)
  })
})

describe('cards', () => {
  it('shows the first three reasons that are not the wage, with icons', () => {
    expect(topReasons(REASONS).map((r) => r.text)).toEqual(['离家800米', REASONS[1], REASONS[2]])
  })

  it('turns a match into a small card with status in words and an icon', () => {
    // Act
    const card = cardOf(match({ applied: 'contacted', recommended: true }))
    // Assess
    expect(card).toEqual({
      id: 'J1',
      title: '菌棒装袋工',
      employer: '卯家湾食用菌合作社',
      wage: '月薪3000–3600元',
      reasons: [
        { text: '离家800米', icon: 'spot' },
        { text: REASONS[1], icon: 'day' },
        { text: REASONS[2], icon: 'check' },
      ],
      recommended: true,
      status: { status: 'contacted', label: '已联系', icon: 'phone' },
    })
  })

  it('keeps one page of ten cards far under the 32 KB setData budget, even with long postings', () => {
    // Prepare: the longest texts the posting schema allows, and a description the card leaves out.
    const long = posting({ title: '岗'.repeat(30), employer: '单'.repeat(40), description: '说'.repeat(500) })
    const res: MatchesResponse = {
      state: 'ready',
      items: Array.from({ length: 10 }, (_, i) => match({ posting: { ...long, id: `J${i}` } })),
      total: 10,
    }
    // Act
    const bytes = Buffer.byteLength(JSON.stringify(res.items.map(cardOf)))
    // Assess
    expect(bytes).toBeLessThan(8 * 1024)
  })

  it('appends a page keeping each posting once', () => {
    const a = cardOf(match())
    const b = cardOf(match({ posting: posting({ id: 'J2' }) }))
    expect(appendCards([a], [a, b]).map((c) => c.id)).toEqual(['J1', 'J2'])
  })
})

describe('posting in plain words', () => {
  it('says the shift, the place and the requirements', () => {
    expect(shiftLine(posting({ workHours: { start: 22, end: 6 } }))).toBe('夜班 22:00–次日6:00')
    expect(placeLine(posting())).toBe('在小区里：5栋')
    expect(placeLine(posting({ place: { kind: 'offsite', placeName: '经开区', distanceKm: 12.34 } }))).toBe(
      '外地：经开区，离社区约 12.3 公里',
    )
    expect(requirementLines(posting()).map((r) => r.text)).toEqual([
      '要会：食用菌生产',
      '不要经验',
      '一般体力活',
      '不需要认字',
      '招 5 人',
    ])
  })

  it.each([
    [
      { skills: [], niceSkills: ['electrician' as const], minExperienceYears: 2 },
      ['不要求技能，新手也可以', '会这些更好：电工', '要做过 2 年以上'],
    ],
    [{ minAge: 18, maxAge: 45, literacy: 'basic' as const }, ['要能看懂简单的字', '年龄：18 到 45 岁']],
    [{ minAge: 18 }, ['年龄：18 岁以上']],
    [{ maxAge: 50, physical: 'heavy' as const }, ['重活，要有力气', '年龄：50 岁以下']],
  ])('requirements of %j include %j', (overrides, lines) => {
    const texts = requirementLines(posting(overrides)).map((r) => r.text)
    for (const line of lines) expect(texts).toContain(line)
  })

  it.each([
    ['2026-12-31', '2026', '12月31日'],
    ['2027-01-05', '2026', '2027年1月5日'],
  ])('dateLabel(%s) in %s is %s', (date, year, label) => {
    expect(dateLabel(date, year)).toBe(label)
  })
})

describe('what 读给我听 says', () => {
  it('reads the first matches with their reasons, or a way forward when there are none', () => {
    const text = spokenMatches([cardOf(match({ recommended: true, applied: 'applied' }))], 1)
    expect(text).toContain('为你找到 1 个工作')
    expect(text).toContain('菌棒装袋工，卯家湾食用菌合作社，月薪3000–3600元。社区为你推荐。离家800米')
    expect(text).toContain('已投递')
    expect(spokenMatches([], 0)).toContain('换一个班次或距离')
  })

  it('reads a posting with its reasons, my application and how to apply or call', () => {
    const open = spokenJob({
      posting: posting({ contactPhone: '13800000000' }),
      fit: { eligible: true, score: 1, reasons: REASONS },
    })
    expect(open).toContain('适合你的地方：离家800米')
    expect(open).toContain('一键报名')
    expect(open).toContain('打电话')
    const applied = spokenJob({
      posting: posting(),
      fit: { eligible: false, reason: '这个岗位要上夜班' },
      application: { postingId: 'J1', status: 'hired', appliedAt: 'x', updatedAt: 'x' },
      closedReason: '这个岗位已经停止招聘',
    })
    expect(applied).toContain('可能不适合你：这个岗位要上夜班')
    expect(applied).toContain('现在是已录用')
    expect(applied).toContain('已经停止招聘')
    expect(applied).not.toContain('一键报名')
  })

  it('reads my applications and the recommendations', () => {
    const text = spokenMine({
      applications: [{ postingId: 'J1', status: 'rejected', appliedAt: 'x', updatedAt: 'x', posting: posting() }],
      recommendations: [{ posting: posting({ id: 'J2', title: '保洁员' }), at: 'x' }],
    })
    expect(text).toContain('你报名了 1 个工作。菌棒装袋工，卯家湾食用菌合作社，未录用。')
    expect(text).toContain('社区为你推荐了 1 个工作。保洁员')
    expect(spokenMine({ applications: [], recommendations: [] })).toBe('你还没有报名工作。')
  })
})

describe('社区的话: the note staff wrote to the resident with a status', () => {
  const note = {
    text: '周一早上8点到1栋帮扶车间报到，带身份证',
    at: '2026-06-03T09:30:00.000+08:00',
    status: 'hired' as const,
  }
  const hired = { postingId: 'J1', status: 'hired' as const, appliedAt: 'x', updatedAt: 'x', note }

  it('is a line of its own with when and the status it came with', () => {
    expect(noteLine(note)).toBe('社区的话：周一早上8点到1栋帮扶车间报到，带身份证')
    expect(noteWhen(note, '2026')).toBe('6月3日，改为已录用时写的')
  })

  it('is read aloud in 我的投递 and on the job page after the status', () => {
    const mine = spokenMine({ applications: [{ ...hired, posting: posting() }], recommendations: [] }, '2026-06-03')
    expect(mine).toContain('已录用。社区的话：周一早上8点到1栋帮扶车间报到，带身份证。')
    const job = spokenJob({ posting: posting(), application: hired })
    expect(job).toContain('现在是已录用。社区的话：周一早上8点到1栋帮扶车间报到，带身份证。')
  })

  it('says nothing of a note when there is none', () => {
    const { note: _none, ...plain } = hired
    expect(
      spokenMine({ applications: [{ ...plain, posting: posting() }], recommendations: [] }, '2026-06-03'),
    ).not.toContain('社区的话')
    expect(spokenJob({ posting: posting(), application: plain })).not.toContain('社区的话')
  })
})

describe('a closed or expired posting in 我的投递', () => {
  it.each([
    [{ status: 'closed' as const }, '已停止招聘', '这个岗位已经停止招聘'],
    [{ expiresOn: '2026-06-02' }, '已过报名时间', '这个岗位已过报名截止日期'],
  ])('%j is marked %s on its card', (over, word, reason) => {
    const card = myCardOf(posting(over), { recommended: true }, '2026-06-03')
    expect(card.closed).toEqual({ word, reason })
    expect(card.recommended).toBe(true)
  })

  it('leaves an open posting unmarked, its last day included', () => {
    expect(closedOf(posting({ expiresOn: '2026-06-03' }), '2026-06-03')).toBeUndefined()
    expect(myCardOf(posting(), {}, '2026-06-03').closed).toBeUndefined()
  })

  it('says the state aloud for applications and recommendations', () => {
    const text = spokenMine(
      {
        applications: [
          {
            postingId: 'J1',
            status: 'applied',
            appliedAt: 'x',
            updatedAt: 'x',
            posting: posting({ status: 'closed' }),
          },
        ],
        recommendations: [
          { posting: posting({ id: 'J2', title: '保洁员', expiresOn: '2026-06-01' }), at: 'x', note: '离家近' },
        ],
      },
      '2026-06-03',
    )
    expect(text).toContain('已投递。已停止招聘。')
    expect(text).toContain('保洁员，卯家湾食用菌合作社，月薪3000–3600元。已过报名时间。社区的话：离家近。')
  })
})

describe('distance without a choice says what it does', () => {
  it('names the default the rule uses, on the profile, its read-aloud and the list filter', () => {
    expect(COMMUTE_UNSET_LABEL).toBe('没想好（先按10公里内找）')
    expect(COMMUTE_UNSET_LABEL).not.toContain('不限')
    expect(PROFILE_SPOKEN).toContain('没想好就先按10公里内找')
    expect(KM_FILTER_DEFAULT_LABEL).toBe('按我填的距离')
  })
})
