import {
  CreatePhotoUploadRequest,
  MAX_PHOTO_BYTES,
  type PhotoUploadResponse,
  TicketIdParam,
  type TicketPhotosResponse,
} from '@anju/shared'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { type ErrorCode, NotFoundError, PayloadTooLargeError, PhotoUploadError } from '../../errors'
import { LocalPhotoStore } from '../../photos'
import type { PhotoUploadRefusal } from '../../photos/local'
import { createPhotoUpload } from '../../services/photos'
import { ticketPhotoUrls } from '../../services/ticket-photos'
import { requireUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams } from '../parse'

// Ticket photos (decision 062). POST / hands out an upload slot; in AWS the client then posts to
// S3, in STAGE=local to /local-upload here. Reading goes through GET /api/tickets/:id/photos.

const origin = (c: Context) => new URL(c.req.url).origin

const MB = MAX_PHOTO_BYTES / 1024 / 1024
const REFUSALS: Record<PhotoUploadRefusal['reason'], [ErrorCode, string, string]> = {
  token: ['forbidden', 'token', '上传凭证无效或已过期，请重新选择照片'],
  no_file: ['validation', 'file', '没有收到照片文件（file）'],
  empty: ['validation', 'file', '照片文件是空的，请重新选择'],
  too_large: ['too_large', 'file', `照片太大了，每张最多 ${MB} MB`],
  not_image: ['validation', 'file', '这个文件不是照片，只能上传 JPG、PNG 或 WEBP'],
  type_mismatch: ['validation', 'file', '照片的实际格式与声明的不一致，请重新选择'],
}

function localStore(c: Context<AppEnv>): LocalPhotoStore {
  const store = c.var.deps.photos
  // In AWS uploads and reads go to S3: these two routes do not exist there.
  if (!(store instanceof LocalPhotoStore)) throw new NotFoundError('没有这个接口')
  return store
}

export const photoRoutes = new Hono<AppEnv>()
  .post('/', requireUser, async (c) => {
    const body = await parseBody(c, CreatePhotoUploadRequest)
    return c.json<PhotoUploadResponse>(await createPhotoUpload(c.var.deps, c.var.me, body, origin(c)), 201)
  })
  .post(
    '/local-upload',
    // The one body larger than a JSON form: a photo plus the multipart framing.
    bodyLimit({
      maxSize: MAX_PHOTO_BYTES + 64 * 1024,
      onError: () => {
        throw new PayloadTooLargeError()
      },
    }),
    async (c) => {
      const store = localStore(c)
      let form: FormData
      try {
        form = await c.req.formData()
      } catch {
        throw new PhotoUploadError('validation', 'file', '上传内容不是有效的表单（multipart/form-data）')
      }
      const token = form.get('token')
      try {
        await store.receive(typeof token === 'string' ? token : '', form.get('file'), c.var.deps.now())
      } catch (err) {
        const reason = (err as Partial<PhotoUploadRefusal>).reason
        if (!reason || !(reason in REFUSALS)) throw err
        throw new PhotoUploadError(...REFUSALS[reason])
      }
      // S3 answers a successful POST with 204 and no body; so does this stand-in.
      return c.body(null, 204)
    },
  )
  .get('/local/:token', async (c) => {
    const found = await localStore(c).open(c.req.param('token'), c.var.deps.now())
    if (!found) throw new NotFoundError('照片不存在或链接已过期')
    return c.body(found.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': found.contentType,
      'Cache-Control': 'private, max-age=900',
      'X-Content-Type-Options': 'nosniff',
    })
  })

/** Mounted under /api/tickets: the photos follow the ticket's own visibility rule. */
export const ticketPhotoRoutes = new Hono<AppEnv>().get('/:id/photos', requireUser, async (c) => {
  const { id } = parseParams(c, TicketIdParam)
  return c.json<TicketPhotosResponse>(await ticketPhotoUrls(c.var.deps, c.var.me, id, origin(c)))
})
