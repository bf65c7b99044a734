import { createHash } from 'node:crypto'
import {
  answersOfAttributes,
  type FieldError,
  helpEmergencyCall,
  inScope,
  localDateOf,
  type Me,
  OPEN311_FILER_PREFIX,
  OPEN311_MAX_REQUESTS,
  type Open311CreatedRequest,
  Open311CreateRequest,
  type Open311ListQuery,
  type Open311ServiceRequest,
  open311DateRange,
  open311ServiceNotice,
  type StaffTicket,
  serviceCodeOf,
  type TicketAnswers,
  targetOfServiceCode,
  ticketEmergencyCall,
  toFieldErrors,
  toServiceRequest,
} from '@anju/shared'
import { type ApiKeyRecord, getApiKey } from '../db/api-keys'
import { getHouseholdForFiling } from '../db/household-address'
import { getTicket, listTicketsByGrid } from '../db/tickets'
import { ForbiddenError, TicketNotFoundError, ValidationError } from '../errors'
import { communitiesOf } from '../grid/communities'
import type { ServiceDeps } from './deps'
import { fileTicket, triageRules } from './ticket-filing'
import { residentView } from './tickets'

// Open311 GeoReport v2 (docs/decisions/063-open311.md): civic-tech clients read the tickets of an
// API key's scope and file tickets for its households. Every answer goes through the shared
// toServiceRequest, which carries nothing personal; the route turns errors into Open311's format.

const INVALID = '请检查提交的内容'

/** A caller without a key is refused before anything else is looked at (403, as the spec says). */
function presentKey(key: string | undefined): string {
  if (!key) throw new ForbiddenError('缺少 API 密钥（api_key）')
  return key
}

/** The key's record; 403 for a key nobody issued. */
async function requireKey(deps: ServiceDeps, key: string): Promise<ApiKeyRecord> {
  const record = await getApiKey(deps.db, key)
  if (!record) throw new ForbiddenError('API 密钥（api_key）无效')
  return record
}

function refuse(errors: FieldError[]): never {
  throw new ValidationError(INVALID, errors)
}

/** Whether the key may see the ticket: inside its scope, and not hidden by staff. */
function visibleTo(record: ApiKeyRecord, ticket: StaffTicket | undefined): ticket is StaffTicket {
  if (!ticket || ticket.hidden) return false
  return inScope(record.scope, ticket.address.path)
}

/** The service codes a list asks for, each one we offer; undefined for all. */
function serviceCodes(codes: string[] | undefined): Set<string> | undefined {
  if (!codes) return undefined
  for (const code of codes) {
    if (!targetOfServiceCode(code)) {
      refuse([{ path: 'service_code', message: `服务代码（service_code）无效：没有“${code}”这项服务` }])
    }
  }
  return new Set(codes)
}

/** The requests named by id (the spec: service_request_id overrides every other filter). */
async function requestsById(deps: ServiceDeps, key: string, ids: string[]) {
  // The key and the tickets are read at once: one round trip; nothing leaves before the key is checked.
  const [record, tickets] = await Promise.all([
    requireKey(deps, key),
    Promise.all(ids.map((id) => getTicket(deps.db, id))),
  ])
  return tickets.filter((t) => visibleTo(record, t)).map(toServiceRequest)
}

/**
 * GET requests.json: newest first, at most 1000, inside the key's scope. One Query per community
 * of the scope (in parallel), never a Scan; the Open311 filters are applied here.
 */
export async function listServiceRequests(
  deps: ServiceDeps,
  key: string | undefined,
  query: Open311ListQuery,
): Promise<Open311ServiceRequest[]> {
  const present = presentKey(key)
  if (query.service_request_id) return requestsById(deps, present, query.service_request_id)
  const codes = serviceCodes(query.service_code)
  const range = open311DateRange(query, deps.now())
  if (!range.ok) refuse(range.errors)
  const statuses = query.status ? new Set(query.status) : undefined
  const record = await requireKey(deps, present)
  const { scope } = record
  const communityIds = scope.communityId ? [scope.communityId] : communitiesOf(scope.subdistrictId).map((c) => c.id)
  const lists = await Promise.all(
    communityIds.map((communityId) =>
      listTicketsByGrid(deps.db, { communityId, areaId: scope.areaId, buildingId: scope.buildingId }),
    ),
  )
  return lists
    .flat()
    .filter((t) => visibleTo(record, t))
    .filter((t) => !codes || codes.has(serviceCodeOf(t)))
    .filter((t) => {
      const at = Date.parse(t.createdAt)
      return at >= range.from && at <= range.to
    })
    .map(toServiceRequest)
    .filter((r) => !statuses || statuses.has(r.status))
    .sort((a, b) => Date.parse(b.requested_datetime) - Date.parse(a.requested_datetime))
    .slice(0, OPEN311_MAX_REQUESTS)
}

/** GET requests/{id}.json: absent, hidden and out-of-scope tickets are all 404 (existence not leaked). */
export async function getServiceRequest(
  deps: ServiceDeps,
  key: string | undefined,
  id: string,
): Promise<Open311ServiceRequest[]> {
  const found = await requestsById(deps, presentKey(key), [id])
  if (found.length === 0) throw new TicketNotFoundError()
  return found
}

/** A key for the idempotency record: per household, from the client's key or else from the body. */
function filingKey(body: Open311CreateRequest, answers: TicketAnswers, now: Date): string {
  // Without a client key, the same report for the same home on the same Beijing day is one ticket:
  // a client retrying after a timeout must not file twice.
  const source =
    body.idempotency_key ?? JSON.stringify([body.service_code, body.description, answers, localDateOf(now)])
  return createHash('sha256').update(`${body.address_id}\n${source}`).digest('base64url').slice(0, 43)
}

/** Staff-side: the key files like a staff member of its scope would, never as a resident. */
function filerOf(record: ApiKeyRecord): Me {
  const role = record.scope.communityId ? 'community_staff' : 'subdistrict_admin'
  return { id: `${OPEN311_FILER_PREFIX}${record.keyId}`, name: record.name, role, scope: record.scope }
}

/**
 * POST requests.json: files a ticket (or a help request, `help.<category>`) for the household
 * `address_id` inside the key's scope, through the one filing path (ticket-filing.ts): the same
 * triage and exactly-once write as the app. The filer is the key (`createdBy: open311-<keyId>`).
 * 201 when created, 200 when a retry replays it.
 */
export async function fileServiceRequest(
  deps: ServiceDeps,
  key: string | undefined,
  raw: Record<string, unknown>,
): Promise<{ created: boolean; response: Open311CreatedRequest[] }> {
  const present = presentKey(key)
  const parsed = Open311CreateRequest.safeParse(raw)
  if (!parsed.success) refuse(toFieldErrors(parsed.error))
  const body = parsed.data
  const target = targetOfServiceCode(body.service_code)
  if (!target) {
    refuse([{ path: 'service_code', message: `服务代码（service_code）无效：没有“${body.service_code}”这项服务` }])
  }
  const answers = answersOfAttributes(target, body.attribute)
  if (!answers.ok) refuse(answers.errors)
  const [record, household] = await Promise.all([
    requireKey(deps, present),
    getHouseholdForFiling(deps.db, body.address_id),
  ])
  // An unknown household and one outside the key's scope get the same answer.
  if (!household || !inScope(record.scope, household.address.path)) {
    refuse([{ path: 'address_id', message: '住户编号（address_id）无效：找不到该住户，或不在本密钥的范围内' }])
  }
  const { created, ticket } = await fileTicket(deps, {
    filer: filerOf(record),
    householdId: body.address_id,
    address: household.address,
    household: household.context,
    body: {
      ...(target.kind === 'help' ? { kind: 'help' as const } : {}),
      category: target.category,
      location: { kind: 'own_room' },
      description: body.description,
      ...(target.kind === 'property' ? { answers: answers.answers } : {}),
    },
    idempotencyKey: filingKey(body, answers.answers, deps.now()),
    // What the idempotency record keeps for a replay: no triage in it, as for a resident.
    view: residentView,
  })
  const rules = triageRules(deps.config)
  const emergency =
    target.kind === 'help'
      ? helpEmergencyCall(target.category, rules)
      : ticketEmergencyCall(target.category, answers.answers, rules)
  return { created, response: [{ service_request_id: ticket.id, service_notice: open311ServiceNotice(emergency) }] }
}
