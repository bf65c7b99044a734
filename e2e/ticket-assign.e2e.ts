import type { Page } from 'playwright-core'
import { phone, shot } from './support/browser'
import { $, signIn, signOut, stackUrl, useBrowser } from './support/flow'

/**
 * Issue 5 item 5 (bulk assign) in a real browser: community staff tick two tickets in the triage
 * inbox and hand both to the property company in one go; the resident who filed one reads
 * "已交给物业公司处理" on its timeline. Decision 067.
 */
const browser = useBrowser()

async function file(description: string): Promise<string> {
  const login = await fetch(`${stackUrl()}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'u-resident-1' }),
  })
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${stackUrl()}/api/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'sanitation',
      location: { kind: 'common_area', spot: 'unit_entrance' },
      description,
      idempotencyKey: `e2e-assign-${Date.now()}-${description.length}`,
    }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { ticket: { id: string } }).ticket.id
}

/** The card with this text, loading more pages (加载更多) until it shows up. */
async function card(page: Page, text: string) {
  const found = $(page, '.aj-triage-item', text)
  for (let i = 0; i < 10 && (await found.count()) === 0; i++) {
    const more = $(page, '.aj-load-more')
    if ((await more.count()) === 0) await page.waitForTimeout(300)
    else await more.click()
  }
  await found.waitFor()
  return found
}

it('hands two tickets to the property company at once; the resident reads it on the timeline', async () => {
  const page = await phone(browser())
  const stamp = Date.now()
  const first = `单元门口垃圾没人清 ${stamp}`
  const second = `单元门口堆了旧家具 ${stamp}`
  await file(first)
  await file(second)

  // Community staff select both in the inbox and hand them to 物业公司.
  await signIn(page, 'u-staff-mjw')
  await $(page, '.aj-triage').waitFor()
  await $(page, '.aj-select').click()
  await (await card(page, first)).click()
  await (await card(page, second)).click()
  await $(page, '.aj-bulk__open', '已选 2 张').waitFor()
  await shot(page, 'assign-01-selected')
  await $(page, '.aj-bulk__open').click()
  await $(page, '.aj-assign-to-property_company').click()
  await $(page, '.aj-bulk__result', '已交给物业公司 2 张').waitFor()
  await (await card(page, first)).locator('.aj-tc__a', { hasText: '交给：物业公司' }).waitFor()
  await (await card(page, second)).locator('.aj-tc__a', { hasText: '交给：物业公司' }).waitFor()
  await shot(page, 'assign-02-assigned')

  // The resident who filed them reads who handles it now.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await $(page, '.weui-tabbar__label', '我的报修').click()
  await $(page, '.aj-ticket-item', first).click()
  await $(page, '.aj-timeline__text', '已交给物业公司处理').waitFor()
  await shot(page, 'assign-03-resident-timeline')
})

it('lets community staff mask a phone number in the description and hide the ticket', async () => {
  const page = await phone(browser())
  const stamp = Date.now()
  const description = `单元门口有人乱贴广告，电话13812345678 ${stamp}`
  await file(description)

  await signIn(page, 'u-staff-mjw')
  await (await card(page, `${stamp}`)).click()
  // One tap fills in the suggestion with the number masked; 保存 replaces the description.
  await $(page, '.aj-redact-open', '发现 手机号').click()
  await expect($(page, '.aj-redact-text textarea').inputValue()).resolves.toContain(`电话${'＊'.repeat(11)}`)
  await $(page, '.aj-redact-save').click()
  await $(page, '.aj-timeline__text', '隐去了问题描述中的个人信息').waitFor()
  await $(page, '.aj-redact-text').waitFor({ state: 'detached' })
  const shown = await $(page, '.aj-staff-ticket__desc').textContent()
  expect(shown).toContain(`电话${'＊'.repeat(11)}`)
  expect(shown).not.toContain('13812345678')
  await $(page, '.aj-hide-reason input').fill('广告骚扰')
  await $(page, '.aj-hide').click()
  await $(page, '.aj-hidden-note', '已隐藏：广告骚扰').waitFor()
  await shot(page, 'assign-04-redacted-hidden')
})
