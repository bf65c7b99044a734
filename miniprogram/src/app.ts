import './setup'
import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { installRelogin } from './services/auth'
import { watchPendingDrafts } from './services/draftSync'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installRelogin()
    // A report or help request saved while offline goes out again as soon as the app starts, the
    // network comes back or the app returns to the front. For the app's whole life: never stopped.
    watchPendingDrafts((outcome) => {
      if (outcome?.kind === 'sent') Taro.showToast({ title: '草稿已自动提交', icon: 'success' })
    })
  })
  return children
}

export default App
