import { ContactPhone } from '@anju/shared'

// The API names each field in Chinese with its JSON key for API clients: "联系电话（contactPhone）
// 应为 11 位数字". Staff and residents read the Chinese name alone.

const KEY = /（[A-Za-z][A-Za-z0-9_.]*）/g

/** A server or shared-rule message as a page shows it: without the "（jsonKey）" after a name. */
export function formMessage(message: string): string {
  return message.replace(KEY, '')
}

/** What is wrong with a call-back number before it is sent ('' when fine or left empty). */
export function contactPhoneProblem(value: string): string {
  const parsed = ContactPhone.safeParse(value)
  return parsed.success ? '' : formMessage(parsed.error.issues[0]?.message ?? '联系电话不对')
}
