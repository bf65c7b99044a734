import { DevAccountsResponse, LoginResponse, Me } from '@anju/shared'
import Taro from '@tarojs/taro'
import { AuthError } from './errors'
import { request, setReloginHandler } from './http'
import { IS_WEAPP, PAGES } from './routes'
import { clearSession, saveSession, saveUser } from './session'

/** weapp: the code from wx.login is exchanged on the server; session_key never reaches the phone. */
export async function loginWithWechat(): Promise<LoginResponse> {
  const { code } = await Taro.login()
  const login = await request('POST', '/auth/wechat', LoginResponse, { code }, { auth: false })
  saveSession(login)
  return login
}

/** Local stack only: sign in as a seeded account. */
export async function loginAsDev(userId: string): Promise<LoginResponse> {
  const login = await request('POST', '/auth/dev', LoginResponse, { userId }, { auth: false })
  saveSession(login)
  return login
}

export async function listDevAccounts(): Promise<Me[]> {
  const res = await request('GET', '/auth/dev-accounts', DevAccountsResponse, undefined, { auth: false })
  return res.accounts
}

export async function fetchMe(): Promise<Me> {
  const me = await request('GET', '/me', Me)
  saveUser(me)
  return me
}

export function logout(): void {
  clearSession()
  Taro.reLaunch({ url: PAGES.login })
}

/** One re-login on 401: weapp silently runs wx.login again; H5 has no silent way, so it goes to sign-in. */
export function installRelogin(): void {
  setReloginHandler(async () => {
    if (IS_WEAPP) {
      await loginWithWechat()
      return
    }
    clearSession()
    Taro.reLaunch({ url: PAGES.login })
    throw new AuthError()
  })
}
