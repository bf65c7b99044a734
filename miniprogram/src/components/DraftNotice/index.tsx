import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  message: string
  busy: boolean
  onRetry: () => void
}

/** Shown while a saved draft waits to be resent; the retry uses the draft's own idempotency key. */
export default function DraftNotice({ message, busy, onRetry }: Props) {
  return (
    <View className="aj-draft-notice">
      <Text className="aj-draft-notice__text">{message}</Text>
      <View className={`aj-retry ${busy ? 'aj-retry--busy' : ''}`} onClick={() => !busy && onRetry()}>
        <Text>{busy ? '正在重新提交…' : '现在重试'}</Text>
      </View>
    </View>
  )
}
