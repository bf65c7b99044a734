import { MAX_PHOTO_BYTES, PHOTO_SNIFF_BYTES, type PhotoContentType, sniffPhotoType } from '@anju/shared'
import type { S3Client } from '@aws-sdk/client-s3'
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

// Photos in S3. The upload is a presigned POST: its policy makes S3 itself refuse a file of another
// Content-Type, outside 1 B…MAX_PHOTO_BYTES, or under another key. S3 does not look at the bytes,
// so a ticket create reads the first bytes back (a ranged GET) before it accepts a photo.
// The SDK modules load on first use: most requests never touch photos, and the Lambda's import
// time is budgeted (DESIGN.md §5).

type S3Sdk = typeof import('@aws-sdk/client-s3')

export interface S3PhotoStoreOptions {
  bucket: string
  region: string
  /** Tests pass a client with fixed credentials; otherwise one is made on first use. */
  client?: S3Client
}

export class S3PhotoStore implements PhotoStore {
  private sdk?: Promise<{ s3: S3Sdk; client: S3Client }>

  constructor(private readonly options: S3PhotoStoreOptions) {}

  private load() {
    this.sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: this.options.client ?? new s3.S3Client({ region: this.options.region }),
    }))
    return this.sdk
  }

  async createUpload(ref: PhotoRef, contentType: PhotoContentType, ctx: PhotoContext): Promise<UploadSlot> {
    const { client } = await this.load()
    const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post')
    const { url, fields } = await createPresignedPost(client, {
      Bucket: this.options.bucket,
      Key: photoKey(ref),
      // Fields become exact-match conditions of the policy; the range is checked by S3 on the body.
      Fields: { 'Content-Type': contentType },
      Conditions: [['content-length-range', 1, MAX_PHOTO_BYTES]],
      Expires: UPLOAD_TTL_SECONDS,
    })
    return { url, fields, expiresAt: new Date(ctx.now.getTime() + UPLOAD_TTL_SECONDS * 1000) }
  }

  async check(ref: PhotoRef): Promise<PhotoCheck> {
    const { s3, client } = await this.load()
    try {
      const out = await client.send(
        new s3.GetObjectCommand({
          Bucket: this.options.bucket,
          Key: photoKey(ref),
          Range: `bytes=0-${PHOTO_SNIFF_BYTES - 1}`,
        }),
      )
      const total = Number(out.ContentRange?.split('/')[1] ?? out.ContentLength)
      const head = out.Body ? await out.Body.transformToByteArray() : new Uint8Array()
      if (!(total <= MAX_PHOTO_BYTES)) return { ok: false, reason: 'too_large' }
      const sniffed = sniffPhotoType(head)
      if (!sniffed || sniffed !== out.ContentType) return { ok: false, reason: 'wrong_type' }
      return { ok: true }
    } catch (err) {
      if (err instanceof s3.NoSuchKey || (err as { name?: string }).name === 'NoSuchKey')
        return { ok: false, reason: 'missing' }
      throw err
    }
  }

  async readUrl(ref: PhotoRef, _ctx: PhotoContext): Promise<string> {
    const { s3, client } = await this.load()
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner')
    return getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: this.options.bucket,
        Key: photoKey(ref),
        ResponseCacheControl: `private, max-age=${READ_TTL_SECONDS}`,
      }),
      { expiresIn: READ_TTL_SECONDS },
    )
  }
}
