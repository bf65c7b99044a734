import Taro from '@tarojs/taro'
import type { DraftStorage } from './draft'

/** Taro's synchronous storage behind the small interface the pure modules use. */
export const taroStorage: DraftStorage = {
  get: (key) => {
    const value = Taro.getStorageSync(key)
    return value === '' ? undefined : value
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}
