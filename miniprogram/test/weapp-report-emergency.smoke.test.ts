/**
 * Smoke test of the BUILT weapp report form's questions (issue 5): the emergency answer shows the
 * numbers to call at once, before anything is sent, and the answer is kept in the draft.
 */
import { TRIAGE_RULES } from '@anju/shared'
import { DRAFT_STORAGE_KEY } from '../src/services/draft'
import { RESIDENT, signedInStorage } from './support/resident'
import { fakeWx, renderBuiltPage, type SimulatedPage, waitFor } from './support/weappSim'

describe('built weapp report page: questions and the emergency path', () => {
  const storage = signedInStorage()
  const wx = fakeWx(storage)
  let page: SimulatedPage
  const text = () => page.dom.textContent ?? ''
  const draft = () => storage.get(`${DRAFT_STORAGE_KEY}@${RESIDENT.id}`) as Record<string, unknown> | undefined
  const tap = (selector: string) => page.querySelector(selector)?.dispatchEvent('tap')
  // No property duty line is configured in this build (issue 3), so 119 is the one number shown.
  const duty = TRIAGE_RULES.phones.fire.number

  beforeAll(async () => {
    page = await renderBuiltPage('packages/resident/report/index', wx)
    await waitFor(() => text().includes('什么坏了'), 'the report page to render')
  })

  it('asks nothing and shows no numbers before a category is picked', () => {
    expect(text()).not.toContain('有人被困')
    expect(text()).not.toContain('请马上打电话')
  })

  it('asks about people trapped once the lift is picked, with no numbers yet', async () => {
    tap('.aj-category-lift')
    await waitFor(() => text().includes('有人被困在电梯里吗'), 'the lift question')
    expect(text()).not.toContain('请马上打电话')
  })

  it('shows the numbers at once when someone is trapped, and keeps the answer in the draft', async () => {
    // Act
    tap('.aj-answer-personTrapped-yes')
    // Assess
    await waitFor(() => text().includes('请马上打电话'), 'the emergency numbers')
    expect(text()).toContain(duty)
    expect(text()).toContain('119')
    expect(text()).toContain('被困人员不要扒门')
    expect(page.querySelector(`.aj-call-${duty}`)).toBeTruthy()
    await waitFor(() => (draft()?.answers as { personTrapped?: boolean })?.personTrapped === true, 'the answer saved')
  })

  it('takes the numbers away when the answer is changed to no', async () => {
    tap('.aj-answer-personTrapped-no')
    await waitFor(() => !text().includes('请马上打电话'), 'the numbers to go')
    expect(draft()?.answers).toEqual({ personTrapped: false })
  })

  it('treats gas as an emergency from the moment it is picked', async () => {
    tap('.aj-category-gas')
    await waitFor(() => text().includes('闻到燃气味吗'), 'the gas question')
    await waitFor(() => text().includes('请马上打电话'), 'the gas numbers')
    expect(text()).toContain('关闭燃气总阀')
  })
})
