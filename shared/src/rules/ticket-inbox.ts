// The order of the staff triage inbox: overdue open tickets first, then by priority, then by the
// nearest deadline. Closed tickets sink to the bottom, newest first.

import type { Priority } from '../schemas/help-request'
import type { StaffTicket, TicketStatus } from '../schemas/ticket'

export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['submitted', 'acknowledged', 'in_progress']
// resolved, cannot_handle, not_our_department, closed and merged are all closed.
const PRIORITY_RANK: Record<Priority, number> = { immediate: 0, urgent: 1, normal: 2, low: 3 }

/** What the inbox order looks at: a page cursor carries these of its last ticket. */
export type Ranked = Pick<StaffTicket, 'id' | 'status' | 'priority' | 'deadline' | 'createdAt'>

export const isOpenTicket = (t: Pick<StaffTicket, 'status'>): boolean => OPEN_TICKET_STATUSES.includes(t.status)

/** An open ticket whose deadline has passed at `now` (ISO instant). */
export function isOverdue(t: Pick<StaffTicket, 'status' | 'deadline'>, now: string): boolean {
  return isOpenTicket(t) && t.deadline !== undefined && Date.parse(t.deadline) < Date.parse(now)
}

function group(t: Ranked, now: string): number {
  if (!isOpenTicket(t)) return 2
  return isOverdue(t, now) ? 0 : 1
}

// Tickets filed before triage existed have no priority or deadline: normal, after dated ones.
const deadlineOf = (t: Ranked) => (t.deadline === undefined ? Number.POSITIVE_INFINITY : Date.parse(t.deadline))

function compare(a: Ranked, b: Ranked, now: string): number {
  const g = group(a, now) - group(b, now)
  if (g !== 0) return g
  if (group(a, now) === 2) return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1
  const p = PRIORITY_RANK[a.priority ?? 'normal'] - PRIORITY_RANK[b.priority ?? 'normal']
  if (p !== 0) return p
  // Compared, not subtracted: two tickets without a deadline would give Infinity - Infinity = NaN,
  // which a sort reads as a tie and a page cursor as "not after".
  const da = deadlineOf(a)
  const db = deadlineOf(b)
  if (da !== db) return da < db ? -1 : 1
  return a.id < b.id ? -1 : 1
}

/** A sorted copy for the triage inbox. */
export function inboxOrder<T extends Ranked>(tickets: readonly T[], now: string): T[] {
  return [...tickets].sort((a, b) => compare(a, b, now))
}

/** The fields of a ticket the inbox order uses: what a cursor remembers of the last ticket shown. */
export function rankOf(t: Ranked): Ranked {
  const { id, status, priority, deadline, createdAt } = t
  return { id, status, createdAt, ...(priority ? { priority } : {}), ...(deadline ? { deadline } : {}) }
}

/**
 * One page of the inbox: the tickets that come after `after` in inboxOrder at `now` (from the top
 * without it), at most `limit`, and the rank of the last one when more follow. The order is exact
 * across pages as long as every page uses the first page's `now`; a ticket that changed since is
 * placed by its new state, and the position survives the last ticket itself changing or vanishing.
 */
export function inboxPage<T extends Ranked>(
  tickets: readonly T[],
  now: string,
  limit: number,
  after?: Ranked,
): { items: T[]; last?: Ranked } {
  // The last ticket itself was shown already, whatever its state now (ties never compare equal).
  const rest = after ? tickets.filter((t) => t.id !== after.id && compare(t, after, now) > 0) : tickets
  const sorted = inboxOrder(rest, now)
  const items = sorted.slice(0, limit)
  return sorted.length > limit ? { items, last: rankOf(items[items.length - 1]) } : { items }
}
