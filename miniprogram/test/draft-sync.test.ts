import type { CreateTicketRequest, Ticket } from '@anju/shared'
import { ticket } from './support/fixtures'

// The outbox of failed submissions (report and help drafts) goes out again by itself when the
// network comes back and when the app comes to the front, once, with the draft's own key.

type NetworkListener = (res: { isConnected: boolean; networkType: string }) => void
const mockStorage = new Map<string, unknown>()
const mockNetwork: NetworkListener[] = []
const mockShow: (() => void)[] = []
const mockCreate = jest.fn<Promise<Ticket>, [CreateTicketRequest]>()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (k: string) => mockStorage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => mockStorage.set(k, v),
    removeStorageSync: (k: string) => mockStorage.delete(k),
    onNetworkStatusChange: (f: NetworkListener) => mockNetwork.push(f),
    offNetworkStatusChange: (f: NetworkListener) => mockNetwork.splice(mockNetwork.indexOf(f), 1),
    onAppShow: (f: () => void) => mockShow.push(f),
    offAppShow: (f: () => void) => mockShow.splice(mockShow.indexOf(f), 1),
  },
}))
jest.mock('../src/services/tickets', () => ({ createTicket: (r: CreateTicketRequest) => mockCreate(r) }))

import { HELP_DRAFT_STORAGE_KEY, type TicketDraft } from '../src/services/draft'
import { watchPendingDrafts } from '../src/services/draftSync'

const ME = {
  id: 'u-resident-1',
  name: '张秀英',
  role: 'resident',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw', householdId: 'h1' },
}
const KEY = 'k0123456789abcdef'
const REPORT_KEY = `anju.ticketDraft@${ME.id}`

const pending = (over: Partial<TicketDraft> = {}): TicketDraft => ({
  idempotencyKey: KEY,
  category: 'lift',
  location: { kind: 'common_area', spot: 'lift_hall' },
  description: '电梯不动了',
  pending: true,
  ...over,
})

const online = (isConnected: boolean) => {
  for (const f of [...mockNetwork]) f({ isConnected, networkType: isConnected ? 'wifi' : 'none' })
}
const show = () => {
  for (const f of [...mockShow]) f()
}
const settle = () => new Promise((r) => setTimeout(r, 0))

let stop: () => void = () => undefined
let outcomes: (string | undefined)[]

beforeEach(() => {
  mockStorage.clear()
  mockStorage.set('anju.token', 'token')
  mockStorage.set('anju.user', ME)
  mockCreate.mockReset()
  outcomes = []
})

afterEach(() => stop())

/** Starts watching with nothing pending, so the launch's own resend is out of the way. */
async function watch(): Promise<void> {
  stop = watchPendingDrafts((o) => outcomes.push(o?.kind))
  await settle()
  mockCreate.mockReset()
  outcomes = []
}

describe('watchPendingDrafts', () => {
  it('resends a pending report with its own key when the network comes back, then forgets it', async () => {
    // Prepare
    await watch()
    mockStorage.set(REPORT_KEY, pending())
    mockCreate.mockResolvedValue(ticket())
    // Act
    online(true)
    await settle()
    // Assess
    expect(mockCreate).toHaveBeenCalledTimes(1)
    expect(mockCreate.mock.calls[0][0].idempotencyKey).toBe(KEY)
    expect(mockStorage.has(REPORT_KEY)).toBe(false)
    expect(outcomes).toEqual(['sent'])
  })

  it('does nothing when the network goes away, or when nothing is pending', async () => {
    await watch()
    mockStorage.set(REPORT_KEY, pending())
    online(false)
    await settle()
    expect(mockCreate).not.toHaveBeenCalled()
    mockStorage.set(REPORT_KEY, pending({ pending: false }))
    online(true)
    show()
    await settle()
    expect(mockCreate).not.toHaveBeenCalled()
  })

  it('resends the help request too when the app comes to the front', async () => {
    await watch()
    mockStorage.set(`${HELP_DRAFT_STORAGE_KEY}@${ME.id}`, {
      idempotencyKey: KEY,
      kind: 'help',
      helpCategory: 'night_escort',
      description: '',
      pending: true,
    })
    mockCreate.mockResolvedValue(ticket({ kind: 'help', category: 'night_escort' }))
    show()
    await settle()
    expect(mockCreate).toHaveBeenCalledTimes(1)
    expect(mockCreate.mock.calls[0][0]).toMatchObject({ kind: 'help', idempotencyKey: KEY })
  })

  it('sends once when the network comes back and the app shows at the same moment', async () => {
    // Prepare: the first send is still on its way when the other triggers fire.
    await watch()
    mockStorage.set(REPORT_KEY, pending())
    let answer: (t: Ticket) => void = () => undefined
    mockCreate.mockImplementation(() => new Promise<Ticket>((resolve) => (answer = resolve)))
    // Act
    online(true)
    show()
    online(true)
    await settle()
    answer(ticket())
    await settle()
    show()
    await settle()
    // Assess
    expect(mockCreate).toHaveBeenCalledTimes(1)
    expect(mockStorage.has(REPORT_KEY)).toBe(false)
    // One send, one "sent" (one toast), not one per trigger.
    expect(outcomes).toEqual(['sent'])
  })

  it('keeps the draft and its key when the resend fails again, and tries again next time', async () => {
    await watch()
    mockStorage.set(REPORT_KEY, pending())
    const { OfflineError } = jest.requireActual('../src/services/errors')
    mockCreate.mockRejectedValueOnce(new OfflineError()).mockResolvedValueOnce(ticket())
    online(true)
    await settle()
    expect(mockStorage.get(REPORT_KEY)).toMatchObject({ idempotencyKey: KEY, pending: true })
    online(true)
    await settle()
    expect(mockCreate.mock.calls.map(([r]) => r.idempotencyKey)).toEqual([KEY, KEY])
    expect(mockStorage.has(REPORT_KEY)).toBe(false)
  })

  it('stops listening when stopped', async () => {
    await watch()
    stop()
    expect([mockNetwork.length, mockShow.length]).toEqual([0, 0])
  })
})
