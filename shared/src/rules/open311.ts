import {
  OPEN311_MAX_RANGE_DAYS,
  type Open311Attribute,
  type Open311ListQuery,
  type Open311Service,
  type Open311ServiceDefinition,
  type Open311ServiceRequest,
  type Open311Status,
} from '../api/open311'
import type { FieldError } from '../schemas/common'
import type { HomeAddress } from '../schemas/grid'
import { HELP_REQUEST_CATEGORY_LABELS, HelpRequestCategory } from '../schemas/help-request'
import {
  COMMON_SPOT_LABELS,
  categoryLabel,
  TICKET_CATEGORY_LABELS,
  TICKET_QUESTIONS,
  TICKET_STATUS_LABELS,
  type Ticket,
  type TicketAnswers,
  TicketCategory,
  type TicketLocation,
  type TicketStatus,
  ticketCategoryLabel,
} from '../schemas/ticket'
import { PROPERTY_COMPANY_NAME } from '../schemas/ticket-assignee'
import { parseFormBoolean } from './normalise'
import { redactPersonalData } from './redact'
import type { Emergency } from './triage'

// Our tickets as Open311 GeoReport v2 services and service requests (docs/decisions/063).
// service_code is our category id (stable ASCII), `help.<category>` for 为民办实事; the name,
// keywords and notes are Chinese.
// A service request carries nothing personal: no household id, no room, no name, no phone, no
// colour and nothing derived from it (priority, deadline, reasons), so no expected_datetime.

/** A ticket filed through an Open311 key has `createdBy: open311-<keyId>`. */
export const OPEN311_FILER_PREFIX = 'open311-'

export const OPEN311_PROPERTY_GROUP = '物业报修'
export const OPEN311_HELP_GROUP = '为民办实事'
const HELP_PREFIX = 'help.'

const PROPERTY_INFO: Record<TicketCategory, { description: string; keywords: string }> = {
  lift: { description: '电梯停运、故障或有人被困', keywords: '电梯,电梯故障,困人,停运' },
  water: { description: '停水、水压低或水质问题', keywords: '停水,自来水,水压,水质' },
  power: { description: '停电、跳闸或线路问题', keywords: '停电,跳闸,电路,电表' },
  gas: { description: '燃气泄漏、燃气味或燃气表问题', keywords: '燃气,煤气,漏气,燃气表' },
  leak: { description: '屋顶、墙面或水管漏水渗水', keywords: '漏水,渗水,水管,屋顶' },
  door_window: { description: '单元门、家门或窗户损坏', keywords: '门,窗,门锁,单元门' },
  lighting: { description: '楼道灯、路灯不亮', keywords: '照明,楼道灯,路灯,灯' },
  sanitation: { description: '垃圾堆放、清扫和卫生问题', keywords: '卫生,垃圾,清扫,异味' },
  noise: { description: '噪音扰民', keywords: '噪音,吵闹,扰民' },
  public_facility: { description: '健身器材、座椅、护栏等公共设施损坏', keywords: '公共设施,健身器材,座椅,护栏' },
  other: { description: '其他物业问题', keywords: '其他' },
}

const HELP_INFO: Record<HelpRequestCategory, { description: string; keywords: string }> = {
  atm_cash: { description: '陪同到银行或取款机取钱', keywords: '取钱,取现,银行,取款机' },
  home_repair: { description: '换灯泡、修水龙头等上门小修', keywords: '小修,灯泡,水龙头,上门' },
  night_escort: { description: '夜间陪同去医院（病情危急请先拨打 120）', keywords: '送医,看病,医院,夜间,急病' },
  errand: { description: '代办证件、缴费等手续', keywords: '代办,办证,缴费,手续' },
  other: { description: '其他需要帮忙的事', keywords: '帮忙,求助,其他' },
}

/** What a service_code names: a property category, or a help category (为民办实事). */
export type Open311Target =
  | { kind: 'property'; category: TicketCategory }
  | { kind: 'help'; category: HelpRequestCategory }

/** The service_code of a ticket: its category id, or `help.<category>` for a help request. */
export function serviceCodeOf(ticket: { kind?: 'property' | 'help'; category: string }): string {
  return ticket.kind === 'help' ? `${HELP_PREFIX}${ticket.category}` : ticket.category
}

/** What a service_code names, or undefined for a code we do not offer. */
export function targetOfServiceCode(code: string): Open311Target | undefined {
  if (code.startsWith(HELP_PREFIX)) {
    const help = HelpRequestCategory.safeParse(code.slice(HELP_PREFIX.length))
    return help.success ? { kind: 'help', category: help.data } : undefined
  }
  const property = TicketCategory.safeParse(code)
  return property.success ? { kind: 'property', category: property.data } : undefined
}

/** GET services.json: the property categories in the report page's order, then the help ones. */
export function open311Services(): Open311Service[] {
  const property: Open311Service[] = TicketCategory.options.map((category) => ({
    service_code: serviceCodeOf({ category }),
    service_name: TICKET_CATEGORY_LABELS[category],
    description: PROPERTY_INFO[category].description,
    metadata: (TICKET_QUESTIONS[category]?.length ?? 0) > 0,
    type: 'realtime',
    keywords: PROPERTY_INFO[category].keywords,
    group: OPEN311_PROPERTY_GROUP,
  }))
  const help: Open311Service[] = HelpRequestCategory.options.map((category) => ({
    service_code: serviceCodeOf({ kind: 'help', category }),
    service_name: HELP_REQUEST_CATEGORY_LABELS[category],
    description: HELP_INFO[category].description,
    metadata: false,
    type: 'realtime',
    keywords: HELP_INFO[category].keywords,
    group: OPEN311_HELP_GROUP,
  }))
  return [...property, ...help]
}

/** The questions a service asks (a help request asks none). */
function questionsOf(target: Open311Target) {
  return target.kind === 'property' ? (TICKET_QUESTIONS[target.category] ?? []) : []
}

const YES_NO = [
  { key: 'true', name: '是' },
  { key: 'false', name: '否' },
]

/** GET services/{code}.json: the category's questions as optional yes/no lists; undefined if unknown. */
export function open311ServiceDefinition(code: string): Open311ServiceDefinition | undefined {
  const target = targetOfServiceCode(code)
  if (!target) return undefined
  const attributes: Open311Attribute[] = questionsOf(target).map((q, i) => ({
    variable: true,
    code: q.key,
    datatype: 'singlevaluelist',
    // Optional as in the app: only an explicit yes makes a report an emergency.
    required: false,
    datatype_description: '是 或 否',
    order: i + 1,
    description: q.text,
    values: YES_NO,
  }))
  return { service_code: code, attributes }
}

/**
 * `attribute[code]=value` pairs of a POST as our answers. Codes the category does not ask and
 * values other than yes/no are field errors (path `attribute[code]`).
 */
export function answersOfAttributes(
  target: Open311Target,
  attribute: Record<string, unknown>,
): { ok: true; answers: TicketAnswers } | { ok: false; errors: FieldError[] } {
  const asked = new Map(questionsOf(target).map((q) => [q.key as string, q]))
  const answers: TicketAnswers = {}
  const errors: FieldError[] = []
  for (const [code, raw] of Object.entries(attribute)) {
    const path = `attribute[${code}]`
    const question = asked.get(code)
    if (!question) {
      errors.push({ path, message: `“${categoryLabel(target.kind, target.category)}”没有这个问题` })
      continue
    }
    const value = parseFormBoolean(Array.isArray(raw) ? raw[0] : raw)
    if (!value.ok) errors.push({ path, message: `${question.text}${value.error}` })
    else if (value.value !== undefined) answers[question.key] = value.value
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers }
}

// Open311 knows open and closed only. Every status of ours is listed, so a new one must be placed.
const OPEN311_STATUS: Record<TicketStatus, Open311Status> = {
  submitted: 'open',
  acknowledged: 'open',
  in_progress: 'open',
  resolved: 'closed',
  cannot_handle: 'closed',
  not_our_department: 'closed',
  closed: 'closed',
  merged: 'closed',
}

export function open311StatusOf(status: TicketStatus): Open311Status {
  return OPEN311_STATUS[status]
}

/**
 * Our finer status in Chinese: for a closed ticket the reason the resident reads (and whom to
 * contact) or the ticket a duplicate was merged into; for a reopened one, that the resident said
 * it was not solved.
 */
export function open311StatusNotes(ticket: Pick<Ticket, 'status' | 'closure' | 'mergedInto' | 'reopenCount'>): string {
  const label = TICKET_STATUS_LABELS[ticket.status]
  if (OPEN311_STATUS[ticket.status] === 'open') {
    return (ticket.reopenCount ?? 0) > 0 ? `${label}：住户反馈没解决，已重新交给工作人员` : label
  }
  if (ticket.mergedInto) return `${label}：与报修单 ${ticket.mergedInto} 是同一问题，请查看该单`
  const closure = ticket.closure
  if (!closure) return label
  return `${label}：${closure.reason}${closure.contact ? `（请联系：${closure.contact}）` : ''}`
}

/** Building and unit, never the room: '卯家湾社区 5栋1单元', or '… 5栋1单元 电梯间' for a shared spot. */
export function open311Address(address: HomeAddress, location: TicketLocation): string {
  const unit = `${address.communityName} ${address.buildingName}${address.unitName}`
  return location.kind === 'common_area' ? `${unit} ${COMMON_SPOT_LABELS[location.spot]}` : unit
}

/** The last time anything on the ticket moved (tickets filed before `updatedAt` have only the steps). */
export function lastUpdateOf(ticket: Ticket): string {
  const times = [
    ticket.createdAt,
    ticket.updatedAt,
    ticket.acknowledgedAt,
    ticket.startedAt,
    ticket.closure?.at,
    ticket.reopenedAt,
    ticket.lastRating?.at,
  ]
  let latest = ticket.createdAt
  for (const t of times) if (t !== undefined && Date.parse(t) > Date.parse(latest)) latest = t
  return latest
}

/** A ticket as an Open311 service request: only the fields listed here ever leave. */
export function toServiceRequest(ticket: Ticket): Open311ServiceRequest {
  return {
    service_request_id: ticket.id,
    status: open311StatusOf(ticket.status),
    status_notes: open311StatusNotes(ticket),
    service_name: ticketCategoryLabel(ticket),
    service_code: serviceCodeOf(ticket),
    // Numbers a resident typed for staff to call back (phone, ID, bank card) stay with staff.
    description: redactPersonalData(ticket.description).text,
    // Who handles it, as a body, never a person's name: the property company or the community.
    agency_responsible:
      ticket.assignee?.kind === 'property_company' ? PROPERTY_COMPANY_NAME : `${ticket.address.communityName}居委会`,
    requested_datetime: ticket.createdAt,
    updated_datetime: lastUpdateOf(ticket),
    address: open311Address(ticket.address, ticket.location),
  }
}

/** What a client shows after filing: received, and on the emergency path the numbers to call now. */
export function open311ServiceNotice(emergency: Emergency | undefined): string {
  const received = '报修已收到，社区工作人员会尽快处理。'
  if (!emergency) return received
  const numbers = emergency.call.map((p) => `${p.number}（${p.label}）`).join('、')
  return numbers === '' ? `紧急情况，已优先处理。${received}` : `紧急情况请立即拨打 ${numbers}。${received}`
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The requested_datetime window of GET requests.json: by default the last 90 days; one date given,
 * 90 days from or up to it; never wider than 90 days, never reversed (the spec's limits).
 */
export function open311DateRange(
  query: Pick<Open311ListQuery, 'start_date' | 'end_date'>,
  now: Date,
): { ok: true; from: number; to: number } | { ok: false; errors: FieldError[] } {
  const span = OPEN311_MAX_RANGE_DAYS * DAY_MS
  const start = query.start_date === undefined ? undefined : Date.parse(query.start_date)
  const end = query.end_date === undefined ? undefined : Date.parse(query.end_date)
  const to = end ?? (start === undefined ? now.getTime() : start + span)
  const from = start ?? to - span
  if (from > to) {
    return {
      ok: false,
      errors: [{ path: 'start_date', message: '开始时间（start_date）不能晚于结束时间（end_date）' }],
    }
  }
  if (to - from > span) {
    return {
      ok: false,
      errors: [
        { path: 'end_date', message: `时间范围（start_date 到 end_date）不能超过 ${OPEN311_MAX_RANGE_DAYS} 天` },
      ],
    }
  }
  return { ok: true, from, to }
}
