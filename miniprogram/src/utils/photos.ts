// Pure helpers of the photo upload, kept apart from Taro so plain jest can test them.
import {
  ApiErrorBody,
  MAX_PHOTO_BYTES,
  MAX_TICKET_PHOTOS,
  PHOTO_CONTENT_TYPES,
  type PhotoContentType,
} from '@anju/shared'

const BY_EXTENSION: Record<string, PhotoContentType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

/**
 * The type to declare for a picked photo: the browser's own (H5 gives the File's type), else the
 * temp file's extension (weapp: wxfile://tmp_….jpg). Undefined for anything else (a HEIC, a GIF).
 */
export function photoContentType(path: string, mime?: string): PhotoContentType | undefined {
  if (mime) {
    if (mime === 'image/jpg') return 'image/jpeg'
    return (PHOTO_CONTENT_TYPES as readonly string[]).includes(mime) ? (mime as PhotoContentType) : undefined
  }
  const ext = /\.([a-z0-9]+)$/i.exec(path.split('?')[0])?.[1]?.toLowerCase()
  return ext ? BY_EXTENSION[ext] : undefined
}

/** What is wrong with a picked file before anything is sent, in words for the resident; or ''. */
export function pickProblem(size: number, contentType: PhotoContentType | undefined): string {
  if (!contentType) return '这张照片的格式不支持，请换一张（JPG、PNG）'
  if (size > MAX_PHOTO_BYTES) return `这张照片太大了（每张最多 ${MAX_PHOTO_BYTES / 1024 / 1024} MB），请换一张`
  return ''
}

/** How many more photos may be picked: uploaded ones and those on their way or stopped count. */
export function photoRoom(uploaded: number, pending: number): number {
  return Math.max(0, MAX_TICKET_PHOTOS - uploaded - pending)
}

/**
 * What to do with the files the resident picked: the ones to upload (at most `room`), and one
 * message for the rest. A refused file (type, size) is never kept in the list, so it takes no
 * room and the resident can pick again at once.
 */
export function sortPicked<T extends { size: number; contentType: PhotoContentType | undefined }>(
  picked: readonly T[],
  room: number,
): { accepted: T[]; refusal: string } {
  const problems = picked.map((f) => pickProblem(f.size, f.contentType)).filter((p) => p !== '')
  const usable = picked.filter((f) => pickProblem(f.size, f.contentType) === '')
  const accepted = usable.slice(0, Math.max(0, room))
  const parts: string[] = []
  if (problems.length === 1) parts.push(problems[0])
  if (problems.length > 1)
    parts.push(
      `有 ${problems.length} 张照片不能用（只能用 JPG、PNG 格式，每张最多 ${MAX_PHOTO_BYTES / 1024 / 1024} MB），请换别的照片`,
    )
  const left = usable.length - accepted.length
  if (left > 0) parts.push(`最多 ${MAX_TICKET_PHOTOS} 张照片，多选的 ${left} 张没有加上`)
  return { accepted, refusal: parts.join('；') }
}

/**
 * The message for an upload that did not succeed: the local stack answers ApiErrorBody JSON with a
 * Chinese message; S3 answers XML, which a resident must never see.
 */
export function uploadFailure(status: number, data: unknown): string {
  let body = data
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data)
    } catch {
      body = undefined
    }
  }
  const parsed = ApiErrorBody.safeParse(body)
  if (parsed.success) return parsed.data.errors?.[0]?.message ?? parsed.data.message
  if (status === 403) return '上传等太久了，请点“重试”'
  if (status === 400 && typeof data === 'string' && data.includes('EntityTooLarge'))
    return `照片太大了，每张最多 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`
  return '照片没有传上去，请点“重试”'
}
