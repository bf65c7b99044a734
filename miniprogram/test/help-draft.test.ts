import type { CreateTicketRequest, Ticket } from '@anju/shared'
import { helpEmergencyCall } from '@anju/shared'
import {
  checkDraft,
  DRAFT_STORAGE_KEY,
  HELP_DRAFT_STORAGE_KEY,
  helpDrafts,
  loadDraft,
  newHelpDraft,
  openDraft,
  RETRY_MESSAGE,
  resubmitPending,
  submitDraft,
} from '../src/services/draft'
import { OfflineError } from '../src/services/errors'
import { timelineLine } from '../src/utils/timeline'
import { ticket } from './support/fixtures'
import { memoryStorage } from './support/memoryStorage'

// The help page (为民办实事) keeps its draft like the report page: under its own key, with one
// idempotency key for every resend of the same request.

const KEY = 'khelp0123456789ab'
const newKey = () => 'kUNUSED000000000'

describe('the help request draft', () => {
  it('lives under its own key, beside a half-written report', () => {
    // Prepare
    const base = memoryStorage({
      [DRAFT_STORAGE_KEY]: { idempotencyKey: 'kreport-0001', description: '漏水', pending: false },
    })
    // Act
    const draft = openDraft(helpDrafts(base), () => KEY, newHelpDraft)
    // Assess
    expect(draft).toEqual({ idempotencyKey: KEY, kind: 'help', description: '', pending: false })
    expect(base.dump()[DRAFT_STORAGE_KEY]).toMatchObject({ description: '漏水' })
    expect(base.dump()[HELP_DRAFT_STORAGE_KEY]).toEqual(draft)
  })

  it('sends kind help with the category, at home, with or without a description', () => {
    const without = checkDraft({ ...newHelpDraft(KEY), helpCategory: 'atm_cash' })
    const withText = checkDraft({ ...newHelpDraft(KEY), helpCategory: 'errand', description: '帮我交电费' })
    expect(without).toEqual({ ok: true, request: { kind: 'help', category: 'atm_cash', idempotencyKey: KEY } })
    expect(withText).toMatchObject({
      ok: true,
      request: { kind: 'help', category: 'errand', description: '帮我交电费' },
    })
  })

  it('asks for a kind of help first, in Chinese', () => {
    const checked = checkDraft(newHelpDraft(KEY))
    expect(checked).toEqual({ ok: false, errors: { category: expect.stringMatching(/请选择/) } })
  })

  it('keeps the same key through an offline failure and the resend, and clears it once sent', async () => {
    // Prepare
    const storage = helpDrafts(memoryStorage())
    const draft = { ...newHelpDraft(KEY), helpCategory: 'night_escort' as const }
    const offline = jest.fn().mockRejectedValue(new OfflineError())
    const sent: CreateTicketRequest[] = []
    const online = jest.fn(async (r: CreateTicketRequest): Promise<Ticket> => {
      sent.push(r)
      return ticket({ kind: 'help', category: 'night_escort' })
    })
    // Act
    const first = await submitDraft(storage, draft, offline, newKey)
    const stored = loadDraft(storage)
    const resent = await resubmitPending(storage, online, newKey)
    // Assess
    expect(first).toMatchObject({ kind: 'saved', message: RETRY_MESSAGE })
    expect(stored).toMatchObject({ pending: true, kind: 'help', helpCategory: 'night_escort', idempotencyKey: KEY })
    expect(resent?.kind).toBe('sent')
    expect(offline.mock.calls[0][0].idempotencyKey).toBe(KEY)
    expect(sent).toEqual([{ kind: 'help', category: 'night_escort', idempotencyKey: KEY }])
    expect(loadDraft(storage)).toBeNull()
  })

  it('shows 120 for 夜间送医 from the shared rule, before anything is sent', () => {
    expect(helpEmergencyCall('night_escort')?.call).toEqual([{ number: '120', label: '急救' }])
    expect(helpEmergencyCall('home_repair')).toBeUndefined()
  })
})

describe('a request filed for the household', () => {
  it('reads on the timeline as who filed it and how', () => {
    const filed = {
      id: 'e1',
      ticketId: 't1',
      at: '2026-12-03T22:10:00.000+08:00',
      kind: 'filed' as const,
      public: true,
      actorName: '赵美芬',
      actorRole: 'building_head' as const,
      text: '由楼栋长赵美芬代为登记（电话）',
    }
    expect(timelineLine(filed).text).toBe('由楼栋长赵美芬代为登记（电话）')
    expect(timelineLine({ ...filed, text: undefined }).text).toBe('赵美芬提交了报修')
  })
})
