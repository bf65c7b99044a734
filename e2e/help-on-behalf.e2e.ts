import { phone, shot } from './support/browser'
import { $, signIn, signOut, useBrowser } from './support/flow'

/**
 * Issue 5 item 2 in a real browser: the building head files 夜间送医 for 李秀英 (u-resident-1) who
 * phoned; it is urgent in the inbox, and the resident finds it in 我的报修 with who filed it and how.
 * The resident's own help page shows 120 the moment 夜间送医 is picked, before anything is sent.
 */
const browser = useBrowser()

it('lets the building head file 夜间送医 by phone for a resident, who sees it with the 代为登记 line', async () => {
  const page = await phone(browser())
  const description = `老人夜里胸口疼 ${Date.now()}`

  // The building head: 代为登记 from the inbox, pick the home, 电话, 夜间送医.
  await signIn(page, 'u-head-5')
  await $(page, '.aj-file-for-link').click()
  await $(page, '.aj-unit', '1单元').click()
  await $(page, '.aj-household-hh-mjw-5-1-0302').click()
  await $(page, '.aj-channel-phone').click()
  await $(page, '.aj-what-help-night_escort').click()
  await $(page, '.aj-file-for__desc textarea').fill(description)
  await $(page, '.aj-contact-name input').fill('李秀英')
  await $(page, '.aj-contact-phone input').fill('13812345678')
  await shot(page, 'help-01-file-for')
  await $(page, '.aj-submit').click()

  // It opens as a ticket for 5栋1单元0302, urgent, filed by the building head by phone.
  const filedBy = $(page, '.aj-filed-by', '由楼栋长赵美芬代为登记（电话）')
  await filedBy.waitFor()
  const ticketPage = await $(page, '.aj-staff-ticket').textContent()
  expect(ticketPage).toContain('夜间送医')
  expect(ticketPage).toContain('0302室')
  expect(ticketPage).toContain('立即处理')
  expect(ticketPage).toContain('联系人：李秀英 13812345678')
  await shot(page, 'help-02-staff-ticket')

  // The resident sees it in 我的报修, with who filed it and how; never the call-back contact.
  await signOut(page)
  await signIn(page, 'u-resident-1')
  await $(page, '.weui-tabbar__label', '我的报修').click()
  const mine = $(page, '.aj-ticket-item', description)
  await mine.waitFor()
  const card = await mine.textContent()
  expect(card).toContain('夜间送医')
  expect(card).toContain('由楼栋长赵美芬代为登记（电话）')
  expect(card).toContain('紧急')
  expect(card).not.toContain('13812345678')
  await mine.scrollIntoViewIfNeeded()
  await shot(page, 'help-03-resident-sees-it')
})

it('shows the resident 120 as soon as 夜间送医 is picked, and files a help request without words', async () => {
  const page = await phone(browser())
  const posts: string[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/tickets')) posts.push(r.postData() ?? '')
  })

  await signIn(page, 'u-resident-1')
  await $(page, '.aj-service-help').click()
  await $(page, '.aj-help-night_escort').click()
  await $(page, '.aj-call-120').waitFor()
  expect(posts).toHaveLength(0)
  await shot(page, 'help-04-resident-120')

  await $(page, '.aj-help-atm_cash').click()
  await expect($(page, '.aj-call-120').count()).resolves.toBe(0)
  await $(page, '.aj-submit').click()
  await $(page, '.aj-ticket-item', '取现帮助').first().waitFor()
  expect(JSON.parse(posts[0])).toMatchObject({ kind: 'help', category: 'atm_cash' })
})

it('lets staff file a property problem for a household too, with its question and the numbers at once', async () => {
  const page = await phone(browser())
  const description = `电梯里有老人出不来 ${Date.now()}`
  await signIn(page, 'u-head-5')
  await $(page, '.aj-file-for-link').click()
  await $(page, '.aj-unit', '1单元').click()
  await $(page, '.aj-household-hh-mjw-5-1-0302').click()
  await $(page, '.aj-channel-walk_in').click()
  await $(page, '.aj-what-property-lift').click()
  await $(page, '.aj-answer-personTrapped-yes').click()
  await $(page, '.aj-call-119').waitFor()
  await $(page, '.aj-location-lift_hall').click()
  await $(page, '.aj-file-for__desc textarea').fill(description)
  await $(page, '.aj-submit').click()

  await $(page, '.aj-filed-by', '由楼栋长赵美芬代为登记（上门）').waitFor()
  const ticketPage = await $(page, '.aj-staff-ticket').textContent()
  expect(ticketPage).toContain('电梯')
  expect(ticketPage).toContain('电梯间')
  expect(ticketPage).toContain('有人被困在电梯里吗？ 是')
  expect(ticketPage).toContain('立即处理')
  await shot(page, 'help-05-staff-files-lift')
})
