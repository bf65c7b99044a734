import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  inboxPage,
  type ListTicketsQuery,
  type Me,
  type Ranked,
  type StaffTicket,
  type TicketListResponse,
} from '@anju/shared'
import { ValidationError } from '../errors'
import { toShanghaiIso } from '../time'
import type { ServiceDeps } from './deps'
import { listScopeTickets } from './tickets'

// The staff inbox in pages (decision 067). The triage order depends on `now` (what is overdue),
// so it cannot be a key order: every page reads the whole filtered scope (one Query per community,
// no Limit, so a filter can never starve a page), sorts it, and starts after the cursor's ticket.
// The cursor carries the first page's `now`, so the order does not shift between pages, and the
// last ticket's ranked fields, so the place survives that ticket changing. It is signed: a
// client can only hand back what the server gave it.

export const INBOX_PAGE_DEFAULT = 20

interface CursorBody {
  /** The order's clock: the first page's now. */
  n: string
  /** The last ticket shown, as the order ranks it. */
  a: Ranked
  /** The filters it was issued for. */
  q: string
}

const filtersOf = (q: ListTicketsQuery) => {
  const { limit: _l, cursor: _c, ...filters } = q
  // A blank filter (`status=`) and an absent one are the same filter.
  const set = Object.entries(filters).filter(([, v]) => v !== undefined)
  return JSON.stringify(set.sort(([x], [y]) => (x < y ? -1 : 1)))
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', `inbox-cursor:${secret}`).update(payload).digest().subarray(0, 16)

export function encodeCursor(secret: string, body: CursorBody): string {
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url')
  return `${payload}.${sign(secret, payload).toString('base64url')}`
}

function badCursor(message = '翻页位置（cursor）无效，请从第一页重新读取'): never {
  throw new ValidationError(message, [{ path: 'cursor', message }])
}

export function decodeCursor(secret: string, cursor: string, filters: string): CursorBody {
  const [payload, mac, extra] = cursor.split('.')
  if (!payload || !mac || extra !== undefined) badCursor()
  const given = Buffer.from(mac, 'base64url')
  const expected = sign(secret, payload)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) badCursor()
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody
  if (body.q !== filters) badCursor('翻页位置（cursor）属于另一组筛选条件，请从第一页重新读取')
  return body
}

function wanted(t: StaffTicket, q: ListTicketsQuery, me: Me): boolean {
  if (t.hidden && q.includeHidden !== true) return false
  if (q.assignee === 'me' && t.assignee?.userId !== me.id) return false
  if (q.assignee === 'none' && t.assignee !== undefined) return false
  if (q.assignee === 'property_company' && t.assignee?.kind !== 'property_company') return false
  return true
}

/** GET /api/tickets: one page of the caller's inbox; `nextCursor` only when more follow. */
export async function listInbox(deps: ServiceDeps, me: Me, query: ListTicketsQuery = {}): Promise<TicketListResponse> {
  const secret = deps.config.jwtSecret
  const filters = filtersOf(query)
  const after = query.cursor ? decodeCursor(secret, query.cursor, filters) : undefined
  const now = after?.n ?? toShanghaiIso(deps.now())
  const limit = Math.floor(query.limit ?? INBOX_PAGE_DEFAULT)
  const all = (await listScopeTickets(deps, me, query)).filter((t) => wanted(t, query, me))
  const page = inboxPage(all, now, limit, after?.a)
  return page.last
    ? { tickets: page.items, nextCursor: encodeCursor(secret, { n: now, a: page.last, q: filters }) }
    : { tickets: page.items }
}
