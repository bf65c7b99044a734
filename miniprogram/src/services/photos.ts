import {
  type PhotoContentType,
  type PhotoId,
  PhotoUploadResponse,
  type TicketPhotosResponse,
  TicketPhotosResponse as TicketPhotosSchema,
} from '@anju/shared'
import Taro from '@tarojs/taro'
import { photoContentType, uploadFailure } from '../utils/photos'
import { ApiError, OfflineError, request } from './http'

// Ticket photos (docs/decisions/062-ticket-photos.md): 1) ask the API for an upload slot, 2) post
// the file there with Taro.uploadFile — S3 in AWS, the local stack in `npm start`; the same code.

export interface PickedPhoto {
  path: string
  size: number
  contentType: PhotoContentType | undefined
}

/** The photo picker: camera or album, compressed by WeChat, at most `count`. Empty when cancelled. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  try {
    const res = await Taro.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    })
    return res.tempFiles.map((f) => {
      // H5 keeps the File (with its real type); weapp gives a temp path with an extension.
      const mime = (f as { originalFileObj?: { type?: string } }).originalFileObj?.type
      return { path: f.tempFilePath, size: f.size, contentType: photoContentType(f.tempFilePath, mime) }
    })
  } catch {
    return []
  }
}

/** Both steps for one picked photo; resolves with its id, rejects with a Chinese message. */
export async function uploadPhoto(
  photo: { path: string; size: number; contentType: PhotoContentType },
  onProgress?: (percent: number) => void,
): Promise<PhotoId> {
  const slot = await request('POST', '/photos', PhotoUploadResponse, {
    contentType: photo.contentType,
    size: photo.size,
  })
  let res: { statusCode: number; data: unknown }
  try {
    const task = Taro.uploadFile({
      url: slot.upload.url,
      filePath: photo.path,
      name: 'file',
      formData: slot.upload.fields,
      // H5: S3's CORS answers any origin without credentials; the upload needs no cookie.
      withCredentials: false,
    } as Taro.uploadFile.Option)
    if (onProgress) task.progress((p) => onProgress(p.progress))
    res = await task
  } catch {
    throw new OfflineError('网络不好，照片没有传上去，请点“重试”')
  }
  if (res.statusCode < 200 || res.statusCode >= 300)
    throw new ApiError(uploadFailure(res.statusCode, res.data), res.statusCode, 'upload')
  return slot.photoId
}

/** Short-lived URLs of a ticket's photos (owner household and in-scope staff only). */
export async function getTicketPhotos(ticketId: string): Promise<TicketPhotosResponse['photos']> {
  return (await request('GET', `/tickets/${encodeURIComponent(ticketId)}/photos`, TicketPhotosSchema)).photos
}
