import type { Page } from 'playwright-core'
import { pngBytes } from '../functions/test/support/images'
import { phone, shot } from './support/browser'
import { $, signIn, signOut, useBrowser } from './support/flow'

/**
 * Issue 5 item 1's photos in a real browser on the local stack: a resident reports a leak with a
 * photo (picked through the H5 file chooser, uploaded at once to the local stand-in for S3), sees
 * it on their ticket card, and the building head of 5栋 sees it on the ticket page.
 */
const browser = useBrowser()

// A 240×180 picture: a blue "ceiling" with a dark stain, so a thumbnail is recognisable.
const PHOTO = pngBytes(240, 180, (x, y) => {
  const stain = (x - 120) ** 2 / 3600 + (y - 80) ** 2 / 1600 < 1
  return stain ? [70, 60, 50] : [150 + (y % 40), 190, 230]
})

/** Waits until the <img> inside a Taro Image has loaded real pixels; gives its natural width. */
async function loadedWidth(page: Page, selector: string): Promise<number> {
  const img = $(page, `${selector} img`).first()
  await img.waitFor()
  const handle = await img.elementHandle()
  await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, handle)
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth)
}

it('reports with a photo; the resident and the building head both see it', async () => {
  const page = await phone(browser())
  const description = `卫生间天花板漏水，有一大块水印 ${Date.now()}`
  const created: { photos?: string[] }[] = []
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/api/tickets')) created.push(JSON.parse(req.postData() ?? '{}'))
  })

  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-report').click()
  await $(page, '.aj-category-leak').click()
  await $(page, '.aj-location-own').click()
  await $(page, '.aj-description textarea').fill(description)

  // 拍照/选照片 opens the browser's file chooser; the photo uploads as soon as it is picked.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), $(page, '.aj-photo-add').click()])
  await chooser.setFiles({ name: 'leak.png', mimeType: 'image/png', buffer: PHOTO })
  await $(page, '.aj-photo-0 .aj-photo__state', '已上传').waitFor()
  expect(await $(page, '.aj-photos__hint', '已加 1 张').count()).toBe(1)
  await $(page, '.aj-photo-add').scrollIntoViewIfNeeded()
  await shot(page, 'photos-01-picked')

  await $(page, '.aj-submit').click()
  const card = $(page, '.aj-ticket-item', description)
  await card.waitFor()
  expect(created).toHaveLength(1)
  expect(created[0].photos).toHaveLength(1)
  expect(await loadedWidth(page, '.aj-ticket-item .aj-ticket-photo-0')).toBe(240)
  await shot(page, 'photos-02-resident-card')

  await signOut(page)
  await signIn(page, 'u-head-5')
  await $(page, '.aj-triage-item', description).click()
  expect(await loadedWidth(page, '.aj-staff-ticket .aj-ticket-photo-0')).toBe(240)
  await shot(page, 'photos-03-staff-ticket')
})
