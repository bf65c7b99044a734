import { phone, shot } from './support/browser'
import { $, signIn, signOut, useBrowser } from './support/flow'

/**
 * Issue 5 in a real browser: "有人被困" shows the numbers to call before anything is sent; the
 * ticket is filed as an emergency without the resident ever receiving its deadline; it heads the
 * building head's inbox; and closing it as 非本部门 tells the resident whom to contact.
 */
const browser = useBrowser()

it('shows the numbers at once, files an emergency, and closes it with whom to contact', async () => {
  const page = await phone(browser())
  const description = `电梯困人 ${Date.now()}`
  const posts: string[] = []
  const residentBodies: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) posts.push(r.url())
  })
  page.on('response', async (r) => {
    if (/\/api\/tickets(\/mine)?$/.test(r.url())) residentBodies.push(await r.text().catch(() => ''))
  })

  // The numbers appear on the answer, before anything is sent.
  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-report').click()
  await $(page, '.aj-category-lift').click()
  await $(page, '.aj-answer-personTrapped-yes').click()
  await $(page, '.aj-emergency', '请马上打电话').waitFor()
  await $(page, '.aj-call-119').waitFor()
  // Scrolled into view by itself: the resident need not find it.
  await page.waitForFunction(() => {
    const box = document.querySelector('.aj-call-119')?.getBoundingClientRect()
    return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight
  })
  expect(posts).toHaveLength(0)
  await shot(page, 'emergency-01-numbers')

  await $(page, '.aj-location-own').click()
  await $(page, '.aj-description textarea').fill(description)
  await $(page, '.aj-submit').click()
  const mine = $(page, '.aj-ticket-item', description)
  await mine.waitFor()
  await expect(mine.textContent()).resolves.toContain('紧急')
  // Nothing the resident received carries the triage (it follows from the household colour).
  expect(residentBodies.length).toBeGreaterThan(0)
  for (const body of residentBodies) expect(body).not.toMatch(/deadline|priority|triageReasons/)

  // The building head sees it first, as 立即处理, and closes it as 非本部门.
  await signOut(page)
  await signIn(page, 'u-head-5')
  // Other e2e files share this database and may have filed emergencies of their own, so the
  // check is that it sits among the emergencies at the head: nothing above it is less urgent.
  const item = $(page, '.aj-triage-item', description)
  await item.waitFor()
  await expect(item.textContent()).resolves.toContain('立即处理')
  const texts = await $(page, '.aj-triage-item').allTextContents()
  const at = texts.findIndex((t) => t.includes(description))
  expect(at).toBeGreaterThanOrEqual(0)
  for (const above of texts.slice(0, at)) expect(above).toContain('立即处理')
  await shot(page, 'emergency-02-inbox')
  await item.click()
  await $(page, '.aj-ack').click()
  await $(page, '.aj-start').click()
  await $(page, '.aj-ticket-status', '处理中').first().waitFor()
  await $(page, '.aj-outcome-not_our_department').click()
  await $(page, '.aj-close-reason textarea').fill('电梯由电梯维保公司负责，已转告')
  await $(page, '.aj-close-contact input').fill('电梯维保公司 0870-7654321')
  await $(page, '.aj-close').click()
  await $(page, '.aj-ticket-status', '非本部门').first().waitFor()
  await shot(page, 'emergency-03-closed')

  // The resident reads why, and whom to contact.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await $(page, '.weui-tabbar__label', '我的报修').click()
  const after = $(page, '.aj-ticket-item', description)
  await after.locator('.aj-ticket-status', { hasText: '非本部门' }).waitFor()
  await expect(after.textContent()).resolves.toContain('请联系：电梯维保公司 0870-7654321')
  await shot(page, 'emergency-04-resident-reads-why')
})
