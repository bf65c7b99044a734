import { phone, shot } from './support/browser'
import { $, signIn, stackUrl, useBrowser } from './support/flow'

/**
 * Issue 5 item 3 in a real browser: resident 1 (5栋1单元) reports that the water is off in the
 * basement; resident 3 (5栋2单元) starts a report of the same thing, is shown "已有人报告" with a
 * one-line summary (never the other household's words), taps 我也遇到, is told plainly that they
 * will hear of progress, and finds the ticket in 我的报修. Water reaches the whole building; a lift
 * belongs to one unit, so 2单元 is not shown 1单元's lift.
 */
const browser = useBrowser()

async function file(userId: string, body: unknown) {
  const login = await fetch(`${stackUrl()}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${stackUrl()}/api/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(201)
}

it('shows 已有人报告 and follows it with 我也遇到', async () => {
  const page = await phone(browser())
  const stamp = Date.now()
  await file('u-resident-1', {
    category: 'water',
    location: { kind: 'common_area', spot: 'basement' },
    description: `李秀英报：地下室总阀漏水，整栋停水 ${stamp}`,
    answers: { wholeBuilding: true },
    idempotencyKey: `e2e-dup-water-${stamp}`,
  })
  await file('u-resident-1', {
    category: 'lift',
    location: { kind: 'common_area', spot: 'lift_hall' },
    description: `1单元电梯停了 ${stamp}`,
    idempotencyKey: `e2e-dup-lift-${stamp}`,
  })

  await signIn(page, 'u-resident-3')
  await $(page, '.aj-service-report').click()

  // 1单元's lift is not 2单元's lift: nothing shown for it.
  await $(page, '.aj-category-lift').click()
  await $(page, '.aj-location-lift_hall').click()
  await $(page, '.aj-location-lift_hall.aj-option--on').waitFor()
  await page.waitForTimeout(1000)
  expect(await $(page, '.aj-similar').count()).toBe(0)

  // Water is the whole building's: the neighbour's report is shown, as one line.
  await $(page, '.aj-category-water').click()
  await $(page, '.aj-location-corridor').click()
  const card = $(page, '.aj-similar__card', '5栋1单元 地下室 · 水 · 待受理')
  await card.waitFor()
  await $(page, '.aj-similar__title', '已有人报告').waitFor()
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'duplicates-01-already-reported')
  const shown = (await $(page, '.aj-similar').textContent()) ?? ''
  expect(shown).toContain('1 户遇到')
  expect(shown).not.toContain('李秀英')
  expect(shown).not.toContain('总阀')
  const button = card.locator('.aj-me-too')
  const box = await button.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)

  // 我也遇到: told plainly, then to 我的报修, where the ticket now is.
  await button.click()
  await $(page, '.aj-similar__result', '有进展会告诉您').waitFor()
  await shot(page, 'duplicates-02-followed')
  await $(page, '.aj-go-mine').click()
  // Found by its place, not its words: what a follower reads of the description is decision 061's.
  const item = $(page, '.aj-ticket-item', '5栋1单元 地下室')
  await item.waitFor()
  expect(await item.count()).toBe(1)
  await shot(page, 'duplicates-03-in-my-list')
})
