import type { SimilarTicket } from '@anju/shared'
import {
  FOLLOW_GONE_MESSAGE,
  FOLLOW_RETRY_MESSAGE,
  FOLLOWED_MESSAGE,
  followOutcome,
  forgetFollow,
  householdsLine,
  PENDING_FOLLOWS_KEY,
  pendingFollows,
  rememberFollow,
  resendFollows,
  similarSpoken,
} from '../src/services/duplicates'
import { ConflictError, ForbiddenError, NotFoundError, OfflineError, ServerError } from '../src/services/errors'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

// 我也遇到 on the report page: what the resident is told after a tap, and the follows kept for a
// resend when the network failed (the same spirit as a report's draft).

function memory() {
  const map = new Map<string, unknown>()
  return {
    map,
    get: (k: string) => map.get(k),
    set: (k: string, v: unknown) => {
      map.set(k, v)
    },
    remove: (k: string) => {
      map.delete(k)
    },
  }
}

describe('followOutcome', () => {
  it.each([
    ['a follow', () => Promise.resolve(), 'followed', FOLLOWED_MESSAGE],
    [
      'a second tap (409 already)',
      () => Promise.reject(new ConflictError('您已经报告过这个问题，有进展会通知您')),
      'followed',
      FOLLOWED_MESSAGE,
    ],
    [
      'a closed ticket (409)',
      () => Promise.reject(new ConflictError('报修单当前状态为“已解决”，无法关注')),
      'gone',
      FOLLOW_GONE_MESSAGE,
    ],
    ['a ticket gone (404)', () => Promise.reject(new NotFoundError('找不到该报修单')), 'gone', FOLLOW_GONE_MESSAGE],
    ['no network', () => Promise.reject(new OfflineError()), 'retry', FOLLOW_RETRY_MESSAGE],
    ['a server error', () => Promise.reject(new ServerError()), 'retry', FOLLOW_RETRY_MESSAGE],
    ['a refusal', () => Promise.reject(new ForbiddenError('只有住户可以')), 'failed', '只有住户可以'],
  ] as const)('tells the resident what %s came to', async (_what, follow, kind, message) => {
    await expect(followOutcome(follow)).resolves.toEqual({ kind, message })
  })
})

describe('pending follows', () => {
  it('keeps each id once and forgets it when sent', () => {
    const storage = memory()
    rememberFollow(storage, 't1')
    rememberFollow(storage, 't1')
    rememberFollow(storage, 't2')
    expect(pendingFollows(storage)).toEqual(['t1', 't2'])
    forgetFollow(storage, 't1')
    expect(pendingFollows(storage)).toEqual(['t2'])
    forgetFollow(storage, 't2')
    expect(storage.map.has(PENDING_FOLLOWS_KEY)).toBe(false)
  })

  it('ignores what is not a list of ids', () => {
    const storage = memory()
    storage.set(PENDING_FOLLOWS_KEY, 'garbage')
    expect(pendingFollows(storage)).toEqual([])
    storage.set(PENDING_FOLLOWS_KEY, ['t1', 7])
    expect(pendingFollows(storage)).toEqual(['t1'])
  })

  it('resends them: sent and refused ones are forgotten, those still offline kept', async () => {
    const storage = memory()
    for (const id of ['ok', 'already', 'offline', 'gone']) rememberFollow(storage, id)
    const follow = jest.fn((id: string) => {
      if (id === 'ok') return Promise.resolve()
      if (id === 'already') return Promise.reject(new ConflictError('您已经报告过这个问题，有进展会通知您'))
      if (id === 'offline') return Promise.reject(new OfflineError())
      return Promise.reject(new NotFoundError())
    })
    await resendFollows(storage, follow)
    expect(follow).toHaveBeenCalledTimes(4)
    expect(pendingFollows(storage)).toEqual(['offline'])
  })
})

describe('what the resident reads and hears', () => {
  const ticket: SimilarTicket = {
    id: 't1',
    summary: '5栋1单元 电梯间 · 电梯 · 处理中',
    category: 'lift',
    status: 'in_progress',
    followerCount: 3,
    following: false,
    createdAt: '2026-12-03T09:00:00.000+08:00',
  }

  it('counts households in words', () => {
    expect(householdsLine(1)).toBe('1 户遇到')
    expect(householdsLine(0)).toBe('1 户遇到')
    expect(householdsLine(3)).toBe('3 户遇到')
  })

  it('reads the reports aloud with what the big button does', () => {
    expect(similarSpoken([ticket])).toBe(
      '已有人报告：5栋1单元 电梯间，电梯，处理中，3 户遇到。如果是同一件事，点“我也遇到”，不用再写，有进展会告诉您。不是同一件事，请接着往下填。',
    )
  })
})
