import { createHash } from 'node:crypto'
import {
  answersFor,
  type CreateTicketRequest,
  type FiledBy,
  type FileOnBehalfRequest,
  type FilingContact,
  filedByLine,
  type HelpRequestCategory,
  type HomeAddress,
  type HouseholdContext,
  handlesTicketKind,
  handlesTickets,
  inScope,
  type Me,
  type StaffTicket,
  situationOf,
  staffTicketView,
  type Ticket,
  type TicketAnswers,
  type TicketCategory,
  type TicketLocation,
  TRIAGE_RULES,
  type Triage,
  type TriageRules,
  triageHelpRequest,
  triageTicket,
  withPropertyDuty,
} from '@anju/shared'
import { getHouseholdForFiling } from '../db/household-address'
import { createOnce } from '../db/idempotency'
import { eventItem, followItem } from '../db/ticket-events'
import { ticketItem } from '../db/tickets'
import { ForbiddenError, NotFoundError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { verifyOwnPhotos } from './photos'
import { filedEvent } from './ticket-events'

// The one path that files a ticket — a resident's own, a help request, or one staff file for a
// household (walk-in or phone): triage, the ticket, its 'filed' event and its first follower,
// written exactly once (createOnce). docs/decisions/064-help-requests-are-tickets.md

/** What a ticket says, without the client's idempotency key. */
export type TicketBody = Omit<CreateTicketRequest, 'idempotencyKey'>

export interface Filing {
  /** Who files: the resident, or the staff member filing for the household. */
  filer: Me
  householdId: string
  address: HomeAddress
  household: HouseholdContext
  body: TicketBody
  idempotencyKey: string
  /** Set when staff file for the household. */
  filedBy?: FiledBy
  contact?: FilingContact
  /** The filer follows; a resident follower also lists the ticket under their household. */
  followerHouseholdId?: string
  /** Extra request fields that make a retry with another body a conflict (on-behalf fields). */
  hashExtra?: Record<string, unknown>
  /** What the caller, and a retry of theirs, gets back (residents: never the triage). */
  view: (ticket: StaffTicket) => Ticket
}

/** The shared triage rules with this deployment's property duty line, when it has one. */
export function triageRules(config: ServiceDeps['config']): TriageRules {
  return config.propertyDutyPhone ? withPropertyDuty(config.propertyDutyPhone) : TRIAGE_RULES
}

const HOME: TicketLocation = { kind: 'own_room' }

/** The answers a property category asks for; a help request asks none. */
function answersOf(body: TicketBody): TicketAnswers | undefined {
  return body.kind === 'help' ? undefined : answersFor(body.category as TicketCategory, body.answers)
}

/** Stable digest of what was asked, so a retry with an edited body is told apart from a replay. */
function requestHash(body: TicketBody, extra: Record<string, unknown> | undefined): string {
  const answers = answersOf(body) ?? {}
  // A property ticket without answers, photos or extras hashes as before these existed, so
  // older keys replay.
  const parts: unknown[] = [body.category, body.location, body.description]
  if (Object.keys(answers).length > 0) parts.push(answers)
  if (body.photos && body.photos.length > 0) parts.push({ photos: body.photos })
  if (body.kind === 'help') parts.push({ kind: 'help' })
  if (extra) parts.push(extra)
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url')
}

function triageOf(body: TicketBody, answers: TicketAnswers | undefined, f: Filing, at: string, rules: TriageRules) {
  if (body.kind === 'help') {
    return triageHelpRequest({ category: body.category as HelpRequestCategory, household: f.household, at }, rules)
  }
  return triageTicket(
    { category: body.category as TicketCategory, situation: situationOf(answers), household: f.household, at },
    rules,
  )
}

function buildTicket(deps: ServiceDeps, f: Filing, triage: Triage, answers: TicketAnswers | undefined, at: string) {
  const { body } = f
  const photos = body.photos ?? []
  const ticket: StaffTicket = {
    id: deps.newId(),
    householdId: f.householdId,
    address: f.address,
    ...(body.kind === 'help' ? { kind: 'help' as const } : {}),
    category: body.category,
    location: body.location ?? HOME,
    description: body.description ?? '',
    status: 'submitted',
    ...(answers ? { answers } : {}),
    emergency: triage.emergency,
    ...(photos.length > 0 ? { photos } : {}),
    createdAt: at,
    createdBy: f.filer.id,
    ...(f.filedBy ? { filedBy: f.filedBy } : {}),
    priority: triage.priority,
    deadline: triage.deadline,
    triageReasons: triage.reasons,
    ...(f.contact ? { contact: f.contact } : {}),
    followerCount: 1,
  }
  return ticket
}

/** Files the ticket once; a retry with the same key replays the first answer. */
export async function fileTicket(deps: ServiceDeps, f: Filing): Promise<{ created: boolean; ticket: Ticket }> {
  const now = deps.now()
  const at = toShanghaiIso(now)
  const answers = answersOf(f.body)
  const triage = triageOf(f.body, answers, f, at, triageRules(deps.config))
  const photos = f.body.photos ?? []
  // Only the filer's own folder is looked in: someone else's photo id is "not uploaded".
  if (photos.length > 0) await verifyOwnPhotos(deps, f.filer.id, photos)
  const ticket = buildTicket(deps, f, triage, answers, at)
  const filed = filedEvent(ticket, f.filer, deps.newId())
  const outcome = await createOnce(deps.db, {
    userId: f.filer.id,
    clientKey: f.idempotencyKey,
    requestHash: requestHash(f.body, f.hashExtra),
    operation: 'create_ticket',
    items: [
      ticketItem(ticket),
      eventItem(f.filedBy ? { ...filed, text: filedByLine(f.filedBy) } : filed),
      followItem({
        ticketId: ticket.id,
        userId: f.filer.id,
        ...(f.followerHouseholdId ? { householdId: f.followerHouseholdId } : {}),
        followedAt: at,
      }),
    ],
    result: f.view(ticket),
    now,
  })
  return { created: outcome.created, ticket: outcome.result }
}

/**
 * Staff file a ticket for a household of their scope (a resident came by or phoned). The
 * household's address and triage context are read beside the caller, so with the write this is
 * two round trips. A household outside the scope is "not found", as an unknown one.
 */
export async function fileOnBehalf(
  deps: ServiceDeps,
  caller: PendingCaller,
  req: FileOnBehalfRequest,
): Promise<{ created: boolean; ticket: Ticket }> {
  const { idempotencyKey, householdId, channel, contactName, contactPhone, ...body } = req
  const [me, household] = await alongside(caller, getHouseholdForFiling(deps.db, householdId))
  if (!handlesTickets(me.role)) throw new ForbiddenError('只有楼栋长、网格员和社区工作人员可以代为登记')
  if (!household || !inScope(me.scope, household.address.path)) throw new NotFoundError('找不到该住户')
  if (!handlesTicketKind(me.role, body.kind))
    throw new ForbiddenError('物业人员只能登记物业报修；为民办实事的求助请转给社区或楼栋长登记')
  const contact: FilingContact | undefined =
    contactName || contactPhone
      ? { ...(contactName ? { name: contactName } : {}), ...(contactPhone ? { phone: contactPhone } : {}) }
      : undefined
  return fileTicket(deps, {
    filer: me,
    householdId,
    address: household.address,
    household: household.context,
    body,
    idempotencyKey,
    filedBy: { userId: me.id, name: me.name, role: me.role, channel },
    contact,
    // No followerHouseholdId: the household's residents see it in their list by the ticket's own
    // GSI2; the staff member who took the call follows it, to pass the news on (decision 064).
    hashExtra: { householdId, channel, contact: contact ?? null },
    view: (t) => staffTicketView(me.role, t),
  })
}
