/** setData payloads of the resident home page, as rendered for a signed-in resident. */
import { signedInStorage } from '../../miniprogram/test/support/resident'
import { fakeWx, renderBuiltPage, waitFor } from '../../miniprogram/test/support/weappSim'
import { figuresOf, recordSetData, writeFigures } from './record'

it('home page: every setData payload', async () => {
  const log = recordSetData()
  const page = await renderBuiltPage('pages/index/index', fakeWx(signedInStorage()))
  await waitFor(() => (page.dom.textContent ?? '').includes('物业报修'), 'the home page')
  await new Promise((r) => setTimeout(r, 200))
  writeFigures(figuresOf('home', log))
  expect(log.bytes.length).toBeGreaterThan(0)
})
