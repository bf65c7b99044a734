import type { ApplyResponse } from '@anju/shared'
import { ConflictError, ForbiddenError, OfflineError, ServerError } from '../src/services/errors'
import {
  APPLY_RETRY_MESSAGE,
  APPLY_STORAGE_KEY,
  applyEntry,
  pendingApplies,
  resendPendingApplies,
  submitApply,
} from '../src/services/jobApply'
import { memoryStorage } from './support/memoryStorage'

const answer = (postingId: string, created = true): ApplyResponse => ({
  application: { postingId, status: 'applied', appliedAt: 'x', updatedAt: 'x' },
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
