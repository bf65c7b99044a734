import type { Me } from '@anju/shared'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { loginWithWechat } from '../services/auth'
import { IS_WEAPP, PAGES, routeByRole } from '../services/routes'
import { getToken, getUser } from '../services/session'

/**
 * The signed-in person, checked on every page show. Without a session: weapp signs in silently
 * with wx.login (then routes by role, since this is a fresh login); H5 goes to the sign-in page.
 */
export function useSignedInUser(): Me | null {
  const [user, setUser] = useState<Me | null>(() => (getToken() ? getUser() : null))
  useDidShow(() => {
    const stored = getToken() ? getUser() : null
    if (stored) {
      setUser(stored)
      return
    }
    setUser(null)
    if (!IS_WEAPP) {
      Taro.reLaunch({ url: PAGES.login })
      return
    }
    loginWithWechat()
      .then((login) => {
        setUser(login.user)
        routeByRole(login.user)
      })
      .catch(() => Taro.reLaunch({ url: PAGES.login }))
  })
  return user
}
