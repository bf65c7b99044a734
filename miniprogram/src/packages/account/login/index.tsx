import { type Me, ROLE_LABELS } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import ReadAloud from '../../../components/ReadAloud'
import { listDevAccounts, loginAsDev, loginWithWechat } from '../../../services/auth'
import { IS_WEAPP, routeByRole } from '../../../services/routes'
import { clearSession } from '../../../services/session'
import './index.scss'

function placeOf(account: Me): string {
  if (account.home) return `${account.home.buildingName}${account.home.unitName}${account.home.roomNo}室`
  return ''
}

/**
 * weapp: one "微信登录" button (wx.login → server). H5 on the local stack: the seeded accounts
 * as big buttons. On a real deployment the dev-accounts call fails and the list is simply empty.
 */
export default function Login() {
  const [accounts, setAccounts] = useState<Me[] | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useLoad(() => {
    clearSession()
    listDevAccounts()
      .then(setAccounts)
      .catch(() => setAccounts([]))
  })

  const signIn = (run: () => Promise<{ user: Me }>) => {
    if (busy) return
    setBusy(true)
    setError('')
    run()
      .then((login) => routeByRole(login.user))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false))
  }

  return (
    <View className="aj-page aj-login">
      <View className="aj-page__top">
        <Text className="aj-title">登录安居</Text>
        <ReadAloud text="请点一下自己的名字登录。" />
      </View>

      {IS_WEAPP && (
        <View className="aj-button aj-login-wechat" onClick={() => signIn(loginWithWechat)}>
          <Text>微信登录</Text>
        </View>
      )}

      {accounts !== null && accounts.length > 0 && <Text className="aj-section-title">选择账号（本地测试）</Text>}
      {accounts === null && <Text className="aj-empty">正在读取账号…</Text>}
      {accounts !== null && accounts.length === 0 && !IS_WEAPP && <Text className="aj-empty">没有可用的测试账号</Text>}
      {accounts?.map((a) => (
        <View key={a.id} className={`aj-account aj-login-${a.id}`} onClick={() => signIn(() => loginAsDev(a.id))}>
          <Text className="aj-account__name">{a.name}</Text>
          <Text className="aj-account__role">{[ROLE_LABELS[a.role], placeOf(a)].filter(Boolean).join(' · ')}</Text>
        </View>
      ))}

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
    </View>
  )
}
