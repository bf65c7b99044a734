import { phone, shot } from './support/browser'
import { $, signIn, useBrowser } from './support/flow'

/**
 * 我要找工作, the resident's path in a real browser (issue 6): from the home tile to 我的求职信息
 * answered by picture, matched jobs with plain reasons, a job's detail, 一键报名 whose first answer
 * is lost on the way back (the retry reuses the stored key and leaves one application), and 已投递
 * in 我的投递. Staff marking 已录用 belongs to the staff pages' e2e.
 */
const browser = useBrowser()

it('fills a profile, sees matched jobs with reasons, applies once through a lost answer', async () => {
  const page = await phone(browser())

  // The 找工作 tile opens the list; with or without a profile there is a way to 我的求职信息.
  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-job').click()
  await $(page, '.aj-jobs__start, .aj-jobs__profile').first().click()

  // Answers by picture (a profile left by an earlier run keeps its skills: tap only those not chosen).
  await $(page, '.aj-hours-any').waitFor()
  await $(page, '.aj-hours-any').click()
  await $(page, '.aj-school-run-no').click()
  for (const skill of ['cleaning', 'warehouse']) {
    const tile = $(page, `.aj-skill-${skill}`)
    if (!((await tile.textContent()) ?? '').includes('已选')) await tile.click()
  }
  await $(page, '.aj-commute-20').click()
  await $(page, '.aj-wage input').fill('2000')
  await shot(page, 'jobs-01-profile')
  await $(page, '.aj-save').click()

  // Back on 找工作: matches with reasons in plain words, each beside a picture.
  const first = $(page, '.aj-job-item')
    .filter({ hasNot: page.locator('.aj-job-status') })
    .first()
  await first.waitFor()
  await expect(first.locator('.aj-reason').first().textContent()).resolves.toMatch(/离家|外地/)
  await shot(page, 'jobs-02-matches')
  const title = ((await first.locator('.aj-job-card__title').textContent()) ?? '').trim()
  await first.click()

  // 一键报名: the first POST reaches the server, but its answer is lost on the way back.
  await $(page, '.aj-apply').waitFor()
  await $(page, '.aj-reason').first().waitFor()
  const keys: string[] = []
  let dropped = false
  await page.route('**/api/jobs/*/apply', async (route) => {
    keys.push(JSON.parse(route.request().postData() ?? '{}').idempotencyKey)
    if (dropped) return route.continue()
    dropped = true
    await route.fetch()
    await route.abort('internetdisconnected')
  })
  await $(page, '.aj-apply').click()
  await $(page, '.aj-draft-notice').waitFor()
  await shot(page, 'jobs-03-apply-kept')
  await $(page, '.aj-retry').click()
  await $(page, '.aj-job-status', '已投递').waitFor()
  expect(keys).toHaveLength(2)
  expect(keys[1]).toBe(keys[0])
  expect(await $(page, '.aj-apply').count()).toBe(0)
  await shot(page, 'jobs-04-applied')
  await page.unroute('**/api/jobs/*/apply')

  // 我的投递 lists it once, 已投递 in words.
  await page.goBack()
  await $(page, '.aj-jobs__mine').click()
  const mine = $(page, '.aj-application', title)
  await mine.first().waitFor()
  expect(await mine.count()).toBe(1)
  await expect(mine.locator('.aj-job-status').textContent()).resolves.toContain('已投递')
  await shot(page, 'jobs-05-mine')
})
