import {
  type CommonSpot,
  type MergeTicketResponse,
  MergeTicketResponse as MergeTicketResponseSchema,
  type SimilarTicket,
  SimilarTicketsResponse,
  type StaffTicket,
  TicketListResponse,
  TicketResponse,
} from '@anju/shared'
import { ConflictError, isRetryable, NotFoundError } from './errors'
import { request } from './http'

// Duplicates (issue 5 item 3): "已有人报告" on the report page, 我也遇到, and the staff's merge.

/** Open reports of the same problem in the resident's building; none for their own home. */
export async function listSimilar(category: string, spot?: CommonSpot): Promise<SimilarTicket[]> {
  const query = `category=${encodeURIComponent(category)}${spot ? `&spot=${encodeURIComponent(spot)}` : ''}`
  return (await request('GET', `/tickets/similar?${query}`, SimilarTicketsResponse)).tickets
}

/** 我也遇到; answers how many now follow it (the count the card shows). */
export async function followTicket(id: string): Promise<number | undefined> {
  return (await request('POST', `/tickets/${encodeURIComponent(id)}/follow`, TicketResponse)).ticket.followerCount
}

/** Staff: open tickets of the same category in the same building, oldest first. */
export async function listSimilarForStaff(id: string): Promise<StaffTicket[]> {
  return (await request('GET', `/tickets/${encodeURIComponent(id)}/similar`, TicketListResponse)).tickets
}

export async function mergeTicket(id: string, into: string): Promise<MergeTicketResponse> {
  return request('POST', `/tickets/${encodeURIComponent(id)}/merge`, MergeTicketResponseSchema, { into })
}

export type FollowOutcome =
  | { kind: 'followed'; message: string }
  | { kind: 'retry'; message: string }
  | { kind: 'gone'; message: string }
  | { kind: 'failed'; message: string }

export const FOLLOWED_MESSAGE = '好的，已记下您家也遇到这个问题。有进展会告诉您，可以在“我的报修”里看。'
export const FOLLOW_RETRY_MESSAGE = '网络不好，没有记上。已经帮您记着，下次打开会自动再试，也可以现在再点一次。'
export const FOLLOW_GONE_MESSAGE = '这件事已经处理完了，或者找不到了。如果还是坏的，请在下面自己报修。'

/**
 * What a tap on 我也遇到 came to, in words for the resident. Following is idempotent: 409
 * ("already") means the household is already told of its progress, which is what they wanted.
 */
export async function followOutcome(follow: () => Promise<unknown>): Promise<FollowOutcome> {
  try {
    await follow()
    return { kind: 'followed', message: FOLLOWED_MESSAGE }
  } catch (err) {
    if (err instanceof ConflictError && /已经报告过/.test(err.message)) {
      return { kind: 'followed', message: FOLLOWED_MESSAGE }
    }
    if (err instanceof ConflictError || err instanceof NotFoundError)
      return { kind: 'gone', message: FOLLOW_GONE_MESSAGE }
    if (isRetryable(err)) return { kind: 'retry', message: FOLLOW_RETRY_MESSAGE }
    return { kind: 'failed', message: (err as Error).message }
  }
}

/** A 我也遇到 that could not be sent, kept to be sent again (like a report's draft). */
export interface PendingFollows {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

export const PENDING_FOLLOWS_KEY = 'anju.pendingFollows'

export function pendingFollows(storage: PendingFollows): string[] {
  const value = storage.get(PENDING_FOLLOWS_KEY)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function rememberFollow(storage: PendingFollows, id: string): void {
  const ids = pendingFollows(storage)
  if (!ids.includes(id)) storage.set(PENDING_FOLLOWS_KEY, [...ids, id])
}

export function forgetFollow(storage: PendingFollows, id: string): void {
  const ids = pendingFollows(storage).filter((x) => x !== id)
  if (ids.length > 0) storage.set(PENDING_FOLLOWS_KEY, ids)
  else storage.remove(PENDING_FOLLOWS_KEY)
}

/** Sends the follows kept after a failure; those that still fail for the network stay kept. */
export async function resendFollows(storage: PendingFollows, follow: (id: string) => Promise<unknown>) {
  for (const id of pendingFollows(storage)) {
    const outcome = await followOutcome(() => follow(id))
    if (outcome.kind !== 'retry') forgetFollow(storage, id)
  }
}

/** '3 户遇到' — the count a resident reads beside the summary. */
export const householdsLine = (n: number) => (n <= 1 ? '1 户遇到' : `${n} 户遇到`)

/** What the resident hears: the reports, then what the big button does. */
export function similarSpoken(tickets: SimilarTicket[]): string {
  const lines = tickets.map((t) => `${t.summary.split(' · ').join('，')}，${householdsLine(t.followerCount)}。`)
  return `已有人报告：${lines.join('')}如果是同一件事，点“我也遇到”，不用再写，有进展会告诉您。不是同一件事，请接着往下填。`
}
