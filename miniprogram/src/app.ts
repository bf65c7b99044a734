import './setup'
import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { installRelogin } from './services/auth'
import { resendPendingDraft } from './services/draftSync'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installRelogin()
    // A report saved while offline goes out again as soon as the app starts.
    resendPendingDraft()
      .then((outcome) => {
        if (outcome?.kind === 'sent') Taro.showToast({ title: '草稿已自动提交', icon: 'success' })
      })
      .catch(() => undefined)
  })
  return children
}

export default App
