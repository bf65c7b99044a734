import { type LoginResponse, Me } from '@anju/shared'
import Taro from '@tarojs/taro'

const TOKEN_KEY = 'anju.token'
const USER_KEY = 'anju.user'

export function getToken(): string | null {
  const token = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? token : null
}

/** The signed-in person as stored at login; re-validated because storage outlives app versions. */
export function getUser(): Me | null {
  const parsed = Me.safeParse(Taro.getStorageSync(USER_KEY))
  return parsed.success ? parsed.data : null
}

export function saveSession(login: LoginResponse): void {
  Taro.setStorageSync(TOKEN_KEY, login.token)
  Taro.setStorageSync(USER_KEY, login.user)
}

export function saveUser(user: Me): void {
  Taro.setStorageSync(USER_KEY, user)
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(USER_KEY)
}
