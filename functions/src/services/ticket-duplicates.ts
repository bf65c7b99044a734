import {
  duplicateReach,
  inScope,
  type Me,
  type MergeRefusal,
  type MergeTicketRequest,
  mergeRefusal,
  type SimilarTicket,
  type SimilarTicketsQuery,
  type StaffTicket,
  sameProblems,
  similarSummary,
  similarTicketView,
  staffTicketView,
  type TicketLocation,
} from '@anju/shared'
import { eventItem, followItem, outboxItem, readTicketPartition } from '../db/ticket-events'
import { listOpenTicketsOfBuilding, MERGE_MAX_ITEMS, MergeRefused, mergeTickets } from '../db/ticket-merge'
import { getTicket, listTicketsByHousehold } from '../db/tickets'
import { ConcurrentChangeError, ConflictError, NotFoundError, TicketNotFoundError, ValidationError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { messageFor, newEvent } from './ticket-events'
import { requireResident, staffMaySee } from './tickets'

// Duplicates (issue 5 item 3, docs/decisions/065-duplicates-and-merge.md): "已有人报告" while a
// resident reports, the staff's list of originals to merge into, and the merge itself.

/** How many "已有人报告" cards a resident is shown: a short list is read; a long one is not. */
const RESIDENT_LIMIT = 3

/**
 * Open reports of the same problem in the resident's building, as they may read them. The
 * household's list (for "already yours") is read beside the user by the token's household; the
 * building's tickets are one key-condition Query on GSI1: two round trips.
 */
export async function listSimilarForResident(
  deps: ServiceDeps,
  caller: PendingCaller,
  query: SimilarTicketsQuery,
): Promise<SimilarTicket[]> {
  const claimed = caller.claims.householdId
  const [me, prefetched] = await alongside(
    caller,
    claimed ? listTicketsByHousehold(deps.db, claimed) : Promise.resolve(undefined),
  )
  const { householdId, home } = requireResident(me, '只有住户可以查看同楼的报修')
  const location: TicketLocation = query.spot ? { kind: 'common_area', spot: query.spot } : { kind: 'own_room' }
  const { communityId, areaId, buildingId } = home.path
  if (duplicateReach(query.category, location) === 'none' || !communityId || !areaId || !buildingId) return []
  const [building, household] = await Promise.all([
    listOpenTicketsOfBuilding(deps.db, { communityId, areaId, buildingId, category: query.category }),
    prefetched && claimed === householdId ? prefetched : listTicketsByHousehold(deps.db, householdId),
  ])
  const mine = new Set([...household.tickets.map((t) => t.id), ...household.followedIds])
  const report = { buildingId, unitName: home.unitName, category: query.category, location }
  return sameProblems(building, report, RESIDENT_LIMIT).map((t) => similarTicketView(t, mine.has(t.id)))
}

/**
 * Staff: the open tickets of the same category in the same building as this one, oldest first,
 * to pick the original to merge it into. The ticket is read beside the user.
 */
export async function listSimilarForStaff(
  deps: ServiceDeps,
  caller: PendingCaller,
  ticketId: string,
): Promise<StaffTicket[]> {
  const [me, ticket] = await alongside(caller, getTicket(deps.db, ticketId))
  if (!ticket || !staffMaySee(me, ticket)) throw new TicketNotFoundError()
  const { communityId, areaId, buildingId } = ticket.address.path
  if (!communityId || !areaId || !buildingId) return []
  const open = await listOpenTicketsOfBuilding(deps.db, { communityId, areaId, buildingId, category: ticket.category })
  return open
    .filter((t) => t.id !== ticket.id && !t.hidden && staffMaySee(me, t))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .map((t) => staffTicketView(me.role, t))
}

class OriginalNotFoundError extends NotFoundError {
  constructor() {
    super('找不到要合并到的报修单')
  }
}

function refusalError(r: MergeRefusal): Error {
  return r.kind === 'input'
    ? new ValidationError(r.message, [{ path: 'into', message: r.message }])
    : new ConflictError(r.message)
}

/**
 * Folds a duplicate into its original: the duplicate becomes 已合并 (mergedInto), its followers
 * follow the original too (listed under their households, so it shows in their lists and they get
 * its later messages), both timelines say so, and the duplicate's followers are told once. Both
 * partitions are read beside the user; the write is one transaction that re-checks everything.
 */
export async function mergeTicket(
  deps: ServiceDeps,
  caller: PendingCaller,
  duplicateId: string,
  req: MergeTicketRequest,
): Promise<{ ticket: StaffTicket; original: StaffTicket }> {
  const [me, [dup, orig]] = await alongside(
    caller,
    Promise.all([
      readTicketPartition(deps.db, duplicateId, { events: false }),
      readTicketPartition(deps.db, req.into, { events: false }),
    ]),
  )
  const duplicate = dup.ticket
  // Residents and police are told "not found": handling tickets is not theirs.
  if (!duplicate || !staffMaySee(me, duplicate)) throw new TicketNotFoundError()
  const original = orig.ticket
  if (!original || !staffMaySee(me, original)) throw new OriginalNotFoundError()
  const refused = mergeRefusal(duplicate, original)
  if (refused) throw refusalError(refused)

  const at = toShanghaiIso(deps.now())
  const already = new Set(orig.followers.map((f) => f.userId))
  const joining = dup.followers.filter((f) => !already.has(f.userId))
  if (joining.length + 5 > MERGE_MAX_ITEMS) {
    throw new ConflictError(`关注这张报修单的住户太多（${joining.length} 户），无法一次合并，请联系管理员`)
  }
  const duplicateEvent = newEvent(deps, me, duplicate.id, {
    kind: 'merged',
    public: true,
    from: duplicate.status,
    to: 'merged',
    otherTicketId: original.id,
    text: `您报告的问题与同楼的报告合并处理（${similarSummary(original)}），之后的进展会继续通知您`,
  })
  const originalEvent = newEvent(deps, me, original.id, {
    kind: 'merged',
    public: true,
    otherTicketId: duplicate.id,
    text: joining.length > 0 ? `同楼的相同报告已并入，又有 ${joining.length} 户在等处理结果` : '同楼的相同报告已并入',
  })
  const duplicateAfter: StaffTicket = { ...duplicate, status: 'merged', mergedInto: original.id, updatedAt: at }
  const originalAfter: StaffTicket = {
    ...original,
    followerCount: (original.followerCount ?? 0) + joining.length,
    updatedAt: at,
  }
  const message = messageFor(
    duplicateAfter,
    duplicateEvent,
    dup.followers.map((f) => f.userId),
  )
  const { buildingId } = original.address.path
  try {
    await mergeTickets(deps.db, {
      duplicateId: duplicate.id,
      originalId: original.id,
      scope: me.scope,
      buildingId: buildingId as string,
      duplicateFollowerCount: duplicate.followerCount,
      duplicateSet: { status: 'merged', mergedInto: original.id, updatedAt: at },
      originalSet: { updatedAt: at },
      addFollowers: joining.length,
      items: [
        eventItem(duplicateEvent),
        eventItem(originalEvent),
        ...(message ? [outboxItem(message)] : []),
        ...joining.map((f) =>
          followItem({ ticketId: original.id, userId: f.userId, householdId: f.householdId, followedAt: at }),
        ),
      ],
    })
  } catch (err) {
    throw explain(err, me, duplicate, original)
  }
  return { ticket: staffTicketView(me.role, duplicateAfter), original: staffTicketView(me.role, originalAfter) }
}

/** A refused merge as the caller should hear it, judged on the state the transaction saw. */
function explain(err: unknown, me: Me, duplicate: StaffTicket, original: StaffTicket): unknown {
  if (!(err instanceof MergeRefused)) return err
  const old = err.old
  if (err.which === 'duplicate' && (!old || !inScope(me.scope, old.address.path))) return new TicketNotFoundError()
  if (err.which === 'original' && (!old || !inScope(me.scope, old.address.path))) return new OriginalNotFoundError()
  const refused =
    err.which === 'duplicate' ? mergeRefusal(old as StaffTicket, original) : mergeRefusal(duplicate, old as StaffTicket)
  // Nothing wrong with either now: a 我也遇到 slipped in between the read and the write.
  return refused ? refusalError(refused) : new ConcurrentChangeError()
}
