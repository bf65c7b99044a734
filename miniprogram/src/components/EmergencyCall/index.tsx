import type { Emergency } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Icon from '../Icon'
import ReadAloud from '../ReadAloud'
import './index.scss'

const title = (e: Emergency) => (e.call.length > 0 ? '紧急情况，请马上打电话' : '紧急情况')

function spoken(e: Emergency): string {
  const numbers = e.call.map((p) => `${p.label}，${p.number.split('').join(' ')}`).join('；')
  return `${title(e)}。${numbers}。${e.reason}。${e.advice.join('。')}`
}

/**
 * The numbers to phone right now, shown the moment an answer makes it an emergency: before and
 * whether or not the report is sent, because nobody may read the report for minutes. A rule with
 * no number for the case (no property duty line configured) still says it is urgent.
 */
export default function EmergencyCall({
  emergency,
  noun = '报修',
}: {
  emergency: Emergency
  /** What is being sent: 报修, or 求助 on the help page. */
  noun?: string
}) {
  return (
    <View className="aj-emergency" role="alert">
      <View className="aj-emergency__top">
        <Text className="aj-emergency__title">{`⚠ ${title(emergency)}`}</Text>
        <ReadAloud text={spoken(emergency)} />
      </View>
      <Text className="aj-emergency__reason">{emergency.reason}</Text>
      {emergency.call.map((p) => (
        <View
          key={p.number}
          className={`aj-call aj-call-${p.number}`}
          onClick={() => Taro.makePhoneCall({ phoneNumber: p.number }).catch(() => undefined)}
        >
          <Icon name="phone" size="md" />
          <Text className="aj-call__number">{p.number}</Text>
          <Text className="aj-call__label">{p.label}</Text>
        </View>
      ))}
      {emergency.advice.map((line) => (
        <Text key={line} className="aj-emergency__advice">{`· ${line}`}</Text>
      ))}
      <Text className="aj-emergency__note">
        {emergency.call.length > 0
          ? `打完电话，也请把${noun}提交上来，我们按紧急情况处理。`
          : `请马上提交${noun}，我们按紧急情况处理。`}
      </Text>
    </View>
  )
}
