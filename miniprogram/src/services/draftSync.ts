import Taro from '@tarojs/taro'
import { newIdempotencyKey } from '../utils/ids'
import {
  type DraftStorage,
  helpDrafts,
  loadDraft,
  resubmitPending,
  type SubmitOutcome,
  submitDraft,
  type TicketDraft,
} from './draft'
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

// The report's draft and the help request's, each under its own key (draft.ts helpDrafts).
function draftStores(): DraftStorage[] {
  const storage = myDraftStorage()
  return storage ? [storage, helpDrafts(storage)] : []
}

export function hasPendingDraft(): boolean {
  return draftStores().some((s) => loadDraft(s)?.pending === true)
}

/** App start and page show: resend a draft that failed for network/server reasons. */
export function resendPendingDraft(): Promise<SubmitOutcome | null> {
  const stores = draftStores()
  if (!getToken() || stores.length === 0) return Promise.resolve(null)
  return once(async () => {
    let last: SubmitOutcome | null = null
    for (const s of stores) last = (await resubmitPending(s, createTicket, () => newIdempotencyKey())) ?? last
    return last
  })
}

export function sendDraft(draft: TicketDraft): Promise<SubmitOutcome | null> {
  const mine = myDraftStorage()
  const storage = mine && draft.kind === 'help' ? helpDrafts(mine) : mine
  if (!storage) return Promise.resolve(null)
  return once(() => submitDraft(storage, draft, createTicket, () => newIdempotencyKey()))
}

/**
 * Resends the pending drafts now (app start), whenever the phone is back online, and whenever the
 * app comes to the front. Triggers that fire together share one send (`once`, and `busy` so they
 * also share one outcome: one toast), and a resend keeps the draft's idempotency key, so a send
 * whose answer was lost cannot file twice either. Returns the function that stops listening.
 */
export function watchPendingDrafts(onOutcome: (outcome: SubmitOutcome | null) => void): () => void {
  let busy = false
  const resend = () => {
    if (busy) return
    busy = true
    resendPendingDraft()
      .then(onOutcome)
      .catch(() => undefined)
      .finally(() => {
        busy = false
      })
  }
  const onNetwork = (res: { isConnected: boolean }) => {
    if (res.isConnected) resend()
  }
  Taro.onNetworkStatusChange(onNetwork)
  Taro.onAppShow(resend)
  resend()
  return () => {
    Taro.offNetworkStatusChange(onNetwork)
    Taro.offAppShow(resend)
  }
}
