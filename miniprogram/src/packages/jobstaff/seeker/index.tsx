import { Text, View } from '@tarojs/components'
import './index.scss'

export default function Stub() {
  return (
    <View className="aj-page">
      <Text className="aj-empty">正在建设中</Text>
    </View>
  )
}
