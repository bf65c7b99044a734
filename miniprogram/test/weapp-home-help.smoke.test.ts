/** Smoke test of the BUILT weapp home page: the 为民办实事 tile opens the help page (issue 5 item 2). */
import { signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, waitFor } from './support/weappSim'

describe('built weapp home page: 为民办实事', () => {
  it('opens the help page', async () => {
    const wx = fakeWx(signedInStorage())
    const home = await renderBuiltPage('pages/index/index', wx)
    await waitFor(() => (home.dom.textContent ?? '').includes('为民办实事'), 'the home page to render')
    home.querySelector('.aj-service-help')?.dispatchEvent('tap')
    await waitFor(() => wx.navigateTo.mock.calls.length > 0, 'wx.navigateTo')
    const [options] = wx.navigateTo.mock.calls[0] as unknown as [{ url: string }]
    expect(options.url).toMatch(/^\/packages\/resident\/help\/index/)
  })
})
