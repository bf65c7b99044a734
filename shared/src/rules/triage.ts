// Triage of property tickets and help requests: how soon, and whom to phone right now. An
// emergency shows the resident the numbers at once, before any staff member has read the report.

import { HELP_REQUEST_CATEGORY_LABELS, type HelpRequestCategory, type Priority } from '../schemas/help-request'
import type { RiskColour } from '../schemas/household'
import { TICKET_CATEGORY_LABELS, type TicketAnswers, type TicketCategory } from '../schemas/ticket'
import { addHoursIso, addLocalDays, beijingInstant, localDateOf, localTimeOf } from './calendar'

export interface PhoneNumber {
  number: string
  label: string
}

export interface TriagePhones {
  fire: PhoneNumber
  ambulance: PhoneNumber
  police: PhoneNumber
  /**
   * The property company's 24-hour duty line, set per deployment. Absent by default: a
   * placeholder is a number a frightened resident might dial, so without one none is shown.
   */
  propertyDuty?: PhoneNumber
}

/** The rules with the deployment's property duty line, e.g. `withPropertyDuty('0870-1234567')`. */
export function withPropertyDuty(
  number: string,
  rules: TriageRules = TRIAGE_RULES,
  label = '物业 24 小时值班电话',
): TriageRules {
  return { ...rules, phones: { ...rules.phones, propertyDuty: { number, label } } }
}

export const TRIAGE_RULES = {
  phones: {
    fire: { number: '119', label: '火警（燃气泄漏、被困）' },
    ambulance: { number: '120', label: '急救' },
    police: { number: '110', label: '报警' },
  } as TriagePhones,
  /** Hours from report to deadline for a green household with nobody vulnerable, by day. */
  ticketHours: {
    lift: 4,
    water: 8,
    power: 8,
    gas: 4,
    leak: 8,
    door_window: 48,
    lighting: 48,
    sanitation: 72,
    noise: 72,
    public_facility: 72,
    other: 72,
  } as Record<TicketCategory, number>,
  helpHours: { atm_cash: 24, home_repair: 48, night_escort: 1, errand: 48, other: 72 } as Record<
    HelpRequestCategory,
    number
  >,
  emergencyMinutes: 30,
  colourFactor: { red: 0.5, yellow: 0.75, green: 1 } as Record<RiskColour, number>,
  elderlyAloneFactor: 0.5,
  vulnerableMemberFactor: 0.75,
  minHours: 1,
  /** At most this many hours is urgent; at most `normal` hours is normal; above is low. */
  priorityBands: { urgent: 4, normal: 24 },
  /** Beijing working hours: a non-urgent report outside them starts its clock at `start`. */
  workingHours: { start: 8, end: 20 },
  duplicateWindowHours: 2,
}
export type TriageRules = typeof TRIAGE_RULES

export interface HouseholdContext {
  colour: RiskColour
  elderlyAlone: boolean
  /** A seriously ill or severely disabled member. */
  vulnerableMember: boolean
}

export interface TicketSituation {
  personTrapped?: boolean
  wholeBuilding?: boolean
}

export interface Triage {
  priority: Priority
  emergency: boolean
  /** ISO instant with the +08:00 offset. */
  deadline: string
  call: PhoneNumber[]
  advice: string[]
  reasons: string[]
}

export interface Emergency {
  call: PhoneNumber[]
  advice: string[]
  reason: string
}

function ticketEmergency(category: TicketCategory, s: TicketSituation, rules: TriageRules): Emergency | undefined {
  const { fire, propertyDuty } = rules.phones
  const duty = propertyDuty ? [propertyDuty] : []
  if (category === 'gas') {
    return {
      call: [fire, ...duty],
      advice: ['关闭燃气总阀，打开门窗', '不要开关电灯电器，不要点火', '到室外安全处再打电话'],
      reason: '燃气问题可能是泄漏，按紧急情况处理',
    }
  }
  if (category === 'lift' && s.personTrapped) {
    return {
      // 119 first: firefighters free trapped people; the property line follows when there is one.
      call: [fire, ...duty],
      advice: ['被困人员不要扒门、不要跳动', '按电梯内的警铃或对讲按钮'],
      reason: '有人被困电梯',
    }
  }
  if ((category === 'water' || category === 'power') && s.wholeBuilding) {
    return { call: duty, advice: [], reason: `整栋楼${TICKET_CATEGORY_LABELS[category]}中断` }
  }
  return undefined
}

/** The situation the triage reads, from the resident's answers: only an explicit yes counts. */
export function situationOf(answers: TicketAnswers | undefined): TicketSituation {
  return { personTrapped: answers?.personTrapped === true, wholeBuilding: answers?.wholeBuilding === true }
}

/**
 * Whom to phone right now for this category and these answers, or undefined. The report page
 * shows it the moment the answer is given, before and whether or not the report is sent. A
 * whole-building outage with no duty line configured is still an emergency, with no number:
 * the page then asks for the report at once instead.
 */
export function ticketEmergencyCall(
  category: TicketCategory,
  answers: TicketAnswers | undefined,
  rules: TriageRules = TRIAGE_RULES,
): Emergency | undefined {
  return ticketEmergency(category, situationOf(answers), rules)
}

function helpEmergency(category: HelpRequestCategory, rules: TriageRules): Emergency | undefined {
  if (category !== 'night_escort') return undefined
  return { call: [rules.phones.ambulance], advice: ['病情危急请先拨打 120'], reason: '夜间送医，按紧急情况处理' }
}

/**
 * Whom to phone right now for a help request, or undefined: 夜间送医 shows 120 the moment it is
 * picked, before and whether or not the request is sent (as ticketEmergencyCall does for repairs).
 */
export function helpEmergencyCall(
  category: HelpRequestCategory,
  rules: TriageRules = TRIAGE_RULES,
): Emergency | undefined {
  return helpEmergency(category, rules)
}

function scheduled(
  baseHours: number,
  label: string,
  household: HouseholdContext,
  at: string,
  rules: TriageRules,
): Triage {
  const reasons = [`${label}：基础时限 ${baseHours} 小时`]
  let hours = baseHours * rules.colourFactor[household.colour]
  if (household.colour !== 'green') reasons.push(`重点关注家庭，时限乘以 ${rules.colourFactor[household.colour]}`)
  if (household.elderlyAlone) {
    hours *= rules.elderlyAloneFactor
    reasons.push(`独居老人，时限乘以 ${rules.elderlyAloneFactor}`)
  } else if (household.vulnerableMember) {
    hours *= rules.vulnerableMemberFactor
    reasons.push(`家中有大病或重度残疾成员，时限乘以 ${rules.vulnerableMemberFactor}`)
  }
  hours = Math.max(rules.minHours, hours)
  const { urgent, normal } = rules.priorityBands
  const priority: Priority = hours <= urgent ? 'urgent' : hours <= normal ? 'normal' : 'low'
  let start = at
  const { hour } = localTimeOf(at)
  const { start: open, end: close } = rules.workingHours
  if (priority !== 'urgent' && (hour < open || hour >= close)) {
    const day = localDateOf(at)
    start = beijingInstant(hour < open ? day : addLocalDays(day, 1), open)
    reasons.push(`非工作时间报告，从 ${open}:00 起计时`)
  }
  return { priority, emergency: false, deadline: addHoursIso(start, hours), call: [], advice: [], reasons }
}

function urgentNow(e: Emergency, at: string, rules: TriageRules): Triage {
  return {
    priority: 'immediate',
    emergency: true,
    deadline: addHoursIso(at, rules.emergencyMinutes / 60),
    call: e.call,
    advice: e.advice,
    reasons:
      e.call.length > 0
        ? [e.reason, `请立即拨打 ${e.call.map((p) => p.number).join('、')}`]
        : [e.reason, '未配置物业值班电话，请工作人员立即联系物业'],
  }
}

/** Priority, deadline and numbers to call for a property ticket. */
export function triageTicket(
  input: { category: TicketCategory; situation?: TicketSituation; household: HouseholdContext; at: string },
  rules: TriageRules = TRIAGE_RULES,
): Triage {
  const e = ticketEmergency(input.category, input.situation ?? {}, rules)
  if (e) return urgentNow(e, input.at, rules)
  return scheduled(
    rules.ticketHours[input.category],
    TICKET_CATEGORY_LABELS[input.category],
    input.household,
    input.at,
    rules,
  )
}

/** Priority, deadline and numbers to call for a help request. */
export function triageHelpRequest(
  input: { category: HelpRequestCategory; household: HouseholdContext; at: string },
  rules: TriageRules = TRIAGE_RULES,
): Triage {
  const e = helpEmergency(input.category, rules)
  if (e) return urgentNow(e, input.at, rules)
  return scheduled(
    rules.helpHours[input.category],
    HELP_REQUEST_CATEGORY_LABELS[input.category],
    input.household,
    input.at,
    rules,
  )
}

export interface ReportKeyInput {
  buildingId: string
  category: string
  at: string
}

// Fixed windows make the key usable in a conditional write; a report near a window's start also
// looks in the previous window, and `isSameReport` then confirms the exact distance.
function bucket(at: string, rules: TriageRules): number {
  return Math.floor(Date.parse(at) / (rules.duplicateWindowHours * 3_600_000))
}

/** The key under which "someone already reported this" is recorded. */
export function duplicateKey(input: ReportKeyInput, rules: TriageRules = TRIAGE_RULES): string {
  return `DUP#${input.buildingId}#${input.category}#${bucket(input.at, rules)}`
}

/** The keys to look up for an earlier report of the same thing: this window and the one before. */
export function duplicateLookupKeys(input: ReportKeyInput, rules: TriageRules = TRIAGE_RULES): [string, string] {
  const b = bucket(input.at, rules)
  return [`DUP#${input.buildingId}#${input.category}#${b}`, `DUP#${input.buildingId}#${input.category}#${b - 1}`]
}

/** Whether `later` repeats `earlier`: same building, same category, within the window. */
export function isSameReport(
  earlier: ReportKeyInput,
  later: ReportKeyInput,
  rules: TriageRules = TRIAGE_RULES,
): boolean {
  const gap = Date.parse(later.at) - Date.parse(earlier.at)
  return (
    earlier.buildingId === later.buildingId &&
    earlier.category === later.category &&
    gap >= 0 &&
    gap <= rules.duplicateWindowHours * 3_600_000
  )
}
