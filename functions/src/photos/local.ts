import { createHmac } from 'node:crypto'
import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  MAX_PHOTO_BYTES,
  PHOTO_SNIFF_BYTES,
  type PhotoContentType,
  PhotoContentType as PhotoContentTypeSchema,
  sniffPhotoType,
} from '@anju/shared'
import { jwtVerify, SignJWT } from 'jose'
import {
  type PhotoCheck,
  type PhotoContext,
  type PhotoRef,
  type PhotoStore,
  photoKey,
  READ_TTL_SECONDS,
  UPLOAD_TTL_SECONDS,
  type UploadSlot,
} from './store'

// Photos in a local folder (STAGE=local: `npm start`, the tests, the e2e). The local stack plays
// S3's part: an upload is the same multipart POST with signed fields, here one token (a JWT signed
// with a key derived from JWT_SECRET) naming the key, the type and the expiry. Unlike S3 it also
// checks the bytes on upload. Reads go through a second, short-lived token per photo: the folder
// itself is never listed or served.

/** The local upload endpoint and the read path, under the API. */
export const LOCAL_UPLOAD_PATH = '/api/photos/local-upload'
export const LOCAL_READ_PATH = '/api/photos/local'

const ISSUER = 'anju'
const UPLOAD_AUDIENCE = 'anju-photo-upload'
const READ_AUDIENCE = 'anju-photo-read'

/** Why an upload was refused; the route turns these into Chinese ApiErrorBody answers. */
export class PhotoUploadRefusal extends Error {
  constructor(readonly reason: 'token' | 'no_file' | 'empty' | 'too_large' | 'not_image' | 'type_mismatch') {
    super(reason)
  }
}

export class LocalPhotoStore implements PhotoStore {
  private readonly key: Uint8Array

  constructor(
    private readonly dir: string,
    jwtSecret: string,
  ) {
    // A key of its own: a session token can never pass as a photo token, nor the reverse.
    this.key = createHmac('sha256', jwtSecret).update('anju-local-photos').digest()
  }

  private path(ref: PhotoRef): string {
    return join(this.dir, photoKey(ref))
  }

  private sign(claims: Record<string, string>, audience: string, now: Date, ttl: number): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000)
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(this.key)
  }

  /** The photo a token of this audience names; throws for a forged, expired or foreign token. */
  private async claims(token: string, audience: string, now: Date): Promise<PhotoRef & { ct?: unknown }> {
    const { payload } = await jwtVerify(token, this.key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience,
      currentDate: now,
      requiredClaims: ['exp'],
    })
    const { own, pid, ct } = payload
    if (typeof own !== 'string' || typeof pid !== 'string') throw new Error('claims')
    photoKey({ ownerId: own, photoId: pid })
    return { ownerId: own, photoId: pid, ct }
  }

  async createUpload(ref: PhotoRef, contentType: PhotoContentType, ctx: PhotoContext): Promise<UploadSlot> {
    const token = await this.sign(
      { own: ref.ownerId, pid: ref.photoId, ct: contentType },
      UPLOAD_AUDIENCE,
      ctx.now,
      UPLOAD_TTL_SECONDS,
    )
    return {
      url: `${ctx.origin}${LOCAL_UPLOAD_PATH}`,
      fields: { token },
      expiresAt: new Date(ctx.now.getTime() + UPLOAD_TTL_SECONDS * 1000),
    }
  }

  /** The local endpoint's work: the token, then the file's size, then its bytes against the type. */
  async receive(token: string, file: unknown, now: Date): Promise<PhotoRef> {
    let ref: PhotoRef & { ct: PhotoContentType }
    try {
      const claims = await this.claims(token, UPLOAD_AUDIENCE, now)
      ref = { ...claims, ct: PhotoContentTypeSchema.parse(claims.ct) }
    } catch {
      throw new PhotoUploadRefusal('token')
    }
    if (!(file instanceof Blob)) throw new PhotoUploadRefusal('no_file')
    if (file.size === 0) throw new PhotoUploadRefusal('empty')
    if (file.size > MAX_PHOTO_BYTES) throw new PhotoUploadRefusal('too_large')
    const bytes = new Uint8Array(await file.arrayBuffer())
    const sniffed = sniffPhotoType(bytes.subarray(0, PHOTO_SNIFF_BYTES))
    if (!sniffed) throw new PhotoUploadRefusal('not_image')
    if (sniffed !== ref.ct) throw new PhotoUploadRefusal('type_mismatch')
    const target = this.path(ref)
    await mkdir(join(target, '..'), { recursive: true })
    // Written beside and renamed, so a reader never sees half a photo.
    const partial = `${target}.${process.pid}.${Date.now()}.part`
    await writeFile(partial, bytes)
    await rename(partial, target)
    return ref
  }

  async check(ref: PhotoRef): Promise<PhotoCheck> {
    let size: number
    try {
      size = (await stat(this.path(ref))).size
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' }
      throw err
    }
    if (size > MAX_PHOTO_BYTES) return { ok: false, reason: 'too_large' }
    const handle = await open(this.path(ref), 'r')
    try {
      const head = new Uint8Array(PHOTO_SNIFF_BYTES)
      await handle.read(head, 0, PHOTO_SNIFF_BYTES, 0)
      return sniffPhotoType(head) ? { ok: true } : { ok: false, reason: 'wrong_type' }
    } finally {
      await handle.close()
    }
  }

  async readUrl(ref: PhotoRef, ctx: PhotoContext): Promise<string> {
    const token = await this.sign({ own: ref.ownerId, pid: ref.photoId }, READ_AUDIENCE, ctx.now, READ_TTL_SECONDS)
    return `${ctx.origin}${LOCAL_READ_PATH}/${token}`
  }

  /** The bytes behind a read URL, or undefined when the token or the file is not good. */
  async open(token: string, now: Date): Promise<{ bytes: Uint8Array; contentType: PhotoContentType } | undefined> {
    let ref: PhotoRef
    try {
      ref = await this.claims(token, READ_AUDIENCE, now)
    } catch {
      return undefined
    }
    try {
      const bytes = new Uint8Array(await readFile(this.path(ref)))
      const contentType = sniffPhotoType(bytes.subarray(0, PHOTO_SNIFF_BYTES))
      return contentType ? { bytes, contentType } : undefined
    } catch {
      return undefined
    }
  }
}
