import type { Page } from 'playwright-core'
import { phone, shot } from './support/browser'
import { $, signIn, signOut, stackUrl, useBrowser } from './support/flow'

/**
 * Issue 5 items 6 and 9 in a real browser: staff tell the resident what is happening (a public
 * update) and keep a note for themselves (never shown to residents), resolve the ticket; the
 * filer and a neighbour who follows it both read the resolution; the neighbour answers 没解决
 * with one tap and the ticket is back in the building head's 待受理 list.
 */
const browser = useBrowser()

async function api(path: string, userId: string, body?: unknown) {
  const login = await fetch(`${stackUrl()}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  const { token } = (await login.json()) as { token: string }
  const res = await fetch(`${stackUrl()}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, never> }
}

/** By id: a follower's card does not show the filer's words (decision 061). */
async function openMine(page: Page, id: string) {
  await $(page, '.weui-tabbar__label', '我的报修').click()
  await $(page, `.aj-ticket-item[data-id="${id}"]`).click()
  await $(page, '.aj-timeline').waitFor()
}

it('shows the timeline, hides the note, and reopens on 没解决', async () => {
  const page = await phone(browser())
  const description = `楼道灯不亮，晚上看不见 ${Date.now()}`

  // Resident 1 (5栋1单元) reports; a neighbour of 5栋 (resident 3) follows the same report.
  const filed = await api('/tickets', 'u-resident-1', {
    category: 'lighting',
    location: { kind: 'common_area', spot: 'stairwell' },
    description,
    idempotencyKey: `e2e-timeline-${Date.now()}`,
  })
  expect(filed.status).toBe(201)
  const id = (filed.json.ticket as { id: string }).id
  expect((await api(`/tickets/${id}/follow`, 'u-resident-3', {})).status).toBe(200)

  // The building head acknowledges, tells the residents, keeps a note, and resolves.
  await signIn(page, 'u-head-5')
  await $(page, '.aj-triage-item', description).click()
  await $(page, '.aj-ack').click()
  await $(page, '.aj-ticket-status', '已受理').first().waitFor()
  await $(page, '.aj-comment-text textarea').fill('已联系电工，明天上午来换灯')
  await $(page, '.aj-comment-public').click()
  await $(page, '.aj-timeline__text', '已联系电工').waitFor()
  await $(page, '.aj-comment-text textarea').fill('电工电话 13800001111，老人家里没人接')
  await $(page, '.aj-comment-internal').click()
  await $(page, '.aj-timeline__item--internal', '内部备注').waitFor()
  await $(page, '.aj-outcome-resolved').click()
  await $(page, '.aj-close-reason textarea').fill('灯已换好，楼道亮了')
  await $(page, '.aj-close').click()
  await $(page, '.aj-ticket-status', '已解决').first().waitFor()
  await shot(page, 'timeline-01-staff')

  // The filer reads the update and the resolution, never the note.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await openMine(page, id)
  await $(page, '.aj-timeline__text', '灯已换好').waitFor()
  await $(page, '.aj-timeline__text', '已联系电工').waitFor()
  expect(await page.getByText('13800001111').count()).toBe(0)
  expect(await page.getByText('内部备注').count()).toBe(0)
  await $(page, '.aj-rate').waitFor()
  await shot(page, 'timeline-02-filer')

  // The neighbour who followed reads the resolution too, and answers 没解决.
  await signOut(page)
  await signIn(page, 'u-resident-3')
  await openMine(page, id)
  await $(page, '.aj-timeline__text', '灯已换好').waitFor()
  expect(await page.getByText(description).count()).toBe(0)
  await $(page, '.aj-rate-unsolved').click()
  await $(page, '.aj-timeline__text', '没解决，已重新交给工作人员').waitFor()
  await $(page, '.aj-ticket-status', '待受理').first().waitFor()
  await shot(page, 'timeline-03-reopened')

  // Back in the building head's 待受理 list, with the history kept.
  await signOut(page)
  await signIn(page, 'u-head-5')
  await $(page, '.aj-filter-submitted').click()
  await $(page, '.aj-triage-item', description).click()
  await $(page, '.aj-section-title', '住户反馈没解决 1 次').waitFor()
  await $(page, '.aj-timeline__text', '灯已换好').waitFor()
  await shot(page, 'timeline-04-back-to-staff')
})
