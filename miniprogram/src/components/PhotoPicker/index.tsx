import { MAX_TICKET_PHOTOS, type PhotoContentType } from '@anju/shared'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { DraftPhoto } from '../../services/draft'
import { pickPhotos, uploadPhoto } from '../../services/photos'
import { photoRoom, sortPicked } from '../../utils/photos'
import Icon from '../Icon'
import './index.scss'

interface Props {
  /** Uploaded photos (kept in the draft). */
  photos: DraftPhoto[]
  onAdd: (photo: DraftPhoto) => void
  onRemove: (id: string) => void
  /** true while a photo is still on its way: the report must wait for it. */
  onBusyChange?: (busy: boolean) => void
  error?: string
}

/** A picked photo not uploaded yet: on its way (progress) or stopped (message, with 重试). */
interface Pending {
  key: number
  path: string
  size: number
  contentType: PhotoContentType
  progress: number
  message: string
}

/**
 * Up to three photos, each uploaded the moment it is picked, so submitting sends only their ids
 * (docs/decisions/062-ticket-photos.md). Big targets, words beside every icon, progress and
 * failures in plain Chinese.
 */
export default function PhotoPicker({ photos, onAdd, onRemove, onBusyChange, error }: Props) {
  const [pending, setPending] = useState<Pending[]>([])
  // Why the last pick left files out (type, size, too many); they are not kept, so they take no room.
  const [refusal, setRefusal] = useState('')
  const nextKey = useRef(0)
  const room = photoRoom(photos.length, pending.length)
  const busy = pending.some((p) => p.message === '')

  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange])

  const patch = (key: number, change: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))
  const drop = (key: number) => setPending((list) => list.filter((p) => p.key !== key))

  const start = (p: Pending) => {
    patch(p.key, { message: '', progress: 0 })
    uploadPhoto({ path: p.path, size: p.size, contentType: p.contentType }, (progress) => patch(p.key, { progress }))
      .then((id) => {
        drop(p.key)
        onAdd({ id, path: p.path })
      })
      .catch((err: Error) => patch(p.key, { message: err.message || '照片没有传上去，请点“重试”' }))
  }

  const add = async () => {
    if (room <= 0) return
    setRefusal('')
    const { accepted, refusal: why } = sortPicked(await pickPhotos(room), room)
    setRefusal(why)
    const entries = accepted.map((f) => ({
      key: nextKey.current++,
      path: f.path,
      size: f.size,
      contentType: f.contentType as PhotoContentType,
      progress: 0,
      message: '',
    }))
    setPending((list) => [...list, ...entries])
    for (const entry of entries) start(entry)
  }

  const preview = (path: string) =>
    Taro.previewImage({ urls: photos.map((p) => p.path), current: path }).catch(() => undefined)

  return (
    <View className="aj-photos">
      <Text className="aj-photos__hint">{`可以拍照片给工作人员看，最多${MAX_TICKET_PHOTOS}张，不拍也可以。已加 ${photos.length} 张。`}</Text>
      <View className="aj-photos__grid">
        {photos.map((p, i) => (
          <View key={p.id} className={`aj-photo aj-photo-${i}`}>
            <Image className="aj-photo__img" src={p.path} mode="aspectFill" onClick={() => preview(p.path)} />
            <Text className="aj-photo__state">{`✓ 第${i + 1}张 已上传`}</Text>
            <View className="aj-photo__button aj-photo-remove" onClick={() => onRemove(p.id)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.key} className="aj-photo aj-photo--pending">
            <Image className="aj-photo__img" src={p.path} mode="aspectFill" />
            {p.message === '' ? (
              <Text className="aj-photo__state aj-photo-progress">{`正在上传 ${p.progress}%`}</Text>
            ) : (
              <Text className="aj-photo__state aj-photo__state--failed aj-photo-failed">{`⚠ ${p.message}`}</Text>
            )}
            {p.message !== '' && (
              <View className="aj-photo__button aj-photo-retry" onClick={() => start(p)}>
                <Text>重试</Text>
              </View>
            )}
            {p.message !== '' && (
              <View className="aj-photo__button aj-photo-remove" onClick={() => drop(p.key)}>
                <Text>删除</Text>
              </View>
            )}
          </View>
        ))}
      </View>
      {room > 0 && (
        <View className="aj-button aj-button--plain aj-photo-add" onClick={add}>
          <Icon name="camera" size="md" />
          <Text>拍照/选照片</Text>
        </View>
      )}
      {refusal !== '' && <Text className="aj-field-error aj-photo-refused">{`⚠ ${refusal}`}</Text>}
      {room <= 0 && photos.length >= MAX_TICKET_PHOTOS && (
        <Text className="aj-photos__hint">{`已经${MAX_TICKET_PHOTOS}张了，要换一张请先删除。`}</Text>
      )}
      {error && <Text className="aj-field-error aj-field-error--photos">{error}</Text>}
    </View>
  )
}
