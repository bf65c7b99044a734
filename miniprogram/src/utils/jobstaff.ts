import {
  type ApplicationStatus,
  EMPLOYMENT_LABELS,
  type Employment,
  hoursLabel,
  localDateOf,
  type Me,
  type PostingPlace,
  postingClosedReason,
  type RecommendResponse,
  type RiskColour,
  type Role,
  SHIFT_LABELS,
  type StaffPosting,
  shiftOf,
  wageLabel,
} from '@anju/shared'
import type { IconName } from '../assets/icons'

// Pure helpers of the staff job pages (decision 068), tested alone.

/** Who posts and manages postings: community staff, sub-district admins, property staff. */
export const POSTING_ROLES: readonly Role[] = ['community_staff', 'subdistrict_admin', 'property_staff']
/** Who sees push candidates and fills a resident's profile on their behalf. */
export const PUSH_ROLES: readonly Role[] = ['building_head', 'grid_worker', 'community_staff', 'subdistrict_admin']

export const canPost = (role: Role | undefined) => role !== undefined && POSTING_ROLES.includes(role)
export const canPush = (role: Role | undefined) => role !== undefined && PUSH_ROLES.includes(role)

/** '小区3栋' or '外地：工业园区（约12公里）'. */
export function placeLabel(place: PostingPlace): string {
  return place.kind === 'building' ? `小区${place.name}` : `外地：${place.placeName}（约${place.distanceKm}公里）`
}

/** '白班 8:00–17:00' */
export function shiftLabel(p: Pick<StaffPosting, 'workHours'>): string {
  return `${SHIFT_LABELS[shiftOf(p.workHours)]} ${hoursLabel(p.workHours)}`
}

/** Today on the Beijing calendar ('2026-12-04'), whatever zone the phone is in. */
export const todayInBeijing = (): string => localDateOf(new Date())

/** '2026-12-31' → '12月31日' in today's year, '2027年1月3日' in another; the raw text if not a date. */
export function dateLabel(date: string, today: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number)
  if (!y || !m || !d) return date.slice(0, 10)
  return `${String(y) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日`
}

/** '2026-12-31' → '截止 12月31日' (with the year when it is not this year). */
export function expiryLabel(expiresOn: string, today = todayInBeijing()): string {
  return `截止 ${dateLabel(expiresOn, today)}`
}

/** Past its last day: residents can no longer apply, and it cannot be recommended. */
export const isExpired = (p: Pick<StaffPosting, 'expiresOn'>, today: string) => p.expiresOn < today

/** Why 推荐给居民 is refused for this posting (stopped or past its last day), or undefined. */
export function pushBlock(p: Pick<StaffPosting, 'status' | 'expiresOn'>, today: string): string | undefined {
  const closed = postingClosedReason(p, today)
  return closed && `${closed}，不能推荐给居民`
}

const SCOPE_KEYS = ['subdistrictId', 'communityId', 'areaId', 'buildingId', 'householdId'] as const
type PostingScope = StaffPosting['scope'] & Partial<Record<(typeof SCOPE_KEYS)[number], unknown>>

/**
 * Whether this user may edit, stop or reopen the posting and change its applicants' status: a
 * manager role (as the server's POSTING_MANAGERS), and the posting inside their scope — community
 * staff may not change the sub-district's postings (the server answers 403). The answer may leave
 * out the sub-district (there is one): absent there, it is the user's own.
 */
export function mayManagePosting(user: Pick<Me, 'role' | 'scope'> | null | undefined, p: { scope: PostingScope }) {
  if (!user || !canPost(user.role)) return false
  return SCOPE_KEYS.every(
    (k) =>
      user.scope[k] === undefined ||
      p.scope[k] === user.scope[k] ||
      (k === 'subdistrictId' && p.scope[k] === undefined),
  )
}

/** The plain line shown instead of 修改 / 停止招聘 on a posting the user may not change. */
export function notMineLabel(p: { scope: PostingScope }): string {
  if (p.scope.communityId === undefined) return '街道发布的岗位，请联系街道修改'
  if (p.scope.areaId === undefined) return '社区发布的岗位，请联系社区修改'
  return '这个岗位不归您管理，请联系发布的人修改'
}

/**
 * The count as the server sent it. Without one (a building head, a grid worker, or community staff
 * on a sub-district posting: they see only the applicants living in their scope) the card says
 * where to look rather than claiming nobody applied.
 */
export function applicantCountLabel(n: number | undefined): string {
  if (n === undefined) return '投递情况见“投递的人”'
  return n ? `投递 ${n} 人` : '暂无投递'
}

/** 有人投递 is offered only when the list carries counts the caller may see. */
export function postingFiltersFor(list: readonly StaffPosting[]): readonly { key: PostingFilter; label: string }[] {
  return list.some((p) => p.applicantCount !== undefined)
    ? POSTING_FILTERS
    : POSTING_FILTERS.filter((f) => f.key !== 'applied')
}

/** The lines of a posting card: wage, hours, place, headcount and last day. */
export function postingLines(p: StaffPosting, today = todayInBeijing()): string[] {
  return [
    `${wageLabel(p)} · ${shiftLabel(p)}`,
    placeLabel(p.place),
    `招 ${p.headcount} 人 · ${expiryLabel(p.expiresOn, today)}`,
  ]
}

/** What staff may set an applicant to (已投递 is where every application starts). */
export const STATUS_CHOICES: readonly ApplicationStatus[] = ['contacted', 'hired', 'rejected']

export const APPLICATION_ICONS: Record<ApplicationStatus, IconName> = {
  applied: 'clock',
  contacted: 'phone',
  hired: 'done',
  rejected: 'closed',
}

/** The household's colour said in words and shown by an icon: colour is never the only signal. */
export const COLOUR_TAGS: Record<RiskColour, { label: string; icon: IconName }> = {
  red: { label: '红色户·优先', icon: 'power' },
  yellow: { label: '黄色户·关注', icon: 'clock' },
  green: { label: '绿色户', icon: 'check' },
}

export function employmentLabel(e: string): string {
  return EMPLOYMENT_LABELS[e as Employment] ?? e
}

/** '2026-12-01T09:30:00+08:00' → '12月1日' (the calendar day as written, Beijing; a year when not this one). */
export function dayLabel(iso: string, today = todayInBeijing()): string {
  return dateLabel(iso, today)
}

export const RECOMMEND_MAX = 50

/** Ticks or unticks a resident; past 50 the tap is refused and said so. */
export function togglePerson(ids: readonly string[], id: string): { ids: string[]; refused?: string } {
  if (ids.includes(id)) return { ids: ids.filter((x) => x !== id) }
  if (ids.length >= RECOMMEND_MAX) return { ids: [...ids], refused: `一次最多推荐 ${RECOMMEND_MAX} 人` }
  return { ids: [...ids, id] }
}

/** What the page says after 发送推荐, and who stays ticked (those that did not go). */
export function recommendSummary(
  results: RecommendResponse['results'],
  names: Record<string, string>,
): { text: string; allOk: boolean; left: string[] } {
  const sent = results.filter((r) => r.ok && !r.already).length
  const already = results.filter((r) => r.ok && r.already).length
  const failed = results.filter((r) => !r.ok)
  const parts: string[] = []
  if (sent > 0) parts.push(`已推荐给 ${sent} 人`)
  if (already > 0) parts.push(`${already} 人之前已推荐过`)
  if (failed.length > 0)
    parts.push(
      `${failed.map((r) => names[r.personId] ?? r.personId).join('、')}没有推荐成功：${[...new Set(failed.map((r) => r.error ?? '请稍后再试'))].join('；')}`,
    )
  return { text: parts.join('，') || '没有推荐', allOk: failed.length === 0, left: failed.map((r) => r.personId) }
}

export type PostingFilter = 'all' | 'applied' | 'expired'
export const POSTING_FILTERS: readonly { key: PostingFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'applied', label: '有人投递' },
  { key: 'expired', label: '已过截止' },
]

/** 岗位管理's chips and search, over the postings already loaded: the words match title or employer. */
export function filterPostings(
  list: readonly StaffPosting[],
  filter: PostingFilter,
  query: string,
  today: string,
): StaffPosting[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  return list.filter(
    (p) =>
      (filter === 'all' || (filter === 'applied' ? (p.applicantCount ?? 0) > 0 : isExpired(p, today))) &&
      words.every((w) => `${p.title} ${p.employer}`.toLowerCase().includes(w)),
  )
}

/** Long lists are shown a slice at a time (setData ≤ 32 KB; decision 067's paging). */
export const SHOW_STEP = 20
