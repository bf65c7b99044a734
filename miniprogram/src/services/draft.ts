// The report-a-problem draft: form values plus the idempotency key chosen when the draft was
// created. Pure (storage and sending are passed in) so it is tested in plain jest without Taro.
import {
  answersFor,
  CreateTicketRequest,
  type FieldError,
  HelpRequestCategory,
  IdempotencyKey,
  MAX_TICKET_PHOTOS,
  PhotoId,
  type Ticket,
  TicketAnswers,
  TicketCategory,
  TicketLocation,
  toFieldErrors,
} from '@anju/shared'
import * as z from 'zod'
import { ConflictError, isRetryable, ValidationError } from './errors'

export const DRAFT_STORAGE_KEY = 'anju.ticketDraft'
/** A help request (为民办实事) is drafted apart, so it never overwrites a half-written report. */
export const HELP_DRAFT_STORAGE_KEY = 'anju.helpDraft'

export const RETRY_MESSAGE = '网络不好，已保存草稿，稍后自动重试'

/**
 * The server says this key already carried a different report: the first send got through before
 * the resident edited the draft. Keeping the key would refuse every resend forever, so the edited
 * draft gets a new key and the resident decides whether to send it as a new report.
 */
export const ALREADY_RECEIVED_MESSAGE =
  '您修改前的报修已经收到，可在“我的报修”查看。修改后的内容还没有提交，如需补充请再点提交。'

export interface DraftStorage {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

/** A photo already uploaded (POST /api/photos + the file): its id, and the local file for the thumbnail. */
export const DraftPhoto = z.object({ id: PhotoId, path: z.string() })
export type DraftPhoto = z.infer<typeof DraftPhoto>

export const TicketDraft = z.object({
  idempotencyKey: IdempotencyKey,
  /** A help request: sent as kind 'help' with `helpCategory`, at home, description optional. */
  kind: z.literal('help').optional(),
  helpCategory: HelpRequestCategory.optional(),
  category: TicketCategory.optional(),
  location: TicketLocation.optional(),
  /** Answers to the category's questions; kept across a category change, sent only if asked. */
  answers: TicketAnswers.optional(),
  description: z.string(),
  /**
   * Uploaded as soon as picked; a resend carries the same ids, so a retried submission neither
   * uploads again nor changes what the idempotency key covers.
   */
  photos: z.array(DraftPhoto).max(MAX_TICKET_PHOTOS).optional(),
  /** true once a submit failed for network/server reasons: resend it without asking. */
  pending: z.boolean(),
})
export type TicketDraft = z.infer<typeof TicketDraft>

export type DraftField = 'category' | 'location' | 'description' | 'photos' | 'form'
export type FieldMessages = Partial<Record<DraftField, string>>

export type SubmitOutcome =
  | { kind: 'sent'; ticket: Ticket }
  | { kind: 'invalid'; errors: FieldMessages; draft: TicketDraft }
  | { kind: 'saved'; message: string; draft: TicketDraft }
  | { kind: 'failed'; message: string; draft: TicketDraft }

/**
 * The storage a draft lives in, scoped to the person who wrote it. Phones are shared in families
 * and accounts are switched on the sign-in page: a draft must never be sent under someone else's
 * account, to someone else's household.
 */
export function ownedBy(base: DraftStorage, userId: string): DraftStorage {
  const scoped = (key: string) => `${key}@${userId}`
  return {
    get: (key) => base.get(scoped(key)),
    set: (key, value) => base.set(scoped(key), value),
    remove: (key) => base.remove(scoped(key)),
  }
}

export function newDraft(idempotencyKey: string): TicketDraft {
  return { idempotencyKey, description: '', pending: false }
}

/** The same draft functions, on the help request's own storage key (the help page). */
export function helpDrafts(base: DraftStorage): DraftStorage {
  const key = (k: string) => (k === DRAFT_STORAGE_KEY ? HELP_DRAFT_STORAGE_KEY : k)
  return {
    get: (k) => base.get(key(k)),
    set: (k, value) => base.set(key(k), value),
    remove: (k) => base.remove(key(k)),
  }
}

export function newHelpDraft(idempotencyKey: string): TicketDraft {
  return { ...newDraft(idempotencyKey), kind: 'help' }
}

/** The stored draft, or null when there is none or it no longer fits the schema. */
export function loadDraft(storage: DraftStorage): TicketDraft | null {
  const parsed = TicketDraft.safeParse(storage.get(DRAFT_STORAGE_KEY))
  return parsed.success ? parsed.data : null
}

export function saveDraft(storage: DraftStorage, draft: TicketDraft): void {
  storage.set(DRAFT_STORAGE_KEY, draft)
}

export function clearDraft(storage: DraftStorage): void {
  storage.remove(DRAFT_STORAGE_KEY)
}

/** The stored draft, or a fresh one (saved at once, so its key survives a crash). */
export function openDraft(
  storage: DraftStorage,
  makeKey: () => string,
  fresh: (key: string) => TicketDraft = newDraft,
): TicketDraft {
  const existing = loadDraft(storage)
  if (existing) return existing
  const draft = fresh(makeKey())
  saveDraft(storage, draft)
  return draft
}

/**
 * Throws the draft away for a fresh one with a new key (saved at once, as openDraft does): after
 * 我也遇到 the resident follows someone else's report, and must not file theirs by a later tap or
 * a pending resend.
 */
export function discardDraft(storage: DraftStorage, makeKey: () => string): TicketDraft {
  clearDraft(storage)
  return openDraft(storage, makeKey)
}

/** Which form field an error path belongs to: 'location.spot' → 'location'. */
export function fieldOf(path: string): DraftField {
  const head = path.split('.')[0]
  return head === 'category' || head === 'location' || head === 'description' || head === 'photos' ? head : 'form'
}

/** First message per field, so each field shows one plain sentence. */
export function groupFieldErrors(errors: FieldError[]): FieldMessages {
  const out: FieldMessages = {}
  for (const e of errors) {
    const field = fieldOf(e.path)
    if (out[field] === undefined) out[field] = e.message
  }
  return out
}

/** Only what the chosen category asks: an answer to another category's question is stale. */
function askedAnswers(draft: TicketDraft): TicketAnswers | undefined {
  if (!draft.category) return undefined
  const answers = answersFor(draft.category, draft.answers)
  return Object.keys(answers).length > 0 ? answers : undefined
}

export function checkDraft(
  draft: TicketDraft,
): { ok: true; request: CreateTicketRequest } | { ok: false; errors: FieldMessages } {
  const body =
    draft.kind === 'help'
      ? {
          kind: 'help',
          category: draft.helpCategory,
          description: draft.description,
          idempotencyKey: draft.idempotencyKey,
        }
      : undefined
  const parsed = CreateTicketRequest.safeParse(
    body ?? {
      category: draft.category,
      location: draft.location,
      description: draft.description,
      answers: askedAnswers(draft),
      // None is sent as absent, so a report without photos hashes as it always did.
      photos: draft.photos?.length ? draft.photos.map((p) => p.id) : undefined,
      idempotencyKey: draft.idempotencyKey,
    },
  )
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, errors: groupFieldErrors(toFieldErrors(parsed.error)) }
}

/**
 * Sends the draft with its own idempotency key. Success clears it; a network or server failure
 * keeps it marked pending (same key, so a resend cannot create a second ticket).
 */
export async function submitDraft(
  storage: DraftStorage,
  draft: TicketDraft,
  send: (request: CreateTicketRequest) => Promise<Ticket>,
  makeKey: () => string,
): Promise<SubmitOutcome> {
  const checked = checkDraft(draft)
  if (!checked.ok) {
    const kept = { ...draft, pending: false }
    saveDraft(storage, kept)
    return { kind: 'invalid', errors: checked.errors, draft: kept }
  }
  try {
    const ticket = await send(checked.request)
    clearDraft(storage)
    return { kind: 'sent', ticket }
  } catch (err) {
    if (isRetryable(err)) {
      const kept = { ...draft, pending: true }
      saveDraft(storage, kept)
      return { kind: 'saved', message: RETRY_MESSAGE, draft: kept }
    }
    if (err instanceof ConflictError) {
      const renewed = { ...draft, idempotencyKey: makeKey(), pending: false }
      saveDraft(storage, renewed)
      return { kind: 'failed', message: ALREADY_RECEIVED_MESSAGE, draft: renewed }
    }
    const kept = { ...draft, pending: false }
    saveDraft(storage, kept)
    if (err instanceof ValidationError) {
      const errors = groupFieldErrors(err.fieldErrors)
      return { kind: 'invalid', errors: Object.keys(errors).length ? errors : { form: err.message }, draft: kept }
    }
    return { kind: 'failed', message: err instanceof Error ? err.message : '提交没有成功', draft: kept }
  }
}

/** Resends a draft whose earlier submit failed for network/server reasons; null if there is none. */
export async function resubmitPending(
  storage: DraftStorage,
  send: (request: CreateTicketRequest) => Promise<Ticket>,
  makeKey: () => string,
): Promise<SubmitOutcome | null> {
  const draft = loadDraft(storage)
  if (!draft?.pending) return null
  return submitDraft(storage, draft, send, makeKey)
}
