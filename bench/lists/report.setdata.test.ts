/** setData payloads of the report form (a subpackage page): first render and a category tap. */
import { signedInStorage } from '../../miniprogram/test/support/resident'
import { fakeWx, renderBuiltPage, waitFor } from '../../miniprogram/test/support/weappSim'
import { figuresOf, recordSetData, writeFigures } from './record'

it('report page: every setData payload', async () => {
  const log = recordSetData()
  const page = await renderBuiltPage('packages/resident/report/index', fakeWx(signedInStorage()))
  await waitFor(() => (page.dom.textContent ?? '').includes('什么坏了'), 'the report page')
  page.querySelector('.aj-category-water')?.dispatchEvent('tap')
  await waitFor(() => (page.dom.textContent ?? '').includes('已选'), 'the tap to render')
  await new Promise((r) => setTimeout(r, 200))
  writeFigures(figuresOf('report', log))
  expect(log.bytes.length).toBeGreaterThan(0)
})
