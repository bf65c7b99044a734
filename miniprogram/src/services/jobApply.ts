// 一键报名 with its own idempotency key per posting, kept in storage like a ticket draft
// (decision 011): the key is chosen before the first send, so a retry after a lost answer reuses
// it and the server answers with the one application. A network/5xx failure marks the entry
// pending; pending entries are resent when the job pages are shown again. Pure: storage and the
// sender are passed in, so it is tested in plain jest.
import { type ApplyResponse, IdempotencyKey } from '@anju/shared'
import * as z from 'zod'
import type { DraftStorage } from './draft'
import { ConflictError, isRetryable } from './errors'

export const APPLY_STORAGE_KEY = 'anju.jobApplies'
export const APPLY_RETRY_MESSAGE = '网络不好，报名已保存，稍后自动重试'

const ApplyEntry = z.object({ idempotencyKey: IdempotencyKey, pending: z.boolean() })
export type ApplyEntry = z.infer<typeof ApplyEntry>
const ApplyEntries = z.record(z.string(), ApplyEntry)
type ApplyEntries = z.infer<typeof ApplyEntries>

export type ApplyOutcome =
  /** `resent`: the stored key was reused (an earlier send of this phone may have landed). */
  | { kind: 'sent'; response: ApplyResponse; resent: boolean }
  | { kind: 'saved'; message: string }
  /** 409: closed or expired; the message is the server's, in Chinese. */
  | { kind: 'closed'; message: string }
  | { kind: 'failed'; message: string }

export type ApplySender = (postingId: string, idempotencyKey: string) => Promise<ApplyResponse>

function load(storage: DraftStorage): ApplyEntries {
  const parsed = ApplyEntries.safeParse(storage.get(APPLY_STORAGE_KEY))
  return parsed.success ? parsed.data : {}
}

function put(storage: DraftStorage, postingId: string, entry: ApplyEntry | undefined): void {
  const entries = load(storage)
  if (entry) entries[postingId] = entry
  else delete entries[postingId]
  if (Object.keys(entries).length === 0) storage.remove(APPLY_STORAGE_KEY)
  else storage.set(APPLY_STORAGE_KEY, entries)
}

export function applyEntry(storage: DraftStorage, postingId: string): ApplyEntry | undefined {
  return load(storage)[postingId]
}

/** Postings whose application is waiting to be resent. */
export function pendingApplies(storage: DraftStorage): string[] {
  return Object.entries(load(storage))
    .filter(([, e]) => e.pending)
    .map(([id]) => id)
}

/**
 * Sends the application with the posting's stored key (a fresh one is stored first). Success or a
 * refusal clears the entry; only a network/server failure keeps it, pending, for a resend.
 */
export async function submitApply(
  storage: DraftStorage,
  postingId: string,
  send: ApplySender,
  makeKey: () => string,
): Promise<ApplyOutcome> {
  const stored = applyEntry(storage, postingId)
  const entry = stored ?? { idempotencyKey: makeKey(), pending: false }
  put(storage, postingId, entry)
  try {
    const response = await send(postingId, entry.idempotencyKey)
    put(storage, postingId, undefined)
    return { kind: 'sent', response, resent: stored !== undefined }
  } catch (err) {
    if (isRetryable(err)) {
      put(storage, postingId, { ...entry, pending: true })
      return { kind: 'saved', message: APPLY_RETRY_MESSAGE }
    }
    put(storage, postingId, undefined)
    const message = err instanceof Error ? err.message : '报名没有成功'
    return err instanceof ConflictError ? { kind: 'closed', message } : { kind: 'failed', message }
  }
}

/** Page show: resends every pending application, one after another, each with its own key. */
export async function resendPendingApplies(
  storage: DraftStorage,
  send: ApplySender,
  makeKey: () => string,
): Promise<ApplyOutcome[]> {
  const outcomes: ApplyOutcome[] = []
  for (const id of pendingApplies(storage)) outcomes.push(await submitApply(storage, id, send, makeKey))
  return outcomes
}

// Postings whose application is on its way: a second tap meanwhile is ignored, so a double tap is
// one send with one key (a queued second send would find the key cleared and make a new one).
const sending = new Set<string>()

/** Runs `send` unless this posting's application is already being sent (then null: ignore the tap). */
export function unlessSending<T>(postingId: string, send: () => Promise<T>): Promise<T | null> {
  if (sending.has(postingId)) return Promise.resolve(null)
  sending.add(postingId)
  return send().finally(() => sending.delete(postingId))
}

/** An application made this long ago or less is the one just sent (a lost answer, a double tap). */
export const JUST_APPLIED_MS = 10 * 60 * 1000

/**
 * The toast after 一键报名: 报名成功 when it made the application; 已报名 when the server already had
 * it but it is this phone's (a resend with the stored key) or was made moments ago; 已经报过名了
 * only for an application made earlier (another phone, a page open since).
 */
export function applyToast(outcome: { response: ApplyResponse; resent: boolean }, now = Date.now()): string {
  if (outcome.response.created) return '报名成功'
  const at = Date.parse(outcome.response.application.appliedAt)
  const recent = Number.isFinite(at) && Math.abs(now - at) <= JUST_APPLIED_MS
  return outcome.resent || recent ? '已报名' : '已经报过名了'
}
