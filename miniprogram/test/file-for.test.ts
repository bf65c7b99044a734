import { contactPhoneProblem, formMessage } from '../src/utils/fieldMessages'

// 代为登记: the call-back number is checked by the shared rule before anything is sent, and every
// message the page shows names the field in Chinese only (the API's "（contactPhone）" is for API
// clients, not for staff at the desk).

describe('contactPhoneProblem', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['13812345678', ''],
    ['+86 138 1234 5678', ''],
    ['12345', '联系电话应为 11 位数字（现在是 5 位）'],
    ['1381234567a', '联系电话只能包含数字'],
    ['12812345678', '联系电话不是有效的手机号码'],
  ])('%j → %j', (input, message) => {
    expect(contactPhoneProblem(input)).toBe(message)
  })

  it('never shows an English field key', () => {
    for (const input of ['1', 'abc', '12812345678', '1381234567890'])
      expect(contactPhoneProblem(input)).not.toMatch(/[A-Za-z]/)
  })
})

describe('formMessage', () => {
  it.each([
    ['联系电话（contactPhone）应为 11 位数字（现在是 5 位）', '联系电话应为 11 位数字（现在是 5 位）'],
    ['联系人姓名（contactName）最多 20 个字', '联系人姓名最多 20 个字'],
    ['请选择住户', '请选择住户'],
    ['照片（第 2 张）没有传上去', '照片（第 2 张）没有传上去'],
  ])('%s → %s', (message, shown) => {
    expect(formMessage(message)).toBe(shown)
  })
})
