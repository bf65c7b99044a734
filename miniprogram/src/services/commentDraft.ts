import type { DraftStorage } from './draft'

// A comment that failed to send is kept with its idempotency key, per person and per ticket, so
// the resend (even after the page was closed) posts it once (the server dedupes on the key).

const KEY = 'anju.commentDraft'

export interface CommentDraft {
  text: string
  idempotencyKey: string
  public: boolean
}

const keyOf = (ticketId: string) => `${KEY}.${ticketId}`

export function loadCommentDraft(storage: DraftStorage | null, ticketId: string): CommentDraft | undefined {
  const value = storage?.get(keyOf(ticketId)) as Partial<CommentDraft> | undefined
  if (!value || typeof value.text !== 'string' || typeof value.idempotencyKey !== 'string') return undefined
  return { text: value.text, idempotencyKey: value.idempotencyKey, public: value.public !== false }
}

export function saveCommentDraft(storage: DraftStorage | null, ticketId: string, draft: CommentDraft): void {
  storage?.set(keyOf(ticketId), draft)
}

export function clearCommentDraft(storage: DraftStorage | null, ticketId: string): void {
  storage?.remove(keyOf(ticketId))
}
