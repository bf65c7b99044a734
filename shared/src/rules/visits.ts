// Visit rhythm (日随访 / 周跟踪 / 月监测). A period is a Beijing calendar day, ISO week or calendar
// month; each period needs one visit. The schedule runs from the last visit (a late visit still
// counts and restarts it) or from the day the colour last changed (red today → due today).
import { RISK_COLOUR_LABELS, type RiskColour } from '../schemas/household'
import { type ColourChange, VISIT_CADENCE_LABELS, type VisitCadence } from '../schemas/visit'
import { addLocalDays, type CalendarDate, daysBetween, isoWeekOf, localDateOf, monthOf } from './calendar'
import { colourRank } from './colour'

export const VISIT_RULES: { cadence: Record<RiskColour, VisitCadence> } = {
  cadence: { red: 'day', yellow: 'week', green: 'month' },
}
export type VisitRules = typeof VISIT_RULES

/** The period of `cadence` holding `day`. */
export function periodOf(day: CalendarDate, cadence: VisitCadence): { start: CalendarDate; end: CalendarDate } {
  if (cadence === 'day') return { start: day, end: day }
  return cadence === 'week' ? isoWeekOf(day) : monthOf(day)
}

export interface HouseholdVisits {
  householdId: string
  history: readonly ColourChange[]
  /** Instants of visits; those after the day asked about are ignored. */
  visits: readonly { at: string }[]
}

export type DueState = 'overdue' | 'due_today' | 'due' | 'done'

export interface VisitStatus {
  householdId: string
  colour: RiskColour
  cadence: VisitCadence
  /** The day the current colour took effect. */
  since: CalendarDate
  lastVisit?: CalendarDate
  /** The period in which the next visit is due: from `windowStart` to `dueBy`, inclusive. */
  windowStart: CalendarDate
  dueBy: CalendarDate
  state: DueState
  overdue: boolean
  overdueDays: number
  reasons: string[]
}

/** The colour in force on `day` and the day it started; undefined before the first record. */
export function colourOn(
  history: readonly ColourChange[],
  day: CalendarDate,
): { colour: RiskColour; since: CalendarDate } | undefined {
  let best: ColourChange | undefined
  for (const change of history) {
    if (localDateOf(change.at) > day) continue
    if (!best || Date.parse(change.at) >= Date.parse(best.at)) best = change
  }
  return best && { colour: best.colour, since: localDateOf(best.at) }
}

const fmtDay = (d: CalendarDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/** Where a household stands on `day`: next due date, and whether (and by how much) it is overdue. */
export function visitStatus(
  household: HouseholdVisits,
  day: CalendarDate,
  rules: VisitRules = VISIT_RULES,
): VisitStatus | undefined {
  const current = colourOn(household.history, day)
  if (!current) return undefined
  const { colour, since } = current
  const cadence = rules.cadence[colour]
  // Visits on the day of a change count: the visit is often what revealed the change.
  let lastVisit: CalendarDate | undefined
  for (const v of household.visits) {
    const d = localDateOf(v.at)
    if (d >= since && d <= day && (!lastVisit || d > lastVisit)) lastVisit = d
  }
  const window = lastVisit
    ? periodOf(addLocalDays(periodOf(lastVisit, cadence).end, 1), cadence)
    : periodOf(since, cadence)
  const overdueDays = Math.max(0, daysBetween(window.end, day))
  const state: DueState =
    overdueDays > 0 ? 'overdue' : day === window.end ? 'due_today' : day >= window.start ? 'due' : 'done'
  const label = `${RISK_COLOUR_LABELS[colour]}户（${VISIT_CADENCE_LABELS[cadence]}）`
  const reasons = [
    lastVisit
      ? `${label}，上次走访 ${fmtDay(lastVisit)}`
      : `${label}，自 ${fmtDay(since)} 变为${RISK_COLOUR_LABELS[colour]}后尚未走访`,
    {
      overdue: `已逾期 ${overdueDays} 天，应在 ${fmtDay(window.end)} 前走访`,
      due_today: '今天是最后期限，请今天走访',
      due: `请在 ${fmtDay(window.end)} 前走访`,
      done: `本期已走访，下次在 ${fmtDay(window.start)} 至 ${fmtDay(window.end)} 之间`,
    }[state],
  ]
  return {
    householdId: household.householdId,
    colour,
    cadence,
    since,
    lastVisit,
    windowStart: window.start,
    dueBy: window.end,
    state,
    overdue: overdueDays > 0,
    overdueDays,
    reasons,
  }
}

const STATE_ORDER: Record<DueState, number> = { overdue: 0, due_today: 1, due: 2, done: 3 }

/**
 * A building head's list for `day`: every household whose visit is due or overdue, the most
 * fragile first as the seed puts it (red, then yellow, then green), and within a colour the most
 * urgent first (overdue longest, then last-day, then open windows). A green household a month
 * late still comes after a red one a day late: red is visited daily for a reason.
 */
export function visitsDueOn(
  households: readonly HouseholdVisits[],
  day: CalendarDate,
  rules: VisitRules = VISIT_RULES,
): VisitStatus[] {
  return households
    .map((h) => visitStatus(h, day, rules))
    .filter((s): s is VisitStatus => s !== undefined && s.state !== 'done')
    .sort(
      (a, b) =>
        colourRank(b.colour) - colourRank(a.colour) ||
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        b.overdueDays - a.overdueDays ||
        a.householdId.localeCompare(b.householdId),
    )
}
