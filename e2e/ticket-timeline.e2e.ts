import type { Page } from 'playwright-core'
import { pngBytes } from '../functions/test/support/images'
import { phone, shot } from './support/browser'
import { $, signIn, signOut, useBrowser } from './support/flow'

/**
 * Issue 5's whole resident-to-staff path in a real browser, every step through the pages: a
 * resident reports a dark roof light with a photo; a neighbour in another unit of the building is
 * shown "已有人报告" while reporting and taps 我也遇到; the building head tells them what is
 * happening, keeps a note for staff, and resolves; both residents read the resolution (never the
 * note, and the neighbour never the first resident's words); the neighbour answers 没解决 with
 * one tap and the ticket is back in the building head's 待受理 list with its history.
 */
const browser = useBrowser()

const PHOTO = pngBytes(200, 150, (x, y) => (x > 80 && x < 120 && y > 40 && y < 100 ? [40, 40, 40] : [200, 210, 220]))

/** By id: a follower's card does not show the filer's words (decision 061). */
async function openMine(page: Page, id: string) {
  await $(page, '.weui-tabbar__label', '我的报修').click()
  await $(page, `.aj-ticket-item[data-id="${id}"]`).click()
  await $(page, '.aj-timeline').waitFor()
}

it('reports with a photo, a neighbour taps 我也遇到, staff resolve, 没解决 reopens', async () => {
  const page = await phone(browser())
  const description = `楼顶平台的灯坏了，晚上上去晾衣服看不见 ${Date.now()}`

  // Resident 1 (5栋1单元) reports with a photo.
  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-report').click()
  await $(page, '.aj-category-lighting').click()
  await $(page, '.aj-location-roof').click()
  await $(page, '.aj-description textarea').fill(description)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), $(page, '.aj-photo-add').click()])
  await chooser.setFiles({ name: 'roof.png', mimeType: 'image/png', buffer: PHOTO })
  await $(page, '.aj-photo-0 .aj-photo__state', '已上传').waitFor()
  await $(page, '.aj-submit').click()
  const filed = $(page, '.aj-ticket-item', description)
  await filed.waitFor()
  await filed.locator('.aj-ticket-photo-0 img').waitFor()
  const id = (await filed.getAttribute('data-id')) ?? ''
  expect(id).not.toBe('')

  // Resident 3 (5栋2单元) starts the same report and is shown the neighbour's instead.
  await signOut(page)
  await signIn(page, 'u-resident-3')
  await $(page, '.aj-service-report').click()
  await $(page, '.aj-category-lighting').click()
  await $(page, '.aj-location-roof').click()
  const similar = $(page, `.aj-similar-${id}`)
  await similar.waitFor()
  expect((await similar.textContent()) ?? '').not.toContain('晾衣服')
  await similar.locator('.aj-me-too').click()
  await $(page, '.aj-similar__result', '有进展会告诉您').waitFor()
  await $(page, '.aj-go-mine').click()
  await $(page, `.aj-ticket-item[data-id="${id}"]`).waitFor()
  await shot(page, 'timeline-00-neighbour-follows')

  // The building head acknowledges, tells the residents, keeps a note, and resolves.
  await signOut(page)
  await signIn(page, 'u-head-5')
  await $(page, '.aj-triage-item', description).click()
  await $(page, '.aj-staff-ticket .aj-ticket-photo-0 img').waitFor()
  await $(page, '.aj-ack').click()
  await $(page, '.aj-ticket-status', '已受理').first().waitFor()
  await $(page, '.aj-comment-text textarea').fill('已联系电工，明天上午来换灯')
  await $(page, '.aj-comment-public').click()
  await $(page, '.aj-timeline__text', '已联系电工').waitFor()
  await $(page, '.aj-comment-text textarea').fill('电工电话 13800001111，顶楼钥匙在502')
  await $(page, '.aj-comment-internal').click()
  await $(page, '.aj-timeline__item--internal', '内部备注').waitFor()
  await $(page, '.aj-outcome-resolved').click()
  await $(page, '.aj-close-reason textarea').fill('灯已换好，楼顶亮了')
  await $(page, '.aj-close').click()
  await $(page, '.aj-ticket-status', '已解决').first().waitFor()
  await shot(page, 'timeline-01-staff')

  // The filer reads the update and the resolution, never the note.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await openMine(page, id)
  await $(page, '.aj-timeline__text', '灯已换好').waitFor()
  await $(page, '.aj-timeline__text', '已联系电工').waitFor()
  await $(page, '.aj-timeline__text', '又有一户居民遇到同样的问题').waitFor()
  expect(await page.getByText('13800001111').count()).toBe(0)
  expect(await page.getByText('内部备注').count()).toBe(0)
  await $(page, '.aj-rate').waitFor()
  await shot(page, 'timeline-02-filer')

  // The neighbour reads the resolution too (not the filer's words), and answers 没解决.
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
