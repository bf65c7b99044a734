import type { CreatePhotoUploadRequest, FieldError, Me, PhotoUploadResponse } from '@anju/shared'
import { ValidationError } from '../errors'
import type { PhotoCheck } from '../photos/store'
import type { ServiceDeps } from './deps'

// Ticket photos: a signed upload slot for any signed-in user, and the check a ticket create runs on
// the photos it names (decision 062). Reading: ticket-photos.ts.

export async function createPhotoUpload(
  deps: ServiceDeps,
  me: Me,
  req: CreatePhotoUploadRequest,
  origin: string,
): Promise<PhotoUploadResponse> {
  const photoId = deps.newId()
  const slot = await deps.photos.createUpload({ ownerId: me.id, photoId }, req.contentType, {
    now: deps.now(),
    origin,
  })
  return { photoId, upload: { url: slot.url, fields: slot.fields }, expiresAt: slot.expiresAt.toISOString() }
}

const REFUSED: Record<Exclude<PhotoCheck, { ok: true }>['reason'], (n: number) => string> = {
  missing: (n) => `第${n}张照片没有上传成功，请删除后重新添加`,
  too_large: (n) => `第${n}张照片太大了，请删除后重新添加`,
  wrong_type: (n) => `第${n}张照片不是有效的图片，请删除后重新添加`,
}

/**
 * Every photo must be the caller's own (only their folder is looked in, so another user's id is
 * simply "not uploaded") and must be there, within the limits. One parallel wave of storage reads.
 */
export async function verifyOwnPhotos(deps: ServiceDeps, ownerId: string, photoIds: readonly string[]): Promise<void> {
  const checks = await Promise.all(photoIds.map((photoId) => deps.photos.check({ ownerId, photoId })))
  const errors: FieldError[] = []
  checks.forEach((check, i) => {
    if (!check.ok) errors.push({ path: `photos.${i}`, message: REFUSED[check.reason](i + 1) })
  })
  if (errors.length > 0) throw new ValidationError(errors[0].message, errors)
}
