import type { ApplyResponse } from '@anju/shared'
import { ConflictError, ForbiddenError, OfflineError, ServerError } from '../src/services/errors'
import {
  APPLY_RETRY_MESSAGE,
  APPLY_STORAGE_KEY,
  applyEntry,
  applyToast,
  JUST_APPLIED_MS,
  pendingApplies,
  resendPendingApplies,
  submitApply,
  unlessSending,
} from '../src/services/jobApply'
import { memoryStorage } from './support/memoryStorage'

const answer = (postingId: string, created = true, appliedAt = 'x'): ApplyResponse => ({
  application: { postingId, status: 'applied', appliedAt, updatedAt: appliedAt },
  created,
})

const keys = () => {
  let n = 0
  return jest.fn(() => `kTESTKEY000${++n}`)
}

describe('一键报名 with a stored key', () => {
  it('keeps the key after a lost answer and sends the same key again, then clears it', async () => {
    // Prepare
    const storage = memoryStorage()
    const makeKey = keys()
    const send = jest.fn().mockRejectedValueOnce(new OfflineError()).mockResolvedValueOnce(answer('J1', false))
    // Act
    const first = await submitApply(storage, 'J1', send, makeKey)
    const pending = pendingApplies(storage)
    const second = await submitApply(storage, 'J1', send, makeKey)
    // Assess
    expect(first).toEqual({ kind: 'saved', message: APPLY_RETRY_MESSAGE })
    expect(pending).toEqual(['J1'])
    expect(second).toMatchObject({ kind: 'sent', response: { created: false } })
    expect(send.mock.calls).toEqual([
      ['J1', 'kTESTKEY0001'],
      ['J1', 'kTESTKEY0001'],
    ])
    expect(makeKey).toHaveBeenCalledTimes(1)
    expect(storage.dump()).toEqual({})
  })

  it('stores the key before the first send, so a crash mid-send still resends with it', async () => {
    const storage = memoryStorage()
    let seen: unknown
    await submitApply(
      storage,
      'J1',
      async () => {
        seen = storage.get(APPLY_STORAGE_KEY)
        return answer('J1')
      },
      keys(),
    )
    expect(seen).toEqual({ J1: { idempotencyKey: 'kTESTKEY0001', pending: false } })
  })

  it.each([
    [new ConflictError('这个岗位已经停止招聘'), { kind: 'closed', message: '这个岗位已经停止招聘' }],
    [new ForbiddenError('没有权限'), { kind: 'failed', message: '没有权限' }],
  ])('a refusal (%p) is shown and not kept for a resend', async (err, outcome) => {
    const storage = memoryStorage()
    expect(await submitApply(storage, 'J1', jest.fn().mockRejectedValue(err), keys())).toEqual(outcome)
    expect(applyEntry(storage, 'J1')).toBeUndefined()
  })

  it('keeps other postings’ entries when one is cleared', async () => {
    const storage = memoryStorage({ [APPLY_STORAGE_KEY]: { J2: { idempotencyKey: 'kOTHERKEY01', pending: true } } })
    await submitApply(storage, 'J1', jest.fn().mockResolvedValue(answer('J1')), keys())
    expect(storage.dump()).toEqual({ [APPLY_STORAGE_KEY]: { J2: { idempotencyKey: 'kOTHERKEY01', pending: true } } })
  })

  it('ignores a stored value that no longer fits', () => {
    const storage = memoryStorage({ [APPLY_STORAGE_KEY]: 'garbage' })
    expect(pendingApplies(storage)).toEqual([])
  })
})

describe('resendPendingApplies', () => {
  it('resends only pending entries, each with its own key', async () => {
    // Prepare
    const storage = memoryStorage({
      [APPLY_STORAGE_KEY]: {
        J1: { idempotencyKey: 'kPENDING0001', pending: true },
        J2: { idempotencyKey: 'kNOTSENT0002', pending: false },
        J3: { idempotencyKey: 'kPENDING0003', pending: true },
      },
    })
    const send = jest.fn().mockResolvedValueOnce(answer('J1')).mockRejectedValueOnce(new ServerError())
    // Act
    const outcomes = await resendPendingApplies(storage, send, keys())
    // Assess
    expect(send.mock.calls).toEqual([
      ['J1', 'kPENDING0001'],
      ['J3', 'kPENDING0003'],
    ])
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'saved'])
    expect(pendingApplies(storage)).toEqual(['J3'])
    expect(applyEntry(storage, 'J2')).toEqual({ idempotencyKey: 'kNOTSENT0002', pending: false })
  })
})

describe('a double tap on 一键报名', () => {
  it('sends once with one key: a tap while the posting is being sent is ignored', async () => {
    // Prepare: the server answers the first send late.
    const storage = memoryStorage()
    const makeKey = keys()
    let answerFirst: (r: ApplyResponse) => void = () => undefined
    const send = jest.fn(() => new Promise<ApplyResponse>((resolve) => (answerFirst = resolve)))
    const tap = () => unlessSending('J1', () => submitApply(storage, 'J1', send, makeKey))
    // Act
    const first = tap()
    const second = tap()
    answerFirst(answer('J1'))
    const outcomes = await Promise.all([first, second])
    // Assess
    expect(send).toHaveBeenCalledTimes(1)
    expect(makeKey).toHaveBeenCalledTimes(1)
    expect(outcomes[1]).toBeNull()
    expect(outcomes[0]).toMatchObject({ kind: 'sent', resent: false, response: { created: true } })
    expect(applyToast(outcomes[0] as { response: ApplyResponse; resent: boolean })).toBe('报名成功')
  })

  it('lets the next tap through once the send is answered, and does not block other postings', async () => {
    const send = jest.fn(async (id: string) => answer(id))
    const storage = memoryStorage()
    const [a, b] = await Promise.all([
      unlessSending('J1', () => submitApply(storage, 'J1', send, keys())),
      unlessSending('J2', () => submitApply(storage, 'J2', send, keys())),
    ])
    const again = await unlessSending('J1', () => submitApply(storage, 'J1', send, keys()))
    expect([a?.kind, b?.kind, again?.kind]).toEqual(['sent', 'sent', 'sent'])
    expect(send).toHaveBeenCalledTimes(3)
  })

  it('marks a send with the stored key as resent, and a fresh key as not', async () => {
    const storage = memoryStorage({ [APPLY_STORAGE_KEY]: { J1: { idempotencyKey: 'kSTOREDKEY1', pending: true } } })
    const send = jest.fn(async (id: string) => answer(id, false))
    expect(await submitApply(storage, 'J1', send, keys())).toMatchObject({ kind: 'sent', resent: true })
    expect(send).toHaveBeenCalledWith('J1', 'kSTOREDKEY1')
    expect(await submitApply(storage, 'J1', send, keys())).toMatchObject({ kind: 'sent', resent: false })
  })
})

describe('the toast after 一键报名', () => {
  const now = Date.parse('2026-06-03T10:00:00.000+08:00')
  const at = (msAgo: number) => new Date(now - msAgo).toISOString()

  it.each([
    ['a new application', '报名成功', answer('J1', true, at(0)), false],
    [
      'an application this phone sent before (stored key)',
      '已报名',
      answer('J1', false, at(2 * JUST_APPLIED_MS)),
      true,
    ],
    ['an application made moments ago', '已报名', answer('J1', false, at(5_000)), false],
    ['an application made long ago elsewhere', '已经报过名了', answer('J1', false, at(2 * JUST_APPLIED_MS)), false],
  ])('for %s is %s', (_case, title, response, resent) => {
    expect(applyToast({ response, resent }, now)).toBe(title)
  })
})
