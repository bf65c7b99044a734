// The 新建岗位 draft, as the ticket report's (decision 011): the form plus the idempotency key
// chosen when the draft was created. A network/server failure keeps it pending with the same key,
// so the resend (retry button or the next page show) creates the posting once. Pure: storage and
// sending are passed in.
import type { CreatePostingBody, StaffPosting } from '@anju/shared'
import {
  checkNewPosting,
  EMPTY_POSTING,
  groupPostingErrors,
  type PostingErrors,
  type PostingForm,
} from '../utils/postingForm'
import type { DraftStorage } from './draft'
import { ConflictError, isRetryable, ValidationError } from './errors'

export const POSTING_DRAFT_KEY = 'anju.postingDraft'
export const POSTING_RETRY_MESSAGE = '网络不好，岗位已保存为草稿，稍后自动重试'
export const POSTING_ALREADY_MESSAGE =
  '修改前的岗位已经发布，可在岗位管理查看。修改后的内容还没有提交，如需另发请再点发布。'

export interface PostingDraft {
  idempotencyKey: string
  form: PostingForm
  /** true once a send failed for network/server reasons: resend it without asking. */
  pending: boolean
}

export type PostingOutcome =
  | { kind: 'sent'; posting: StaffPosting }
  | { kind: 'invalid'; errors: PostingErrors; draft: PostingDraft }
  | { kind: 'saved'; message: string; draft: PostingDraft }
  | { kind: 'failed'; message: string; draft: PostingDraft }

function isDraft(v: unknown): v is PostingDraft {
  const d = v as PostingDraft | null
  return Boolean(d && typeof d.idempotencyKey === 'string' && d.form && typeof d.form === 'object')
}

export function loadPostingDraft(storage: DraftStorage): PostingDraft | null {
  const stored = storage.get(POSTING_DRAFT_KEY)
  // A draft from an older build keeps what still fits the form; new fields start empty.
  return isDraft(stored)
    ? { ...stored, form: { ...EMPTY_POSTING, ...stored.form }, pending: stored.pending === true }
    : null
}

export function savePostingDraft(storage: DraftStorage, draft: PostingDraft): void {
  storage.set(POSTING_DRAFT_KEY, draft)
}

export function clearPostingDraft(storage: DraftStorage): void {
  storage.remove(POSTING_DRAFT_KEY)
}

/** The stored draft, or a fresh one (saved at once, so its key survives a crash). */
export function openPostingDraft(storage: DraftStorage, makeKey: () => string): PostingDraft {
  const existing = loadPostingDraft(storage)
  if (existing) return existing
  const draft: PostingDraft = { idempotencyKey: makeKey(), form: EMPTY_POSTING, pending: false }
  savePostingDraft(storage, draft)
  return draft
}

/** Checks and sends the draft with its own key; only success clears it. */
export async function submitPostingDraft(
  storage: DraftStorage,
  draft: PostingDraft,
  send: (body: CreatePostingBody) => Promise<StaffPosting>,
  makeKey: () => string,
): Promise<PostingOutcome> {
  const keep = (d: PostingDraft) => {
    savePostingDraft(storage, d)
    return d
  }
  const checked = checkNewPosting(draft.form, draft.idempotencyKey)
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors, draft: keep({ ...draft, pending: false }) }
  try {
    const posting = await send(checked.body)
    clearPostingDraft(storage)
    return { kind: 'sent', posting }
  } catch (err) {
    if (isRetryable(err))
      return { kind: 'saved', message: POSTING_RETRY_MESSAGE, draft: keep({ ...draft, pending: true }) }
    // The key already carried a different posting (sent, then edited): a new key for the edit.
    if (err instanceof ConflictError)
      return {
        kind: 'failed',
        message: POSTING_ALREADY_MESSAGE,
        draft: keep({ ...draft, idempotencyKey: makeKey(), pending: false }),
      }
    const kept = keep({ ...draft, pending: false })
    if (err instanceof ValidationError) {
      const errors = groupPostingErrors(err.fieldErrors)
      return { kind: 'invalid', errors: Object.keys(errors).length ? errors : { form: err.message }, draft: kept }
    }
    return { kind: 'failed', message: err instanceof Error ? err.message : '发布没有成功', draft: kept }
  }
}
