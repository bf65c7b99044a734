import type { PhotoContentType } from '@anju/shared'

// One storage interface for ticket photos (docs/decisions/062-ticket-photos.md): S3 in AWS, a
// local folder in `npm start` and the tests. Services and routes see only this.

/** Whose photo and which: the object lives at photos/<ownerId>/<photoId>. */
export interface PhotoRef {
  ownerId: string
  photoId: string
}

/** A multipart POST the client makes itself: every field, then the file in `file`. */
export interface UploadSlot {
  url: string
  fields: Record<string, string>
  expiresAt: Date
}

export type PhotoCheck = { ok: true } | { ok: false; reason: 'missing' | 'too_large' | 'wrong_type' }

export interface PhotoContext {
  now: Date
  /** The API's own origin (scheme://host[:port]), for URLs the local store serves itself. */
  origin: string
}

export interface PhotoStore {
  /** A signed, short-lived permission to upload one photo of this type, at most MAX_PHOTO_BYTES. */
  createUpload(ref: PhotoRef, contentType: PhotoContentType, ctx: PhotoContext): Promise<UploadSlot>
  /** Whether the photo was uploaded and is still acceptable (size, real image bytes). */
  check(ref: PhotoRef): Promise<PhotoCheck>
  /** A short-lived URL an <Image> can load; only for callers already allowed to see the photo. */
  readUrl(ref: PhotoRef, ctx: PhotoContext): Promise<string>
}

/** Upload permissions last long enough for a slow rural connection, not for a day. */
export const UPLOAD_TTL_SECONDS = 10 * 60
/** Read URLs: a ticket page is looked at for minutes; the client asks again after that. */
export const READ_TTL_SECONDS = 15 * 60

// Ids are checked against the shared Id pattern before they get here; this is the last guard
// against a key (or a local path) built from anything else.
const SAFE = /^[A-Za-z0-9_-]{1,64}$/

export function photoKey(ref: PhotoRef): string {
  if (!SAFE.test(ref.ownerId) || !SAFE.test(ref.photoId)) throw new Error('unsafe photo reference')
  return `photos/${ref.ownerId}/${ref.photoId}`
}
