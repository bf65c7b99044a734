/**
 * Smoke test of the BUILT weapp home page (dist/weapp; `npm run build:weapp`, or the root
 * `npm test`, builds it): renders for a signed-in resident, and 物业报修 opens the report form.
 */
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp home page', () => {
  const wx = fakeWx(signedInStorage())
  let page: SimulatedPage

  beforeAll(async () => {
    page = await renderBuiltPage('pages/index/index', wx)
    await waitFor(() => (page.dom.textContent ?? '').includes('物业报修'), 'the home page to render')
  })

  it('shows the four services, each with its word, and the resident’s home', () => {
    const text = page.dom.textContent ?? ''
    for (const words of [
      '找工作',
      '物业报修',
      '为民办实事',
      '普法书架',
      '即将开放',
      '读给我听',
      '我家：5栋1单元0302室',
    ]) {
      expect(text).toContain(words)
    }
  })

  it('opens the report form when 物业报修 is tapped', async () => {
    // Prepare
    const tile = page.querySelector('.aj-service-report')
    expect(tile).not.toBeNull()
    // Act
    tile?.dispatchEvent('tap')
    // Assess
    await waitFor(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo')
    const [options] = wx.navigateTo.mock.calls[0] as unknown as [{ url: string }]
    expect(options.url).toMatch(/^\/packages\/resident\/report\/index/)
  })

  it('opens 找工作 at the job list', async () => {
    const before = wx.navigateTo.mock.calls.length
    page.querySelector('.aj-service-job')?.dispatchEvent('tap')
    await waitFor(() => wx.navigateTo.mock.calls.length > before, 'wx.navigateTo')
    const [options] = wx.navigateTo.mock.calls[before] as unknown as [{ url: string }]
    expect(options.url).toMatch(/^\/packages\/jobs\/list\/index/)
  })

  it('does not navigate for a service that is not open yet', async () => {
    const before = wx.navigateTo.mock.calls.length
    page.querySelector('.aj-service-law')?.dispatchEvent('tap')
    await waitFor(() => wx.showToast.mock.calls.length > 0, 'the coming-soon toast')
    expect(wx.navigateTo.mock.calls.length).toBe(before)
  })
})
