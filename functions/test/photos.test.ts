import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_PHOTO_BYTES } from '@anju/shared'
import { loadConfig } from '../src/config'
import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { createApp } from '../src/http/app'
import { seededTable, TEST_JWT_SECRET } from './support/api'
import { JPEG_1X1, pngBytes, webpBytes } from './support/images'
import { countCalls } from './support/round-trips'

// Ticket photos on the local store (STAGE=local, a temp folder): the two-step upload with its
// refusals, a ticket that carries photos, and who gets a URL to see them (decision 062).

let doc: DocClient
let tableName: string
let app: ReturnType<typeof createApp>
let dir: string
let clock = new Date('2026-12-03T08:00:00.000Z')
const tokens: Record<string, string> = {}
const PNG = pngBytes(8, 6)

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  dir = mkdtempSync(join(tmpdir(), 'anju-photos-test-'))
  const config = loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET, PHOTO_DIR: dir })
  app = createApp({ doc, tableName, config, now: () => clock })
  for (const userId of ['u-resident-1', 'u-resident-2', 'u-resident-3', 'u-head-5', 'u-head-6', 'u-police']) {
    const res = await app.request('/api/auth/dev', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    })
    tokens[userId] = (await res.json()).token
  }
})

afterAll(async () => {
  await dropTable(doc, tableName)
  doc.destroy()
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(() => {
  clock = new Date('2026-12-03T08:00:00.000Z')
})

async function send(method: string, path: string, userId?: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(userId ? { authorization: `Bearer ${tokens[userId]}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: await res.json().catch(() => undefined) }
}

interface Slot {
  photoId: string
  upload: { url: string; fields: Record<string, string> }
}

const askSlot = (userId: string, contentType = 'image/png', size = PNG.length) =>
  send('POST', '/api/photos', userId, { contentType, size })

/** The client's second step, as wx.uploadFile sends it: the fields, then the file in `file`. */
async function upload(slot: Slot, bytes: Buffer | null, fields = slot.upload.fields, type = 'image/png') {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo')
  const res = await app.request(new URL(slot.upload.url).pathname, { method: 'POST', body: form })
  return { status: res.status, json: await res.json().catch(() => undefined) }
}

async function uploaded(userId: string, bytes = PNG, contentType = 'image/png'): Promise<string> {
  const slot = (await askSlot(userId, contentType, bytes.length)).json as Slot
  const res = await upload(slot, bytes)
  if (res.status !== 204) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.json)}`)
  return slot.photoId
}

const stored = (userId: string, photoId: string) => join(dir, 'photos', userId, photoId)

let keySeq = 0
const report = (userId: string, photos: unknown, key = `photo-key-${Date.now()}-${keySeq++}`) =>
  send('POST', '/api/tickets', userId, {
    category: 'leak',
    location: { kind: 'own_room' },
    description: '卫生间天花板漏水，滴到地上',
    photos,
    idempotencyKey: key,
  })

describe('POST /api/photos (an upload slot)', () => {
  it('gives a signed slot on the local stack: the url of its own endpoint and one token field', async () => {
    const res = await askSlot('u-resident-1')
    expect(res.status).toBe(201)
    expect(res.json).toEqual({
      photoId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      upload: { url: 'http://localhost/api/photos/local-upload', fields: { token: expect.any(String) } },
      expiresAt: '2026-12-03T08:10:00.000Z',
    })
  })

  it.each([
    ['a GIF', { contentType: 'image/gif', size: 100 }, 'contentType', '照片只能是 JPG、PNG 或 WEBP 格式'],
    ['no size', { contentType: 'image/png' }, 'size', '缺少照片大小（size）'],
    ['an empty file', { contentType: 'image/png', size: 0 }, 'size', '照片是空的'],
    ['a file over 5 MB', { contentType: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 }, 'size', '照片太大了，每张最多 5 MB'],
  ])('refuses %s with a Chinese message naming the field', async (_, body, path, message) => {
    const res = await send('POST', '/api/photos', 'u-resident-1', body)
    expect(res.status).toBe(400)
    expect(res.json.code).toBe('validation')
    expect(res.json.errors).toContainEqual({ path, message })
  })

  it('needs a signed-in user', async () => {
    const res = await send('POST', '/api/photos', undefined, { contentType: 'image/png', size: 10 })
    expect(res.status).toBe(401)
  })
})

describe('the local upload endpoint (S3 stand-in)', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG_1X1, 'image/jpeg'],
    ['WEBP', webpBytes(), 'image/webp'],
  ])('stores a real %s under photos/<user>/<photoId>, byte for byte', async (_, bytes, contentType) => {
    const slot = (await askSlot('u-resident-1', contentType, bytes.length)).json as Slot
    const res = await upload(slot, bytes, slot.upload.fields, contentType)
    expect(res.status).toBe(204)
    expect(readFileSync(stored('u-resident-1', slot.photoId))).toEqual(bytes)
  })

  const text = Buffer.from('这不是照片，是一段文字'.repeat(3))
  it.each([
    ['bytes that are no image', text, 'image/png', 400, 'file', '这个文件不是照片，只能上传 JPG、PNG 或 WEBP'],
    ['a PNG declared as JPEG', PNG, 'image/jpeg', 400, 'file', '照片的实际格式与声明的不一致，请重新选择'],
    ['an empty file', Buffer.alloc(0), 'image/png', 400, 'file', '照片文件是空的，请重新选择'],
    [
      'a file over 5 MB',
      Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]),
      'image/png',
      413,
      'file',
      '照片太大了，每张最多 5 MB',
    ],
    ['no file at all', null, 'image/png', 400, 'file', '没有收到照片文件（file）'],
  ])('refuses %s and writes nothing', async (_, bytes, declared, status, path, message) => {
    const slot = (await askSlot('u-resident-1', declared, 100)).json as Slot
    const res = await upload(slot, bytes)
    expect(res.status).toBe(status)
    expect(res.json.errors).toEqual([{ path, message }])
    expect(existsSync(stored('u-resident-1', slot.photoId))).toBe(false)
  })

  const forge = (token: string) => `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`
  it.each([
    ['a forged signature', (slot: Slot) => ({ token: forge(slot.upload.fields.token) })],
    ['a session token instead of an upload token', () => ({ token: tokens['u-resident-1'] })],
    ['no token', () => ({})],
  ])('refuses %s with 403', async (_, fieldsOf) => {
    const slot = (await askSlot('u-resident-1')).json as Slot
    const res = await upload(slot, PNG, fieldsOf(slot))
    expect(res.status).toBe(403)
    expect(res.json.errors).toEqual([{ path: 'token', message: '上传凭证无效或已过期，请重新选择照片' }])
    expect(existsSync(stored('u-resident-1', slot.photoId))).toBe(false)
  })

  it('refuses a slot used after its 10 minutes', async () => {
    const slot = (await askSlot('u-resident-1')).json as Slot
    clock = new Date(clock.getTime() + 10 * 60_000 + 1000)
    const res = await upload(slot, PNG)
    expect(res.status).toBe(403)
    expect(existsSync(stored('u-resident-1', slot.photoId))).toBe(false)
  })
})

describe('a ticket with photos', () => {
  it('round-trips: stored on the ticket, shown to the owner and in-scope staff, the bytes served back', async () => {
    // Prepare
    const ids = [await uploaded('u-resident-1'), await uploaded('u-resident-1', JPEG_1X1, 'image/jpeg')]
    // Act
    const created = await report('u-resident-1', ids)
    const ticketId = created.json.ticket.id
    const detail = await send('GET', `/api/tickets/${ticketId}`, 'u-head-5')
    const urls = await send('GET', `/api/tickets/${ticketId}/photos`, 'u-resident-1')
    // Assess
    expect(created.status).toBe(201)
    expect(created.json.ticket.photos).toEqual(ids)
    expect(detail.json.ticket.photos).toEqual(ids)
    expect(urls.status).toBe(200)
    expect(urls.json.photos.map((p: { id: string }) => p.id)).toEqual(ids)
    const image = await app.request(new URL(urls.json.photos[0].url).pathname)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG)
    const jpeg = await app.request(new URL(urls.json.photos[1].url).pathname)
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg')
  })

  it.each([
    ['the owner household', 'u-resident-1', 200],
    ['the building head of 5栋', 'u-head-5', 200],
    ['the building head of 6栋 (out of scope)', 'u-head-6', 404],
    ['a resident of another household in the same building', 'u-resident-3', 404],
    ['a resident of another building', 'u-resident-2', 404],
    ['the police (no property tickets)', 'u-police', 404],
  ])('gives photo URLs to %s: %s', async (_, userId, status) => {
    const created = await report('u-resident-1', [await uploaded('u-resident-1')])
    const res = await send('GET', `/api/tickets/${created.json.ticket.id}/photos`, userId)
    expect(res.status).toBe(status)
    if (status === 404) expect(res.json).toEqual({ code: 'not_found', message: '找不到该报修单' })
    else expect(res.json.photos).toHaveLength(1)
  })

  it('lets a read URL lapse after 15 minutes, and serves nothing for a made-up path', async () => {
    const created = await report('u-resident-1', [await uploaded('u-resident-1')])
    const urls = await send('GET', `/api/tickets/${created.json.ticket.id}/photos`, 'u-head-5')
    const path = new URL(urls.json.photos[0].url).pathname
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000)
    expect((await app.request(path)).status).toBe(404)
    expect((await app.request(`/api/photos/local/u-resident-1`)).status).toBe(404)
    expect((await app.request(`/api/photos/local/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404)
  })

  it('refuses 4 photos, naming the field', async () => {
    const ids = await Promise.all([1, 2, 3, 4].map(() => uploaded('u-resident-1')))
    const res = await report('u-resident-1', ids)
    expect(res.status).toBe(400)
    expect(res.json.errors).toContainEqual({ path: 'photos', message: '最多上传3张照片' })
  })

  it('refuses the same photo twice', async () => {
    const id = await uploaded('u-resident-1')
    const res = await report('u-resident-1', [id, id])
    expect(res.status).toBe(400)
    expect(res.json.errors).toContainEqual({ path: 'photos', message: '同一张照片不能重复添加' })
  })

  it.each([
    ["someone else's photo", async () => uploaded('u-resident-3')],
    ['a photo that was never uploaded', async () => ((await askSlot('u-resident-1')).json as Slot).photoId],
  ])('refuses %s, and no ticket is filed', async (_, photoOf) => {
    const mine = await uploaded('u-resident-1')
    const before = (await send('GET', '/api/tickets/mine', 'u-resident-1')).json.tickets.length
    const res = await report('u-resident-1', [mine, await photoOf()])
    expect(res.status).toBe(400)
    expect(res.json.errors).toEqual([{ path: 'photos.1', message: '第2张照片没有上传成功，请删除后重新添加' }])
    expect((await send('GET', '/api/tickets/mine', 'u-resident-1')).json.tickets).toHaveLength(before)
  })

  it.each([
    [
      'has grown past 5 MB in storage',
      Buffer.concat([PNG, Buffer.alloc(MAX_PHOTO_BYTES)]),
      '第1张照片太大了，请删除后重新添加',
    ],
    ['is no image in storage', Buffer.from('not an image at all'), '第1张照片不是有效的图片，请删除后重新添加'],
  ])('checks the stored file again on create: refuses one that %s', async (_, bytes, message) => {
    const photoId = `planted${keySeq++}`
    mkdirSync(join(dir, 'photos', 'u-resident-1'), { recursive: true })
    writeFileSync(stored('u-resident-1', photoId), bytes)
    const res = await report('u-resident-1', [photoId])
    expect(res.status).toBe(400)
    expect(res.json.errors).toEqual([{ path: 'photos.0', message }])
  })

  it('replays a retry with the same photos, refuses the same key with other photos', async () => {
    const [a, b] = [await uploaded('u-resident-1'), await uploaded('u-resident-1')]
    const key = `photo-replay-${Date.now()}`
    const first = await report('u-resident-1', [a], key)
    const retry = await report('u-resident-1', [a], key)
    const edited = await report('u-resident-1', [a, b], key)
    expect([first.status, retry.status, edited.status]).toEqual([201, 200, 409])
    expect(retry.json.ticket).toEqual(first.json.ticket)
  })

  it('treats no photos and an empty list alike, so keys from before photos still replay', async () => {
    const key = `photo-none-${Date.now()}`
    const first = await report('u-resident-1', undefined, key)
    const retry = await report('u-resident-1', [], key)
    expect([first.status, retry.status]).toEqual([201, 200])
    expect(first.json.ticket.photos).toBeUndefined()
  })
})

describe('round trips (DESIGN.md §5)', () => {
  it('reads photo URLs in 2 DynamoDB round trips, and photos add none to a create', async () => {
    const photoId = await uploaded('u-resident-1')
    const counter = countCalls(doc)
    counter.reset()
    const created = await report('u-resident-1', [photoId])
    const createWaves = counter.waves()
    counter.reset()
    const urls = await send('GET', `/api/tickets/${created.json.ticket.id}/photos`, 'u-head-5')
    expect([created.status, urls.status]).toEqual([201, 200])
    expect(createWaves).toBeLessThanOrEqual(2)
    expect(counter.waves()).toBeLessThanOrEqual(2)
    expect(counter.calls.map((c) => c.name)).not.toContain('ScanCommand')
  })
})
