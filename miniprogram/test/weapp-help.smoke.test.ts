/**
 * Smoke test of the BUILT weapp help page (为民办实事, issue 5 item 2): the five kinds as pictures
 * with words, 120 the moment 夜间送医 is picked (before anything is sent), the choice kept in the
 * help request's own draft.
 */
import { HELP_DRAFT_STORAGE_KEY } from '../src/services/draft'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp help page', () => {
  const storage = signedInStorage()
  const wx = fakeWx(storage)
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const draft = () => storage.get(`${HELP_DRAFT_STORAGE_KEY}@${RESIDENT.id}`) as Record<string, unknown> | undefined

  beforeAll(async () => {
    page = await renderBuiltPage('packages/resident/help/index', wx)
    await waitFor(() => text().includes('需要帮什么忙'), 'the help page to render')
  })

  it('shows the five kinds, each with its word, and a read-aloud button', () => {
    for (const word of ['取现帮助', '上门小修', '夜间送医', '代办', '其他', '读给我听']) expect(text()).toContain(word)
    expect(text()).not.toContain('请马上打电话')
  })

  it('shows 120 at once for 夜间送医 and keeps the choice in the help draft', async () => {
    page.querySelector('.aj-help-night_escort')?.dispatchEvent('tap')
    await waitFor(() => text().includes('请马上打电话'), 'the number to call')
    expect(page.querySelector('.aj-call-120')).toBeTruthy()
    expect(text()).toContain('打完电话，也请把求助提交上来')
    await waitFor(() => draft()?.helpCategory === 'night_escort', 'the choice saved')
    expect(draft()).toMatchObject({ kind: 'help' })
    expect(wx.request).not.toHaveBeenCalled()
  })
})
