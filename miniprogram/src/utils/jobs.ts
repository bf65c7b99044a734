// Pure helpers of the resident's job pages (no Taro): the query string, the small card a list
// item becomes, the icon beside each plain reason, a posting's requirements in plain words, and
// what the read-aloud button says. Tested in plain jest.
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  type CommunityNote,
  hoursLabel,
  type JobMatch,
  localDateOf,
  MATCH_RULES,
  type PublicPosting,
  postingClosedReason,
  SHIFT_LABELS,
  type Shift,
  SKILL_LABELS,
  shiftOf,
  wageLabel,
} from '@anju/shared'
import type { IconName } from '../assets/icons'

export interface MatchFilters {
  shift?: Shift
  maxKm?: number
}

export const PAGE_SIZE = 10

/** '?shift=day&maxKm=3&offset=10&limit=10'; an absent filter is left out. */
export function matchesQuery(filters: MatchFilters, offset = 0, limit = PAGE_SIZE): string {
  const parts: string[] = []
  if (filters.shift) parts.push(`shift=${filters.shift}`)
  if (filters.maxKm !== undefined) parts.push(`maxKm=${filters.maxKm}`)
  parts.push(`offset=${offset}`, `limit=${limit}`)
  return `?${parts.join('&')}`
}

export const STATUS_ICONS: Record<ApplicationStatus, IconName> = {
  applied: 'send',
  contacted: 'phone',
  hired: 'done',
  rejected: 'cross',
}

/** The picture beside a plain reason, by what the reason is about (shared/rules/jobs plainReasons). */
export function reasonIcon(reason: string): IconName {
  if (reason.startsWith('离家') || reason.startsWith('外地')) return 'spot'
  if (reason.includes('夜班')) return 'night'
  if (reason.includes('白班')) return 'day'
  if (reason.includes('中班')) return 'clock'
  if (reason.includes('你还不会')) return 'cross'
  if (reason.startsWith('会') && reason.endsWith('你会')) return 'star'
  if (reason.includes('你会')) return 'check'
  if (reason.startsWith('月薪')) return 'money'
  if (reason.includes('不需要认字')) return 'ear'
  if (reason.includes('文字')) return 'eye'
  if (reason.includes('不要求技能')) return 'person'
  return 'check'
}

export interface Reason {
  text: string
  icon: IconName
}

export const withIcons = (reasons: string[]): Reason[] => reasons.map((text) => ({ text, icon: reasonIcon(text) }))

/**
 * The card's chips: the first reasons that are not the wage (the card shows the wage in big
 * type already), at most `count`.
 */
export function topReasons(reasons: string[], count = 3): Reason[] {
  return withIcons(reasons.filter((r) => !r.startsWith('月薪')).slice(0, count))
}

/**
 * What one list row carries into setData: a few short strings, never the whole posting, so a page
 * of 10 stays a few KB (the budget is 32 KB per call).
 */
export interface JobCard {
  id: string
  title: string
  employer: string
  wage: string
  reasons: Reason[]
  recommended: boolean
  status?: { label: string; icon: IconName; status: ApplicationStatus }
  /** A posting no longer taking applications (我的投递): a short word with the closed picture, and why. */
  closed?: { word: string; reason: string }
}

/** 已停止招聘 / 已过报名时间 (and the shared reason) for a posting that no longer takes applications. */
export function closedOf(p: Pick<PublicPosting, 'status' | 'expiresOn'>, today: string): JobCard['closed'] {
  const reason = postingClosedReason(p, today)
  if (!reason) return undefined
  return { word: p.status === 'closed' ? '已停止招聘' : '已过报名时间', reason }
}

/** A 我的投递 card: a posting with no reasons, its state when closed or expired, and any extra (status, badge). */
export function myCardOf(p: PublicPosting, extra: Partial<JobCard> = {}, today = localDateOf(new Date())): JobCard {
  const closed = closedOf(p, today)
  return {
    id: p.id,
    title: p.title,
    employer: p.employer,
    wage: wageLabel(p),
    reasons: [],
    recommended: false,
    ...(closed ? { closed } : {}),
    ...extra,
  }
}

/** The picture beside 社区的话 (a note staff wrote to the resident). */
export const NOTE_ICON: IconName = 'person'

/** '社区的话：周一早上8点到1栋帮扶车间报到' */
export const noteLine = (note: Pick<CommunityNote, 'text'>): string => `社区的话：${note.text}`

/** '6月3日，改为已录用时写的' */
export function noteWhen(note: CommunityNote, thisYear?: string): string {
  return `${dateLabel(note.at, thisYear)}，改为${APPLICATION_STATUS_LABELS[note.status]}时写的`
}

/**
 * A profile with no distance chosen is matched within the rule's default (docs/rules.md), so the
 * choice says so rather than 不限.
 */
export const COMMUTE_UNSET_LABEL = `没想好（先按${MATCH_RULES.defaultMaxCommuteKm}公里内找）`
/** What 读给我听 says on 我的求职信息: the questions in order, the distance's no-choice as it works. */
export const PROFILE_SPOKEN =
  '说说你能做什么，我们帮你找合适的工作。第一，能上什么班，一定要选：只上白班，只上夜班，白班夜班都可以，或者只做短时工。' +
  '第二，要不要接送孩子。第三，会做什么，点图片，可以选好几个。后面的可以不填：做过几年；' +
  `最远能去多远，没想好就先按${MATCH_RULES.defaultMaxCommuteKm}公里内找；能干什么活，每月想挣多少，能不能看懂工作说明。` +
  '最后点最下面的“保存”。'

/** The list's first distance chip: no filter, the distance in my profile (or the default) applies. */
export const KM_FILTER_DEFAULT_LABEL = '按我填的距离'

export function statusOf(status: ApplicationStatus | undefined): JobCard['status'] {
  return status ? { status, label: APPLICATION_STATUS_LABELS[status], icon: STATUS_ICONS[status] } : undefined
}

export function cardOf(match: JobMatch): JobCard {
  return {
    id: match.posting.id,
    title: match.posting.title,
    employer: match.posting.employer,
    wage: wageLabel(match.posting),
    reasons: topReasons(match.reasons),
    recommended: match.recommended === true,
    status: statusOf(match.applied),
  }
}

/** Appends a page, keeping each posting once (a ranking that shifted between pages may repeat one). */
export function appendCards(list: JobCard[], page: JobCard[]): JobCard[] {
  const seen = new Set(list.map((c) => c.id))
  return [...list, ...page.filter((c) => !seen.has(c.id))]
}

/** '白班 8:00–17:00' */
export function shiftLine(p: Pick<PublicPosting, 'workHours'>): string {
  return `${SHIFT_LABELS[shiftOf(p.workHours)]} ${hoursLabel(p.workHours)}`
}

/** '在小区里：5栋' or '外地：昆明经开区，离社区约 12 公里' */
export function placeLine(p: Pick<PublicPosting, 'place'>): string {
  return p.place.kind === 'building'
    ? `在小区里：${p.place.name}`
    : `外地：${p.place.placeName}，离社区约 ${Math.round(p.place.distanceKm * 10) / 10} 公里`
}

const PHYSICAL_PLAIN = { light: '轻活，不累', moderate: '一般体力活', heavy: '重活，要有力气' } as const
const LITERACY_PLAIN = { none: '不需要认字', basic: '要能看懂简单的字', fluent: '要能看懂文字说明' } as const

/** A posting's requirements, one short sentence each, in the order a resident asks about them. */
export function requirementLines(p: PublicPosting): Reason[] {
  const lines: Reason[] = []
  if (p.skills.length > 0)
    lines.push({ text: `要会：${p.skills.map((s) => SKILL_LABELS[s]).join('、')}`, icon: 'check' })
  else lines.push({ text: '不要求技能，新手也可以', icon: 'person' })
  if (p.niceSkills.length > 0)
    lines.push({ text: `会这些更好：${p.niceSkills.map((s) => SKILL_LABELS[s]).join('、')}`, icon: 'star' })
  lines.push(
    p.minExperienceYears > 0
      ? { text: `要做过 ${p.minExperienceYears} 年以上`, icon: 'calendar' }
      : { text: '不要经验', icon: 'calendar' },
  )
  lines.push({ text: PHYSICAL_PLAIN[p.physical], icon: p.physical })
  lines.push({ text: LITERACY_PLAIN[p.literacy], icon: p.literacy === 'none' ? 'ear' : 'eye' })
  if (p.minAge !== undefined || p.maxAge !== undefined)
    lines.push({ text: `年龄：${ageRange(p.minAge, p.maxAge)}`, icon: 'person' })
  lines.push({ text: `招 ${p.headcount} 人`, icon: 'person' })
  return lines
}

function ageRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${min} 到 ${max} 岁`
  return min !== undefined ? `${min} 岁以上` : `${max} 岁以下`
}

/** '2026-12-31' → '12月31日' (this year) or '2027年1月5日'. */
export function dateLabel(isoDate: string, thisYear?: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-')
  const md = `${Number(m)}月${Number(d)}日`
  return y === thisYear ? md : `${y}年${md}`
}

/** What 读给我听 says on the list: the first cards, each with its wage and reasons. */
export function spokenMatches(cards: JobCard[], total: number): string {
  if (cards.length === 0) return '现在没有找到合适的工作。可以换一个班次或距离再看看。'
  const first = cards
    .slice(0, 3)
    .map(
      (c) =>
        `${c.title}，${c.employer}，${c.wage}。${c.recommended ? '社区为你推荐。' : ''}${c.reasons.map((r) => r.text).join('，')}。${c.status ? `${c.status.label}。` : ''}`,
    )
  return `为你找到 ${total} 个工作，最合适的在前面。${first.join('')}点一个工作看详细情况。`
}
