import { phone, shot } from './support/browser'
import { $, signIn, signOut, useBrowser } from './support/flow'

/**
 * The walking skeleton's whole path in a real browser: a resident reports a lift problem,
 * the first submission is lost on the way back (the server saved it, the phone never heard),
 * the retry reuses the idempotency key and leaves exactly one ticket, the building head of
 * that building acknowledges it, and the resident sees 已受理.
 */
const browser = useBrowser()

it('files a ticket, survives a lost answer, and shows the acknowledgement', async () => {
  const page = await phone(browser())
  const description = `5栋1单元电梯停在3楼不动了 ${Date.now()}`

  // Resident opens the report form from the home page.
  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-report').click()
  await $(page, '.aj-category-lift').click()
  await $(page, '.aj-location-own').click()

  // An empty description is refused next to the field, in Chinese.
  await $(page, '.aj-submit').click()
  await $(page, '.aj-field-error', '问题描述').waitFor()
  await shot(page, '01-field-error')

  await $(page, '.aj-description textarea').fill(description)

  // The first POST reaches the server, but its answer is lost on the way back.
  const keys: string[] = []
  let dropped = false
  await page.route('**/api/tickets', async (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    keys.push(JSON.parse(route.request().postData() ?? '{}').idempotencyKey)
    if (dropped) return route.continue()
    dropped = true
    await route.fetch()
    await route.abort('internetdisconnected')
  })
  await $(page, '.aj-submit').click()
  await $(page, '.aj-draft-notice').waitFor()
  await shot(page, '02-draft-kept')

  await $(page, '.aj-retry').click()
  const item = $(page, '.aj-ticket-item', description)
  await item.waitFor()
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
  expect(await item.count()).toBe(1)
  await expect(item.locator('.aj-ticket-status').textContent()).resolves.toContain('待受理')
  await shot(page, '03-my-tickets')
  await page.unroute('**/api/tickets')

  // The building head of 5栋 sees it in the triage list and acknowledges it.
  await signOut(page)
  await signIn(page, 'u-head-5')
  await $(page, '.aj-triage-item', description).click()
  await $(page, '.aj-ack').click()
  await $(page, '.aj-ticket-status', '已受理').first().waitFor()
  await shot(page, '04-acknowledged')

  // The resident sees the new status.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await $(page, '.weui-tabbar__label', '我的报修').click()
  const after = $(page, '.aj-ticket-item', description)
  await after.locator('.aj-ticket-status', { hasText: '已受理' }).waitFor()
  expect(await after.count()).toBe(1)
  await shot(page, '05-resident-sees-ack')
})

it('does not show a 5栋 ticket to the building head of 6栋', async () => {
  const page = await phone(browser())
  await signIn(page, 'u-head-6')
  await $(page, '.aj-triage').waitFor()
  expect(await $(page, '.aj-triage-item', '5栋').count()).toBe(0)
})
