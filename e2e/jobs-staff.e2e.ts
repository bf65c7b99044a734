import type { Page } from 'playwright-core'
import { phone, shot } from './support/browser'
import { $, signIn, stackUrl, useBrowser } from './support/flow'

/**
 * Issue 6 items 2, 4 and 5 in a real browser, the staff side (decision 068): community staff open
 * 岗位管理 from the inbox and post a job through the form (the shared schema's Chinese messages
 * beside the fields first); a resident applies (by API) and staff mark them 已录用 with a note,
 * which the resident reads in 我的投递; staff push the posting to the best-matched residents, the
 * household's colour said in words.
 */
const browser = useBrowser()

async function token(userId: string): Promise<string> {
  const res = await fetch(`${stackUrl()}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  return ((await res.json()) as { token: string }).token
}

async function api(userId: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${stackUrl()}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(userId)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** Taro H5's picker: open it and take what it shows (8:00, 17:00, a month from today). */
async function pick(page: Page, selector: string): Promise<void> {
  await $(page, selector).click()
  await $(page, '.weui-picker__action', '确定').click()
}

let postingId = ''
const stamp = Date.now()
const title = `包装工${String(stamp).slice(-5)}`

it('posts a job through the form, with the Chinese messages beside the fields first', async () => {
  const page = await phone(browser())
  await signIn(page, 'u-staff-mjw')
  await $(page, '.aj-jobs-link').click()
  await $(page, '.aj-postings').waitFor()
  await $(page, '.aj-new-posting').click()

  // Nothing filled: each required field says what it needs, and nothing is sent.
  await $(page, '.aj-posting-save').click()
  await $(page, '.aj-err-employer', '请填写用工单位').waitFor()
  await $(page, '.aj-err-place', '请选择工作地点').waitFor()
  await shot(page, 'jobs-staff-01-empty')

  await $(page, '.aj-in-employer input').fill('昭通金果食品厂')
  await $(page, '.aj-in-title input').fill(title)
  await $(page, '.aj-place-offsite').click()
  await $(page, '.aj-in-placeName input').fill('昭阳工业园区')
  await $(page, '.aj-in-distanceKm input').fill('3')
  await $(page, '.aj-in-wageMin input').fill('3600')
  await $(page, '.aj-in-wageMax input').fill('3000')
  await pick(page, '.aj-in-startHour')
  await pick(page, '.aj-in-endHour')
  await $(page, '.aj-physical-light').click()
  await pick(page, '.aj-in-expiresOn')
  await $(page, '.aj-in-headcount input').fill('5')
  await $(page, '.aj-posting-save').click()
  await $(page, '.aj-err-wageMax', '最高月薪不能低于最低月薪').waitFor()
  await shot(page, 'jobs-staff-02-wage-order')

  await $(page, '.aj-in-wageMax input').fill('4200')
  await $(page, '.aj-posting-save').click()
  const card = $(page, '.aj-posting', title)
  await card.waitFor()
  expect(await card.textContent()).toContain('月薪3600–4200元 · 白班 8:00–17:00')
  expect(await card.textContent()).toContain('外地：昭阳工业园区（约3公里）')
  expect(await card.textContent()).toContain('暂无投递')
  await shot(page, 'jobs-staff-03-posted')

  const list = (await (await api('u-staff-mjw', 'GET', '/jobs/postings?status=open')).json()) as {
    postings: { id: string; title: string }[]
  }
  postingId = list.postings.find((p) => p.title === title)?.id ?? ''
  expect(postingId).not.toBe('')
})

it('marks an applicant 已录用 with a note; the resident reads it in 我的投递', async () => {
  expect(postingId).not.toBe('')
  const profile = await api('u-resident-1', 'PUT', '/jobs/profile', { availability: 'any' })
  expect(profile.status).toBe(200)
  const applied = await api('u-resident-1', 'POST', `/jobs/${postingId}/apply`, {
    idempotencyKey: `e2e-apply-${stamp}`,
  })
  expect([200, 201]).toContain(applied.status)

  const page = await phone(browser())
  await signIn(page, 'u-staff-mjw')
  await $(page, '.aj-jobs-link').click()
  await $(page, '.aj-posting', title).locator('.aj-posting__count', { hasText: '投递 1 人' }).waitFor()
  await $(page, '.aj-posting', title).locator('.aj-applicants-link').click()
  const row = $(page, '.aj-applicant', '李秀英')
  await row.locator('.aj-applicant__status', { hasText: '已投递' }).waitFor()
  await row.locator('.aj-status-open').click()
  await $(page, '.aj-status-hired').click()
  await $(page, '.aj-status-note input').fill('周一早上8点到厂门口报到')
  await $(page, '.aj-status-save').click()
  await row.locator('.aj-applicant__status', { hasText: '已录用' }).waitFor()
  await row.locator('.aj-applicant__note', { hasText: '周一早上8点到厂门口报到' }).waitFor()
  await shot(page, 'jobs-staff-04-hired')

  const mine = (await (await api('u-resident-1', 'GET', '/jobs/mine')).json()) as {
    applications: { postingId: string; status: string }[]
  }
  expect(mine.applications.find((a) => a.postingId === postingId)?.status).toBe('hired')
})

it('pushes the posting to the best-matched residents, the colour in words, and marks them 已推荐', async () => {
  expect(postingId).not.toBe('')
  const page = await phone(browser())
  await signIn(page, 'u-staff-mjw')
  await $(page, '.aj-jobs-link').click()
  await $(page, '.aj-posting', title).locator('.aj-push-link').click()
  await $(page, '.aj-cand').first().waitFor()
  // Someone not recommended yet (an earlier run may have recommended the first).
  const first = $(page, '.aj-cand')
    .filter({ hasNot: page.locator('.aj-cand__done') })
    .first()
  await first.waitFor()
  const shown = (await $(page, '.aj-push').textContent()) ?? ''
  expect(shown).toMatch(/红色户·优先|黄色户·关注|绿色户/)
  await shot(page, 'jobs-staff-05-candidates')

  const name = ((await first.locator('.aj-js-h').textContent()) ?? '').replace(/^[☑☐]\s*/, '').split('，')[0]
  await first.click()
  await $(page, '.aj-push-send', '已选 1 人').waitFor()
  await $(page, '.aj-push-note input').fill('离家近，白班，适合接送孩子')
  await $(page, '.aj-push-send').click()
  await $(page, '.aj-push__result', '已推荐给 1 人').waitFor()
  await $(page, '.aj-cand', name).locator('.aj-cand__done').waitFor()
  await shot(page, 'jobs-staff-06-recommended')
})
