import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { getTicketPhotos } from '../../services/photos'
import './index.scss'

interface Props {
  ticketId: string
  /** How many the ticket names: nothing is fetched for a ticket without photos. */
  count: number
}

/**
 * A ticket's photos as thumbnails; a tap opens them large. The URLs are short-lived and asked for
 * each time the component appears (only the owner household and in-scope staff get them).
 */
export default function TicketPhotos({ ticketId, count }: Props) {
  const [urls, setUrls] = useState<string[]>([])
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (count === 0) return
    let live = true
    getTicketPhotos(ticketId)
      .then((photos) => live && setUrls(photos.map((p) => p.url)))
      .catch(() => live && setFailed(true))
    return () => {
      live = false
    }
  }, [ticketId, count])

  if (count === 0) return null
  return (
    <View className="aj-ticket-photos">
      <Text className="aj-ticket-photos__label">{`照片（${count}张，点一下看大图）`}</Text>
      {failed && <Text className="aj-ticket-photos__label">照片暂时打不开，请稍后再看</Text>}
      <View className="aj-ticket-photos__row">
        {urls.map((url, i) => (
          <Image
            key={url}
            className={`aj-ticket-photos__img aj-ticket-photo-${i}`}
            src={url}
            mode="aspectFill"
            onClick={(e) => {
              // Inside a card that opens the ticket: the tap is for the photo only.
              e.stopPropagation()
              Taro.previewImage({ urls, current: url }).catch(() => undefined)
            }}
          />
        ))}
      </View>
    </View>
  )
}
