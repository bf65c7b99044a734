import { handlesTickets, ROLE_LABELS } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { IconName } from '../../assets/icons'
import DraftNotice from '../../components/DraftNotice'
import Icon from '../../components/Icon'
import ReadAloud from '../../components/ReadAloud'
import { useSignedInUser } from '../../hooks/useSignedInUser'
import { logout } from '../../services/auth'
import { RETRY_MESSAGE } from '../../services/draft'
import { hasPendingDraft, resendPendingDraft } from '../../services/draftSync'
import { PAGES } from '../../services/routes'
import './index.scss'

interface Service {
  key: 'job' | 'report' | 'help' | 'law'
  name: string
  icon: IconName
  /** What the tile says under the name, in plain words. */
  hint: string
  /** The page it opens; absent: not built yet. */
  url?: string
}

const SERVICES: Service[] = [
  { key: 'job', name: '找工作', icon: 'job', hint: '找家附近的活，点这里', url: PAGES.jobs },
  { key: 'report', name: '物业报修', icon: 'repair', hint: '东西坏了，点这里', url: PAGES.report },
  { key: 'help', name: '为民办实事', icon: 'help', hint: '取钱、小修、送医，点这里', url: PAGES.help },
  { key: 'law', name: '普法书架', icon: 'law', hint: '即将开放' },
]

function openService(service: Service): void {
  if (service.url) Taro.navigateTo({ url: service.url })
  else Taro.showToast({ title: `${service.name}即将开放`, icon: 'none' })
}

export default function Home() {
  const user = useSignedInUser()
  const [pending, setPending] = useState(false)
  const [busy, setBusy] = useState(false)

  const retry = () => {
    setBusy(true)
    resendPendingDraft()
      .then((outcome) => {
        if (outcome?.kind === 'sent') Taro.showToast({ title: '报修已提交', icon: 'success' })
      })
      .catch(() => undefined)
      .finally(() => {
        setBusy(false)
        setPending(hasPendingDraft())
      })
  }

  useDidShow(() => {
    setPending(hasPendingDraft())
    if (hasPendingDraft()) retry()
  })

  const address = user?.home ? `${user.home.buildingName}${user.home.unitName}${user.home.roomNo}室` : ''
  const spoken = [
    user ? `${user.name}，你好。` : '你好。',
    '这里有四项服务。',
    ...SERVICES.map((s) => `${s.name}：${s.hint}。`),
    '看自己报修和求助的进展，点下面的“我的报修”。',
  ].join('')

  return (
    <View className="aj-page aj-home">
      <View className="aj-page__top">
        <View>
          <Text className="aj-title">{user ? `${user.name}，你好` : '你好'}</Text>
          {user && <Text className="aj-subtitle">{address ? `我家：${address}` : ROLE_LABELS[user.role]}</Text>}
        </View>
        <ReadAloud text={spoken} />
      </View>

      {pending && <DraftNotice message={RETRY_MESSAGE} busy={busy} onRetry={retry} />}

      <Text className="aj-section-title">办事服务</Text>
      <View className="aj-services">
        {SERVICES.map((s) => (
          <View
            key={s.key}
            className={`aj-service aj-service-${s.key} ${s.url ? '' : 'aj-service--soon'}`}
            onClick={() => openService(s)}
          >
            <Icon name={s.icon} size="lg" />
            <Text className="aj-service__name">{s.name}</Text>
            <Text className="aj-service__hint">{s.hint}</Text>
          </View>
        ))}
      </View>

      <View
        className="aj-button aj-button--plain aj-home__mine"
        onClick={() => Taro.switchTab({ url: PAGES.myTickets })}
      >
        <Icon name="list" size="sm" />
        <Text>我的报修</Text>
      </View>

      {user && handlesTickets(user.role) && (
        <View className="aj-button aj-home__desk aj-desk" onClick={() => Taro.navigateTo({ url: PAGES.triage })}>
          <Text>工作台</Text>
        </View>
      )}

      <View className="aj-button aj-button--plain aj-logout" onClick={logout}>
        <Icon name="exit" size="sm" />
        <Text>退出/切换账号</Text>
      </View>
    </View>
  )
}
