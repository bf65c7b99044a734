/**
 * Smoke test of the BUILT weapp report form (a subpackage page): picking by picture works
 * without typing, and the draft with its idempotency key is in storage from the first render.
 */
import { DRAFT_STORAGE_KEY } from '../src/services/draft'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp report page', () => {
  const storage = signedInStorage()
  const wx = fakeWx(storage)
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const draft = () => storage.get(`${DRAFT_STORAGE_KEY}@${RESIDENT.id}`) as Record<string, unknown> | undefined

  beforeAll(async () => {
    page = await renderBuiltPage('packages/resident/report/index', wx)
    await waitFor(() => text().includes('什么坏了'), 'the report page to render')
  })

  it('offers the resident’s own room and the common spots of their unit', () => {
    expect(text()).toContain('我家 5栋1单元0302室')
    expect(text()).toContain('5栋1单元 电梯间')
    expect(draft()).toMatchObject({ description: '', pending: false, idempotencyKey: expect.stringMatching(/^k/) })
  })

  it.each([
    ['.aj-category-water', { category: 'water' }],
    ['.aj-location-stairwell', { location: { kind: 'common_area', spot: 'stairwell' } }],
  ])('tapping %s marks it chosen in words and saves the draft', async (selector, saved) => {
    // Prepare
    const key = draft()?.idempotencyKey
    // Act
    page.querySelector(selector)?.dispatchEvent('tap')
    // Assess
    await waitFor(
      () => JSON.stringify(draft()).includes(JSON.stringify(saved).slice(1, -1)),
      `the draft to hold ${selector}`,
    )
    expect(draft()).toMatchObject({ ...saved, idempotencyKey: key })
    await waitFor(() => text().includes('已选'), 'the 已选 mark')
  })
})
