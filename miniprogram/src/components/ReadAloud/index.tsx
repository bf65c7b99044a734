import { Text, View } from '@tarojs/components'
import { speak } from '../../services/speech'
import Icon from '../Icon'
import './index.scss'

/** The read-aloud button every resident page carries; `text` is what the page says in words. */
export default function ReadAloud({ text }: { text: string }) {
  return (
    <View className="aj-read-aloud" onClick={() => speak(text)}>
      <Icon name="speaker" size="sm" />
      <Text className="aj-read-aloud__label">读给我听</Text>
    </View>
  )
}
