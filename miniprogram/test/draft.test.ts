import type { CreateTicketRequest, Ticket } from '@anju/shared'
import * as fc from 'fast-check'
import {
  ALREADY_RECEIVED_MESSAGE,
  checkDraft,
  DRAFT_STORAGE_KEY,
  discardDraft,
  fieldOf,
  groupFieldErrors,
  loadDraft,
  openDraft,
  ownedBy,
  RETRY_MESSAGE,
  resubmitPending,
  submitDraft,
  type TicketDraft,
} from '../src/services/draft'
import { ConflictError, ForbiddenError, OfflineError, ServerError, ValidationError } from '../src/services/errors'
import { ticket } from './support/fixtures'
import { memoryStorage } from './support/memoryStorage'

const KEY = 'k0123456789abcdef'
const newKey = () => 'kUNUSED000000000'

function completeDraft(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    idempotencyKey: KEY,
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: '电梯停在三楼不动了',
    pending: false,
    ...overrides,
  }
}

describe('openDraft', () => {
  it('creates a draft with a fresh key once and keeps returning it', () => {
    // Prepare
    const storage = memoryStorage()
    const makeKey = jest.fn().mockReturnValueOnce(KEY).mockReturnValueOnce('kanother-key')
    // Act
    const first = openDraft(storage, makeKey)
    const second = openDraft(storage, makeKey)
    // Assess
    expect(first).toEqual({ idempotencyKey: KEY, description: '', pending: false })
    expect(second.idempotencyKey).toBe(KEY)
    expect(makeKey).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['not an object', 'garbage'],
    ['a key too short', { idempotencyKey: 'k1', description: '', pending: false }],
    ['an unknown category', { idempotencyKey: KEY, category: 'dragon', description: '', pending: false }],
  ])('replaces a stored draft that is %s', (_label, stored) => {
    // Prepare
    const storage = memoryStorage({ [DRAFT_STORAGE_KEY]: stored })
    // Act
    const draft = openDraft(storage, () => 'kfresh-key-1')
    // Assess
    expect(draft.idempotencyKey).toBe('kfresh-key-1')
    expect(loadDraft(storage)).toEqual(draft)
  })
})

describe('discardDraft (我也遇到 instead of filing)', () => {
  it('forgets the report, its photos and its key, so neither a tap nor a resend files it', async () => {
    // Prepare: a written report that failed to send once (pending: it would be resent).
    const storage = memoryStorage()
    const written = completeDraft({
      pending: true,
      photos: [{ id: '01KBQ2Z3Y4X5W6V7T8S9R0QPNA', path: 'wxfile://a.jpg' }],
    })
    storage.set(DRAFT_STORAGE_KEY, written)
    const send = jest.fn(async () => ticket())
    // Act
    const fresh = discardDraft(storage, () => 'kFRESH0000000000')
    const resent = await resubmitPending(storage, send, newKey)
    // Assess
    expect(fresh).toEqual({ idempotencyKey: 'kFRESH0000000000', description: '', pending: false })
    expect(loadDraft(storage)).toEqual(fresh)
    expect(resent).toBeNull()
    expect(send).not.toHaveBeenCalled()
    expect(checkDraft(fresh).ok).toBe(false)
  })
})

describe('fieldOf / groupFieldErrors', () => {
  it.each([
    ['category', 'category'],
    ['location', 'location'],
    ['location.spot', 'location'],
    ['description', 'description'],
    ['idempotencyKey', 'form'],
    ['', 'form'],
  ])('maps path %p to field %p', (path, field) => {
    expect(fieldOf(path)).toBe(field)
  })

  it('keeps the first message of each field', () => {
    const grouped = groupFieldErrors([
      { path: 'location.spot', message: '请选择公共区域' },
      { path: 'location', message: '第二条' },
      { path: 'description', message: '请填写问题描述' },
    ])
    expect(grouped).toEqual({ location: '请选择公共区域', description: '请填写问题描述' })
  })
})

describe('checkDraft', () => {
  it('names every missing field in Chinese', () => {
    const result = checkDraft({ idempotencyKey: KEY, description: '   ', pending: false })
    expect(result).toEqual({
      ok: false,
      errors: { category: '请选择问题类别', location: '请选择问题位置', description: '请填写问题描述' },
    })
  })

  it.each([
    [500, true],
    [501, false],
  ])('counts code points: %i emoji is ok=%p', (n, ok) => {
    // '😀' is two UTF-16 units; the limit is 500 characters as people count them.
    const result = checkDraft(completeDraft({ description: '😀'.repeat(n) }))
    expect(result.ok).toBe(ok)
    if (!result.ok) expect(result.errors.description).toBe('问题描述最多 500 个字')
  })

  it.each([
    ['lift', { personTrapped: true }, { personTrapped: true }],
    ['water', { personTrapped: true, wholeBuilding: false }, { wholeBuilding: false }],
    ['lighting', { personTrapped: true }, undefined],
    ['lift', undefined, undefined],
  ] as const)('sends for %s only the answers it asks: %j → %j', (category, answers, sent) => {
    const result = checkDraft(completeDraft({ category, answers }))
    expect(result.ok).toBe(true)
    expect(result.ok && result.request.answers).toEqual(sent)
  })

  it('trims the description it sends', () => {
    const result = checkDraft(completeDraft({ description: '  水管漏了  ' }))
    expect(result.ok && result.request.description).toBe('水管漏了')
  })
})

describe('submitDraft', () => {
  it('sends the draft with its key and clears it on success', async () => {
    // Prepare
    const storage = memoryStorage()
    const draft = completeDraft()
    const send = jest.fn(async (_req: CreateTicketRequest) => ticket())
    // Act
    const outcome = await submitDraft(storage, draft, send, newKey)
    // Assess
    expect(outcome).toEqual({ kind: 'sent', ticket: ticket() })
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ idempotencyKey: KEY, category: 'lift' }))
    expect(storage.dump()).toEqual({})
  })

  it.each([
    ['offline', new OfflineError()],
    ['a server error', new ServerError()],
  ])('keeps the draft pending when %s, then resends it with the same key', async (_label, failure) => {
    // Prepare
    const storage = memoryStorage()
    const send = jest
      .fn<Promise<Ticket>, [CreateTicketRequest]>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValueOnce(ticket())
    // Act
    const first = await submitDraft(storage, completeDraft(), send, newKey)
    const stored = loadDraft(storage)
    const second = await resubmitPending(storage, send, newKey)
    // Assess
    expect(first).toMatchObject({ kind: 'saved', message: RETRY_MESSAGE })
    expect(stored).toMatchObject({ pending: true, idempotencyKey: KEY, description: '电梯停在三楼不动了' })
    expect(second).toMatchObject({ kind: 'sent' })
    expect(send.mock.calls.map(([req]) => req.idempotencyKey)).toEqual([KEY, KEY])
    expect(loadDraft(storage)).toBeNull()
  })

  it('shows server field errors next to their fields and does not retry by itself', async () => {
    // Prepare
    const storage = memoryStorage()
    const send = jest
      .fn()
      .mockRejectedValue(new ValidationError('填写有误', [{ path: 'location.spot', message: '请选择公共区域' }]))
    // Act
    const outcome = await submitDraft(storage, completeDraft(), send, newKey)
    const resent = await resubmitPending(storage, send, newKey)
    // Assess
    expect(outcome).toMatchObject({ kind: 'invalid', errors: { location: '请选择公共区域' } })
    expect(resent).toBeNull()
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('gives an edited draft a new key when its first version already arrived (409), so it is not stuck', async () => {
    const storage = memoryStorage()
    const outcome = await submitDraft(
      storage,
      completeDraft({ description: '电梯停在三楼，里面有人' }),
      jest.fn().mockRejectedValue(new ConflictError('该提交编号已用于另一份不同的内容')),
      () => 'kNEWKEY000000001',
    )
    expect(outcome).toMatchObject({ kind: 'failed', message: ALREADY_RECEIVED_MESSAGE })
    expect(loadDraft(storage)).toMatchObject({
      pending: false,
      idempotencyKey: 'kNEWKEY000000001',
      description: '电梯停在三楼，里面有人',
    })
  })

  it('reports other failures in words and keeps the draft and its key for editing', async () => {
    const storage = memoryStorage()
    const outcome = await submitDraft(
      storage,
      completeDraft(),
      jest.fn().mockRejectedValue(new ForbiddenError('只有住户可以提交报修')),
      newKey,
    )
    expect(outcome).toMatchObject({ kind: 'failed', message: '只有住户可以提交报修' })
    expect(loadDraft(storage)).toMatchObject({ pending: false, idempotencyKey: KEY })
  })

  it('does not send an incomplete draft', async () => {
    const send = jest.fn()
    const outcome = await submitDraft(memoryStorage(), completeDraft({ category: undefined }), send, newKey)
    expect(outcome).toMatchObject({ kind: 'invalid', errors: { category: '请选择问题类别' } })
    expect(send).not.toHaveBeenCalled()
  })

  it('resubmitPending leaves a draft alone that was never submitted', async () => {
    const storage = memoryStorage({ [DRAFT_STORAGE_KEY]: completeDraft() })
    const send = jest.fn()
    expect(await resubmitPending(storage, send, newKey)).toBeNull()
    expect(send).not.toHaveBeenCalled()
  })

  it('uses one key however many times the network fails before success', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), async (failures) => {
        // Prepare
        const storage = memoryStorage()
        const keys: string[] = []
        let left = failures
        const send = async (req: CreateTicketRequest) => {
          keys.push(req.idempotencyKey)
          if (left-- > 0) throw new OfflineError()
          return ticket()
        }
        // Act
        let outcome = await submitDraft(storage, completeDraft(), send, newKey)
        while (outcome?.kind === 'saved') outcome = (await resubmitPending(storage, send, newKey)) ?? outcome
        // Assess
        expect(outcome.kind).toBe('sent')
        expect(keys).toHaveLength(failures + 1)
        expect(new Set(keys)).toEqual(new Set([KEY]))
        expect(loadDraft(storage)).toBeNull()
      }),
    )
  })
})

describe('ownedBy', () => {
  it('keeps each account’s draft apart, so a switched account never sends another’s draft', async () => {
    // Prepare: 李秀英's submit fails and her draft waits to be resent.
    const phone = memoryStorage()
    const send = jest.fn().mockRejectedValueOnce(new OfflineError())
    await submitDraft(ownedBy(phone, 'u-resident-1'), completeDraft(), send, newKey)

    // Act: another resident signs in on the same phone.
    const resent = await resubmitPending(ownedBy(phone, 'u-resident-3'), send, newKey)

    // Assess: nothing is sent for the second account; the first still has her draft.
    expect(resent).toBeNull()
    expect(send).toHaveBeenCalledTimes(1)
    expect(loadDraft(ownedBy(phone, 'u-resident-1'))).toMatchObject({ pending: true, idempotencyKey: KEY })
    expect(loadDraft(ownedBy(phone, 'u-resident-3'))).toBeNull()
  })
})
