import type { CreateTicketRequest, Ticket } from '@anju/shared'
import {
  checkDraft,
  DRAFT_STORAGE_KEY,
  groupFieldErrors,
  loadDraft,
  resubmitPending,
  submitDraft,
  type TicketDraft,
} from '../src/services/draft'
import { OfflineError, ServerError } from '../src/services/errors'
import { photoContentType, photoRoom, pickProblem, sortPicked, uploadFailure } from '../src/utils/photos'
import { ticket } from './support/fixtures'
import { memoryStorage } from './support/memoryStorage'

// Photos in the report draft (uploaded when picked, sent as ids) and the pure upload helpers.

const KEY = 'k0123456789abcdef'
const newKey = () => 'kUNUSED000000000'
const PHOTOS = [
  { id: '01KBQ2Z3Y4X5W6V7T8S9R0QPNA', path: 'wxfile://tmp_a.jpg' },
  { id: '01KBQ2Z3Y4X5W6V7T8S9R0QPNB', path: 'wxfile://tmp_b.png' },
]

function draftWithPhotos(overrides: Partial<TicketDraft> = {}): TicketDraft {
  return {
    idempotencyKey: KEY,
    category: 'leak',
    location: { kind: 'own_room' },
    description: '卫生间天花板漏水',
    photos: PHOTOS,
    pending: false,
    ...overrides,
  }
}

describe('a draft with photos', () => {
  it('sends the uploaded ids, not the local files', () => {
    const checked = checkDraft(draftWithPhotos())
    expect(checked).toEqual({ ok: true, request: expect.objectContaining({ photos: PHOTOS.map((p) => p.id) }) })
  })

  it.each([
    ['no photos', undefined],
    ['an emptied list', []],
  ])('sends no photos field for %s (the request hashes as before photos existed)', (_, photos) => {
    const checked = checkDraft(draftWithPhotos({ photos }))
    if (!checked.ok) throw new Error('draft should be complete')
    // What goes on the wire (Taro.request JSON-encodes the body).
    expect(JSON.parse(JSON.stringify(checked.request))).not.toHaveProperty('photos')
  })

  it('keeps the photo ids through a failed send and resends exactly the same ids with the same key', async () => {
    // Prepare
    const storage = memoryStorage()
    const sent: CreateTicketRequest[] = []
    const offline = jest.fn(async (r: CreateTicketRequest): Promise<Ticket> => {
      sent.push(r)
      throw new OfflineError()
    })
    // Act
    const first = await submitDraft(storage, draftWithPhotos(), offline, newKey)
    const stored = loadDraft(storage)
    const second = await resubmitPending(
      storage,
      async (r) => {
        sent.push(r)
        return ticket({ photos: r.photos })
      },
      newKey,
    )
    // Assess
    expect(first.kind).toBe('saved')
    expect(stored?.photos).toEqual(PHOTOS)
    expect(second?.kind).toBe('sent')
    expect(sent.map((r) => [r.idempotencyKey, r.photos])).toEqual([
      [KEY, PHOTOS.map((p) => p.id)],
      [KEY, PHOTOS.map((p) => p.id)],
    ])
    expect(storage.dump()[DRAFT_STORAGE_KEY]).toBeUndefined()
  })

  it('keeps the photos when the server fails too', async () => {
    const storage = memoryStorage()
    await submitDraft(
      storage,
      draftWithPhotos(),
      async () => {
        throw new ServerError()
      },
      newKey,
    )
    expect(loadDraft(storage)?.photos).toEqual(PHOTOS)
  })

  it('refuses a stored draft with four photos (never sent, replaced by a fresh one)', () => {
    const four = [...PHOTOS, ...PHOTOS].map((p, i) => ({ ...p, id: `${p.id.slice(0, -1)}${i}` }))
    const storage = memoryStorage({ [DRAFT_STORAGE_KEY]: draftWithPhotos({ photos: four }) })
    expect(loadDraft(storage)).toBeNull()
  })

  it("puts the server's photo refusals under the photos field", () => {
    expect(groupFieldErrors([{ path: 'photos.1', message: '第2张照片没有上传成功，请删除后重新添加' }])).toEqual({
      photos: '第2张照片没有上传成功，请删除后重新添加',
    })
  })
})

describe('photoContentType', () => {
  it.each([
    ['blob:http://127.0.0.1/abc', 'image/png', 'image/png'],
    ['blob:http://127.0.0.1/abc', 'image/jpg', 'image/jpeg'],
    ['blob:http://127.0.0.1/abc', 'image/heic', undefined],
    ['wxfile://tmp_1.JPG', undefined, 'image/jpeg'],
    ['http://tmp/abc.webp', undefined, 'image/webp'],
    ['http://tmp/abc.gif', undefined, undefined],
    ['http://tmp/abc', undefined, undefined],
  ])('%s (%s) → %s', (path, mime, expected) => {
    expect(photoContentType(path, mime)).toBe(expected)
  })
})

describe('pickProblem / uploadFailure', () => {
  it('says in words what is wrong before anything is sent', () => {
    expect(pickProblem(1000, 'image/jpeg')).toBe('')
    expect(pickProblem(6 * 1024 * 1024, 'image/jpeg')).toContain('太大')
    expect(pickProblem(1000, undefined)).toContain('格式不支持')
  })

  it.each([
    [
      413,
      '{"code":"too_large","message":"提交的内容太大了","errors":[{"path":"file","message":"照片太大了，每张最多 5 MB"}]}',
      '照片太大了，每张最多 5 MB',
    ],
    [
      403,
      '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>',
      '上传等太久了，请点“重试”',
    ],
    [400, '<Error><Code>EntityTooLarge</Code></Error>', '照片太大了，每张最多 5 MB'],
    [500, '', '照片没有传上去，请点“重试”'],
  ])('turns a %s answer into Chinese, never XML', (status, data, message) => {
    expect(uploadFailure(status, data)).toBe(message)
  })
})

describe('sortPicked / photoRoom (the picker never gets stuck on a refused file)', () => {
  const jpg = (name: string, size = 1000) => ({
    path: `wxfile://${name}.jpg`,
    size,
    contentType: 'image/jpeg' as const,
  })
  const heic = (name: string) => ({ path: `wxfile://${name}.heic`, size: 1000, contentType: undefined })
  const big = (name: string) => jpg(name, 6 * 1024 * 1024)

  it('keeps refused files out of the list and says why, so they take no room', () => {
    // Act
    const out = sortPicked([heic('a'), heic('b'), big('c')], 3)
    // Assess
    expect(out.accepted).toEqual([])
    expect(out.refusal).toBe('有 3 张照片不能用（只能用 JPG、PNG 格式，每张最多 5 MB），请换别的照片')
    expect(photoRoom(0, out.accepted.length)).toBe(3)
  })

  it.each([
    ['one refused', [heic('a')], 3, 0, '这张照片的格式不支持，请换一张（JPG、PNG）'],
    ['one too big beside a good one', [big('a'), jpg('b')], 3, 1, '这张照片太大了（每张最多 5 MB），请换一张'],
    ['all fine', [jpg('a'), jpg('b')], 3, 2, ''],
    ['more than there is room for', [jpg('a'), jpg('b'), jpg('c')], 2, 2, '最多 3 张照片，多选的 1 张没有加上'],
    [
      'refused and too many',
      [heic('a'), jpg('b'), jpg('c')],
      1,
      1,
      '这张照片的格式不支持，请换一张（JPG、PNG）；最多 3 张照片，多选的 1 张没有加上',
    ],
    ['nothing (the chooser was closed)', [], 3, 0, ''],
  ])('%s', (_what, picked, room, accepted, refusal) => {
    const out = sortPicked(picked, room)
    expect(out.accepted).toHaveLength(accepted)
    expect(out.refusal).toBe(refusal)
  })

  it('counts uploaded photos and those on their way or stopped, never below zero', () => {
    expect(photoRoom(1, 1)).toBe(1)
    expect(photoRoom(3, 0)).toBe(0)
    expect(photoRoom(3, 2)).toBe(0)
  })
})
