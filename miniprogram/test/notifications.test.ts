// WeChat's one-time subscriptions on the phone (decision 066): the sheet is asked in the tap, its
// answer reaches the server only after the report went out, and H5 never asks.

const requestSubscribeMessage = jest.fn()
const request = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage } }))
jest.mock('../src/services/http', () => ({ request: (...args: unknown[]) => request(...args) }))

type Module = typeof import('../src/services/notifications')

function load(env: 'weapp' | 'h5', template = 'tpl-ticket-update'): Module {
  process.env.TARO_ENV = env
  ;(globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID = template
  let mod: Module | undefined
  jest.isolateModules(() => {
    mod = require('../src/services/notifications')
  })
  return mod as Module
}

const savedEnv = process.env.TARO_ENV
afterAll(() => {
  process.env.TARO_ENV = savedEnv
  delete (globalThis as { SUBSCRIBE_TEMPLATE_ID?: string }).SUBSCRIBE_TEMPLATE_ID
})

beforeEach(() => {
  requestSubscribeMessage.mockReset()
  request.mockReset().mockResolvedValue({ templateId: 'tpl-ticket-update', credits: 1 })
})

describe('askForUpdates', () => {
  it.each([
    ['accept', true],
    ['reject', false],
    ['ban', false],
  ])('on weapp reads %s as %s', async (answer, expected) => {
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tpl-ticket-update': answer })
    await expect(load('weapp').askForUpdates()).resolves.toBe(expected)
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tpl-ticket-update'] })
  })

  it('gives no answer when the sheet fails (an old WeChat, no tap)', async () => {
    requestSubscribeMessage.mockRejectedValue(new Error('can only be invoked by user TAP gesture'))
    await expect(load('weapp').askForUpdates()).resolves.toBeUndefined()
  })

  it.each([
    ['H5', 'h5', 'tpl-ticket-update'],
    ['a build without a template', 'weapp', ''],
  ] as const)('never asks on %s', async (_why, env, template) => {
    await expect(load(env, template).askForUpdates()).resolves.toBeUndefined()
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })
})

describe('reportUpdatesIfSent', () => {
  it.each([
    ['a sent report, accepted', 'sent', true, [{ templateId: 'tpl-ticket-update', accepted: true }]],
    ['a sent report, refused', 'sent', false, [{ templateId: 'tpl-ticket-update', accepted: false }]],
    ['a report saved for later', 'saved', true, []],
    ['a report without a sheet (H5)', 'sent', undefined, []],
  ])('%s', async (_why, kind, answer, bodies) => {
    const { reportUpdatesIfSent } = load('weapp')
    const outcome = { kind }
    expect(reportUpdatesIfSent(Promise.resolve(answer))(outcome)).toBe(outcome)
    await new Promise((r) => setTimeout(r, 0))
    expect(request.mock.calls.map((c) => c[3])).toEqual(bodies)
    for (const c of request.mock.calls) expect(c.slice(0, 2)).toEqual(['POST', '/notifications/subscriptions'])
  })
})
