import {
  type ApplicationStatus,
  EMPLOYMENT_LABELS,
  type Employment,
  hoursLabel,
  type PostingPlace,
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

/** '2026-12-31' → '截止 12月31日' */
export function expiryLabel(expiresOn: string): string {
  const [, m, d] = expiresOn.split('-').map(Number)
  return m && d ? `截止 ${m}月${d}日` : `截止 ${expiresOn}`
}

export function applicantCountLabel(n: number | undefined): string {
  return n ? `投递 ${n} 人` : '暂无投递'
}

/** The lines of a posting card: wage, hours, place, headcount and last day. */
export function postingLines(p: StaffPosting): string[] {
  return [
    `${wageLabel(p)} · ${shiftLabel(p)}`,
    placeLabel(p.place),
    `招 ${p.headcount} 人 · ${expiryLabel(p.expiresOn)}`,
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

/** '2026-12-01T09:30:00+08:00' → '12月1日' (the calendar day as written, Beijing). */
export function dayLabel(iso: string): string {
  const [, m, d] = iso.slice(0, 10).split('-').map(Number)
  return m && d ? `${m}月${d}日` : iso.slice(0, 10)
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

/** Long lists are shown a slice at a time (setData ≤ 32 KB; decision 067's paging). */
export const SHOW_STEP = 20
