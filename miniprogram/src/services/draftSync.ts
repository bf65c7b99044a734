import { newIdempotencyKey } from '../utils/ids'
import { loadDraft, resubmitPending, type SubmitOutcome, submitDraft, type TicketDraft } from './draft'
import { getToken } from './session'
import { myDraftStorage } from './storage'
import { createTicket } from './tickets'

let inFlight: Promise<SubmitOutcome | null> | null = null

/** One send at a time, whether the user tapped retry or a page show / app start fired it. */
function once(run: () => Promise<SubmitOutcome | null>): Promise<SubmitOutcome | null> {
  if (!inFlight) {
    inFlight = run().finally(() => {
      inFlight = null
    })
  }
  return inFlight
}

export function hasPendingDraft(): boolean {
  const storage = myDraftStorage()
  return storage !== null && loadDraft(storage)?.pending === true
}

/** App start and page show: resend a draft that failed for network/server reasons. */
export function resendPendingDraft(): Promise<SubmitOutcome | null> {
  const storage = myDraftStorage()
  if (!getToken() || !storage) return Promise.resolve(null)
  return once(() => resubmitPending(storage, createTicket, () => newIdempotencyKey()))
}

export function sendDraft(draft: TicketDraft): Promise<SubmitOutcome | null> {
  const storage = myDraftStorage()
  if (!storage) return Promise.resolve(null)
  return once(() => submitDraft(storage, draft, createTicket, () => newIdempotencyKey()))
}
