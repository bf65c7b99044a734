import { newIdempotencyKey } from '../utils/ids'
import { type ApplyOutcome, pendingApplies, resendPendingApplies, submitApply, unlessSending } from './jobApply'
import { applyToJob } from './jobs'
import { getToken } from './session'
import { myDraftStorage } from './storage'

// The Taro side of jobApply.ts: the signed-in person's storage, the real sender, one send at a
// time (a double tap, or a tap while a page show resends, must not race the same key).

let inFlight: Promise<unknown> | null = null

function once<T>(run: () => Promise<T>): Promise<T> {
  const next = (inFlight ?? Promise.resolve()).then(run, run)
  inFlight = next.finally(() => {
    if (inFlight === next) inFlight = null
  })
  return next
}

export function sendApply(postingId: string): Promise<ApplyOutcome | null> {
  const storage = myDraftStorage()
  if (!storage) return Promise.resolve(null)
  // A tap while this posting is being sent is ignored: one send, one key.
  return unlessSending(postingId, () =>
    once(() => submitApply(storage, postingId, applyToJob, () => newIdempotencyKey())),
  )
}

export function hasPendingApplies(): boolean {
  const storage = myDraftStorage()
  return storage !== null && pendingApplies(storage).length > 0
}

/** Page show: resend applications a lost network left pending. */
export function resendApplies(): Promise<ApplyOutcome[]> {
  const storage = myDraftStorage()
  if (!storage || !getToken() || pendingApplies(storage).length === 0) return Promise.resolve([])
  return once(() => resendPendingApplies(storage, applyToJob, () => newIdempotencyKey()))
}
