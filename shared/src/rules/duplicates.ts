// Duplicates (issue 5 item 3): which open tickets a resident is shown as "已有人报告" while
// reporting, what they may read of them, and which merges staff may make. The time-window keys in
// triage.ts (`duplicateKey`, `isSameReport`) say "reported twice within two hours"; a resident
// needs "this is still broken and someone is on it", so here the window is the ticket being open
// (docs/decisions/065-duplicates-and-merge.md).

import {
  type CommonSpot,
  describeLocation,
  type StaffTicket,
  TICKET_CATEGORY_LABELS,
  TICKET_STATUS_LABELS,
  type TicketCategory,
  type TicketLocation,
  type TicketStatus,
} from '../schemas/ticket'
import { isOpenTicket } from './ticket-inbox'

/** How far a report reaches: nobody else (own room), its unit, or the whole building. */
export type DuplicateReach = 'none' | 'unit' | 'building'

/** Supplies cut for one are usually cut for the whole building. */
export const BUILDING_WIDE_CATEGORIES: readonly TicketCategory[] = ['water', 'power', 'gas']
/** Places every unit of the building shares. 电梯间, 楼梯间, 楼道, 单元门口 belong to one unit. */
export const BUILDING_WIDE_SPOTS: readonly CommonSpot[] = ['roof', 'basement', 'outside']

export function duplicateReach(category: TicketCategory, location: TicketLocation): DuplicateReach {
  // A problem in someone's own home is theirs alone, and another home's report is private.
  if (location.kind === 'own_room') return 'none'
  if (BUILDING_WIDE_CATEGORIES.includes(category) || BUILDING_WIDE_SPOTS.includes(location.spot)) return 'building'
  return 'unit'
}

/** Where a report is about to be made: the resident's home and what they picked. */
export interface ReportPlace {
  buildingId: string
  unitName: string
  category: TicketCategory
  location: TicketLocation
}

// Structural on purpose: a stored ticket may also be a help request (kind 'help', a help category).
interface Candidate extends Pick<StaffTicket, 'id' | 'location' | 'status' | 'hidden' | 'address' | 'createdAt'> {
  kind?: string
  category: string
}

/**
 * Whether an open ticket may be the problem a resident is about to report: same building and
 * category, both in common areas, and either the same unit or both reaching the whole building.
 */
export function isSameProblem(ticket: Candidate, report: ReportPlace): boolean {
  // A help request (为民办实事) is one household's own need, never someone else's duplicate.
  if (ticket.hidden || ticket.kind === 'help' || !isOpenTicket(ticket)) return false
  if (ticket.category !== report.category || ticket.address.path.buildingId !== report.buildingId) return false
  const mine = duplicateReach(report.category, report.location)
  const theirs = duplicateReach(report.category, ticket.location)
  if (mine === 'none' || theirs === 'none') return false
  if (mine === 'building' && theirs === 'building') return true
  return ticket.address.unitName === report.unitName
}

/** The same problem, oldest first (the first report is the one the others join), at most `limit`. */
export function sameProblems<T extends Candidate>(tickets: readonly T[], report: ReportPlace, limit = 3): T[] {
  return tickets
    .filter((t) => isSameProblem(t, report))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .slice(0, limit)
}

/** One line a resident may read: '5栋1单元 电梯间 · 电梯 · 处理中'. Never the description. */
export function similarSummary(ticket: Pick<Candidate, 'address' | 'location' | 'category' | 'status'>): string {
  return [
    describeLocation(ticket.address, ticket.location),
    // Only property tickets are ever summarised here (isSameProblem, mergeRefusal).
    TICKET_CATEGORY_LABELS[ticket.category as TicketCategory],
    TICKET_STATUS_LABELS[ticket.status],
  ].join(' · ')
}

/** What a resident is shown of another household's open ticket: no text, no name, no triage. */
export interface SimilarTicketView {
  id: string
  summary: string
  category: TicketCategory
  status: TicketStatus
  followerCount: number
  following: boolean
  createdAt: string
}

export function similarTicketView(
  ticket: Candidate & { followerCount?: number },
  following: boolean,
): SimilarTicketView {
  return {
    id: ticket.id,
    summary: similarSummary(ticket),
    // isSameProblem never offers a help request, so what is shown here is a property category.
    category: ticket.category as TicketCategory,
    status: ticket.status,
    followerCount: ticket.followerCount ?? 1,
    following,
    createdAt: ticket.createdAt,
  }
}

/** Why a merge of `duplicate` into `original` is refused: 'input' is the caller's mistake (400). */
export interface MergeRefusal {
  kind: 'input' | 'state'
  message: string
}

type Mergeable = Pick<Candidate, 'id' | 'kind' | 'category' | 'status' | 'hidden' | 'address'>

/** Staff may fold an open ticket into another open one of the same category and building. */
export function mergeRefusal(duplicate: Mergeable, original: Mergeable): MergeRefusal | undefined {
  if (duplicate.id === original.id) return { kind: 'input', message: '不能把报修单合并到它自己' }
  if (duplicate.address.path.buildingId !== original.address.path.buildingId)
    return { kind: 'input', message: '只能合并同一栋楼的报修单' }
  // Help requests (为民办实事) are one household's own need: nothing to fold together.
  if (duplicate.kind === 'help' || original.kind === 'help')
    return { kind: 'input', message: '为民办实事的求助不能合并' }
  if (duplicate.category !== original.category) return { kind: 'input', message: '只能合并同一类问题的报修单' }
  if (!isOpenTicket(duplicate))
    return { kind: 'state', message: `报修单当前状态为“${TICKET_STATUS_LABELS[duplicate.status]}”，无法合并` }
  if (!isOpenTicket(original))
    return {
      kind: 'state',
      message: `要合并到的报修单状态为“${TICKET_STATUS_LABELS[original.status]}”，只能合并到未办结的报修单`,
    }
  if (duplicate.hidden || original.hidden) return { kind: 'state', message: '已隐藏的报修单不能合并' }
  return undefined
}
