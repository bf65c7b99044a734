import * as z from 'zod'
import { Id } from './common'

// Ticket photos: the limits both sides apply, the contracts of the two-step upload
// (docs/decisions/062-ticket-photos.md) and the magic-byte check the local store runs.

/** Photos per ticket. */
export const MAX_TICKET_PHOTOS = 3
/** Bytes per photo: a phone camera JPEG compressed by WeChat is 0.2–3 MB. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

export const PhotoContentType = z.enum(PHOTO_CONTENT_TYPES, { error: '照片只能是 JPG、PNG 或 WEBP 格式' })
export type PhotoContentType = z.infer<typeof PhotoContentType>

/** The id the server gave an upload; the stored object is photos/<uploader>/<photoId>. */
export const PhotoId = Id
export type PhotoId = z.infer<typeof PhotoId>

/** POST /api/photos: what is about to be uploaded. */
export const CreatePhotoUploadRequest = z.object({
  contentType: PhotoContentType,
  size: z
    .number({ error: '缺少照片大小（size）' })
    .int({ error: '照片大小（size）格式不正确' })
    .min(1, { error: '照片是空的' })
    .max(MAX_PHOTO_BYTES, { error: `照片太大了，每张最多 ${MAX_PHOTO_BYTES / 1024 / 1024} MB` }),
})
export type CreatePhotoUploadRequest = z.infer<typeof CreatePhotoUploadRequest>

/**
 * Where to send the file: a multipart/form-data POST to `url` with every field of `fields` and the
 * file last, in the field `file` (wx.uploadFile's `name`). S3 presigned POST in AWS, the local
 * stack's own endpoint in `npm start`; the client does not need to know which.
 */
export const PhotoUploadResponse = z.object({
  photoId: PhotoId,
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.string(),
})
export type PhotoUploadResponse = z.infer<typeof PhotoUploadResponse>

/** GET /api/tickets/:id/photos: short-lived URLs, for the owner household and in-scope staff only. */
export const TicketPhotosResponse = z.object({
  photos: z.array(z.object({ id: PhotoId, url: z.string() })),
  expiresAt: z.string(),
})
export type TicketPhotosResponse = z.infer<typeof TicketPhotosResponse>

/** The photos a ticket create may carry: at most three, each once. */
export const TicketPhotoIds = z
  .array(PhotoId, { error: '照片列表格式不正确' })
  .max(MAX_TICKET_PHOTOS, { error: `最多上传${MAX_TICKET_PHOTOS}张照片` })
  .refine((ids) => new Set(ids).size === ids.length, { error: '同一张照片不能重复添加' })

/** The format the first bytes say, or undefined: a declared type is believed only if they agree. */
export function sniffPhotoType(head: Uint8Array): PhotoContentType | undefined {
  const at = (i: number, bytes: number[]) => bytes.every((b, k) => head[i + k] === b)
  if (at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  // RIFF <4-byte length> WEBP
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp'
  return undefined
}

/** Bytes sniffPhotoType needs. */
export const PHOTO_SNIFF_BYTES = 12
