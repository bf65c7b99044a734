import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Config, isLocalStage } from '../config'
import { PhotosUnavailableError } from '../errors'
import { LocalPhotoStore } from './local'
import { S3PhotoStore } from './s3'
import type { PhotoStore } from './store'

export { LocalPhotoStore } from './local'
export type { PhotoRef, PhotoStore } from './store'

/** S3 when a bucket is configured, a local folder in STAGE=local, else a store that says 503. */
export function createPhotoStore(config: Config): PhotoStore {
  if (config.photos.bucket) return new S3PhotoStore({ bucket: config.photos.bucket, region: config.region })
  if (isLocalStage(config))
    return new LocalPhotoStore(config.photos.dir ?? join(tmpdir(), 'anju-photos'), config.jwtSecret)
  const unavailable = async (): Promise<never> => {
    throw new PhotosUnavailableError()
  }
  return { createUpload: unavailable, check: unavailable, readUrl: unavailable }
}
