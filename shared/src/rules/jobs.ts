// The job service's rules around the matching core: who is of working age, how a resident's own
// words become the rule's JobSeeker, what a shift is called, whether a posting takes applications,
// and the short plain reasons a resident reads ("离家800米", "需要叉车，你会").
import type { Disability, Health, RiskColour } from '../schemas/household'
import { type GeoPoint, type HourWindow, type JobPosting, type JobSeeker, Literacy, SKILL_LABELS } from '../schemas/job'
import { AVAILABILITY_WINDOWS, type JobProfileInput, PART_TIME_HOURS, SCHOOL_RUN_WINDOWS } from '../schemas/job-profile'
import { addLocalDays, type CalendarDate } from './calendar'
import type { ScoredJob } from './matching'

export const WORKING_AGE = { min: 16, max: 65 } as const

export type WorkingAgeVerdict = { ok: true } | { ok: false; reason: string }

/** Younger than 16 may not be employed; past 65 the service stops recommending jobs. */
export function workingAgeCheck(age: number): WorkingAgeVerdict {
  if (age < WORKING_AGE.min)
    return { ok: false, reason: `未满 ${WORKING_AGE.min} 周岁，按国家规定还不能参加工作。有困难可以找楼栋长。` }
  if (age > WORKING_AGE.max)
    return {
      ok: false,
      reason: `已满 ${WORKING_AGE.max} 周岁，这里不再推荐岗位。想做点力所能及的事，可以找社区问问公益岗位。`,
    }
  return { ok: true }
}

/** What the household file knows about the person; never asked of them again. */
export interface SeekerFacts {
  personId: string
  age: number
  health: Health
  disability: Disability
  literacy: Literacy
  home: GeoPoint
}

/**
 * The rule's seeker from the person's answers. The hours chosen (只上白班, 只上夜班) are the hours
 * they can work in, a school run is a care duty of two windows, part-time caps the day; blanks
 * take the record's values.
 */
export function seekerFromProfile(
  profile: JobProfileInput,
  facts: SeekerFacts,
  householdColour: RiskColour = 'green',
): JobSeeker {
  const free = AVAILABILITY_WINDOWS[profile.availability]
  const careDuties: HourWindow[] = profile.schoolRun ? SCHOOL_RUN_WINDOWS.map((w) => ({ ...w })) : []
  return {
    id: facts.personId,
    age: facts.age,
    home: facts.home,
    ...(profile.maxCommuteKm !== undefined ? { maxCommuteKm: profile.maxCommuteKm } : {}),
    careDuties,
    ...(free ? { availableHours: { ...free } } : {}),
    ...(profile.availability === 'part_time' ? { maxHoursPerDay: PART_TIME_HOURS } : {}),
    health: facts.health,
    disability: facts.disability,
    ...(profile.physicalLimit ? { physicalLimit: profile.physicalLimit } : {}),
    skills: profile.skills,
    experienceYears: profile.experienceYears ?? 0,
    expectedWage: profile.expectedWage ?? 0,
    literacy: profile.reading ?? facts.literacy,
    householdColour,
  }
}

export type Shift = 'day' | 'evening' | 'night'
export const SHIFT_LABELS: Record<Shift, string> = { day: '白班', evening: '中班', night: '夜班' }

/** Night if any hour falls between 22:00 and 06:00; day if it lies within 06:00–20:00. */
export function shiftOf(w: HourWindow): Shift {
  const span = (w.end - w.start + 24) % 24 || 24
  const hours = Array.from({ length: span }, (_, h) => (w.start + h) % 24)
  if (hours.some((h) => h >= 22 || h < 6)) return 'night'
  if (hours.every((h) => h >= 6 && h < 20)) return 'day'
  return 'evening'
}

/** '8:00–17:00', '20:00–次日6:00' */
export function hoursLabel(w: HourWindow): string {
  const end = w.end % 24
  return `${w.start}:00–${w.end <= w.start ? '次日' : ''}${end}:00`
}

/** A posting takes applications while open and not past its last day (Beijing calendar). */
export function postingClosedReason(
  p: { status: 'open' | 'closed'; expiresOn: CalendarDate },
  today: CalendarDate,
): string | undefined {
  if (p.status === 'closed') return '这个岗位已经停止招聘'
  if (p.expiresOn < today) return '这个岗位已过报名截止日期'
  return undefined
}

/** A posting's last day: not in the past, not more than a year ahead. */
export function expiryProblem(expiresOn: CalendarDate, today: CalendarDate): string | undefined {
  if (expiresOn < today) return '截止日期不能早于今天'
  if (expiresOn > addLocalDays(today, 366)) return '截止日期不能超过一年以后'
  return undefined
}

/** '离家800米' under a kilometre (to the nearest 50 m), '离家2.4公里' beyond. */
export function distanceLabel(km: number, offsite: boolean): string {
  if (offsite) return `外地岗位，离社区约 ${Math.round(km * 10) / 10} 公里`
  if (km < 1) return `离家${Math.max(50, Math.round((km * 1000) / 50) * 50)}米`
  return `离家${Math.round(km * 10) / 10}公里`
}

/** '月薪3000–3600元' or '月薪3000元' */
export function wageLabel(p: { monthlyWage: number; wageMax?: number }): string {
  return p.wageMax !== undefined && p.wageMax > p.monthlyWage
    ? `月薪${p.monthlyWage}–${p.wageMax}元`
    : `月薪${p.monthlyWage}元`
}

/**
 * Short reasons in the resident's words, most telling first. Never mentions the household's
 * colour or a priority: residents never see either.
 */
export function plainReasons(
  match: Pick<ScoredJob, 'distanceKm'> & { posting: JobPosting & { wageMax?: number } },
  seeker: Pick<JobSeeker, 'skills' | 'expectedWage' | 'literacy'>,
  profile: Pick<JobProfileInput, 'schoolRun'>,
): string[] {
  const p = match.posting
  const reasons = [distanceLabel(match.distanceKm, p.distanceKm !== undefined)]
  const shift = SHIFT_LABELS[shiftOf(p.workHours)]
  reasons.push(`${shift} ${hoursLabel(p.workHours)}${profile.schoolRun ? '，不耽误接送孩子' : ''}`)
  const has = new Set(seeker.skills)
  for (const k of p.skills)
    reasons.push(has.has(k) ? `需要${SKILL_LABELS[k]}，你会` : `需要${SKILL_LABELS[k]}，你还不会`)
  if (p.skills.length === 0) reasons.push('不要求技能，新手也可以')
  for (const k of p.niceSkills ?? []) if (has.has(k)) reasons.push(`会${SKILL_LABELS[k]}更好，你会`)
  const wage = wageLabel(p)
  reasons.push(seeker.expectedWage > 0 && p.monthlyWage >= seeker.expectedWage ? `${wage}，达到你的期望` : wage)
  if (p.literacy === 'none') reasons.push('不需要认字')
  else if (Literacy.options.indexOf(seeker.literacy) < Literacy.options.indexOf(p.literacy))
    reasons.push('需要看懂文字说明')
  return reasons
}
