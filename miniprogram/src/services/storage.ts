import Taro from '@tarojs/taro'
import { type DraftStorage, ownedBy } from './draft'
import { getUser } from './session'

/** Taro's synchronous storage behind the small interface the pure modules use. */
export const taroStorage: DraftStorage = {
  get: (key) => {
    const value = Taro.getStorageSync(key)
    return value === '' ? undefined : value
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}

/** The signed-in person's own draft storage; null when nobody is signed in (nothing to send). */
export function myDraftStorage(): DraftStorage | null {
  const user = getUser()
  return user ? ownedBy(taroStorage, user.id) : null
}
