import { type GridPath, type Me, SETTLED_DELIVERY_STATES, type StaffTicket } from '@anju/shared'
import type { Config } from '../config'
import type { Db } from '../db/context'
import {
  claimOutbox,
  type Delivery,
  LeaseLostError,
  listDueOutbox,
  releaseOutbox,
  type StoredOutbox,
  setDelivery,
  takeCredit,
} from '../db/outbox'
import { addCredit, type Contact, getContacts, zeroCredits } from '../db/subscriptions'
import { getTicket } from '../db/tickets'
import { toShanghaiIso } from '../time'
import {
  type ChannelMessage,
  createLocalChannel,
  createWechatChannel,
  type NotificationChannel,
  templateData,
} from '../wechat/subscribe'

// The dispatcher (decision 066): takes due outbox messages, one lease per message, and settles a
// delivery per recipient — sent, no_subscription (no credit: not an error, never retried),
// withheld (the ticket is hidden now), or failed with backoff until given_up. Run every minute
// by a scheduled Lambda in AWS and every few seconds inside `npm start`.

export interface DispatchDeps {
  db: Db
  config: Config
  now: () => Date
  channel: NotificationChannel
  /** This dispatcher's name on the leases it takes (one per process or run). */
  owner: string
}

export interface DispatchOptions {
  /** Messages per run (the oldest due first). */
  batch?: number
  /** How long a claimed message is ours; far longer than a run's sends take. */
  leaseSeconds?: number
  /** No new message is claimed after this long (the Lambda's timeout is 55 s, the lease 60 s). */
  budgetMs?: number
}

export type DispatchReport = Record<'messages' | Delivery['state'], number>

const emptyReport = (): DispatchReport => ({
  messages: 0,
  pending: 0,
  sent: 0,
  no_subscription: 0,
  withheld: 0,
  failed: 0,
  given_up: 0,
})

const NO_SUBSCRIPTION = '住户没有订阅（只在小程序里看到）'
const NO_OPENID = '住户没有用微信登录过'
const NO_TEMPLATE = '没有配置消息模板'
const HIDDEN = '报修单已隐藏'

export async function dispatchOutbox(deps: DispatchDeps, opts: DispatchOptions = {}): Promise<DispatchReport> {
  const report = emptyReport()
  const now = toShanghaiIso(deps.now())
  const leaseMs = (opts.leaseSeconds ?? 60) * 1000
  const stopAt = performance.now() + (opts.budgetMs ?? 40_000)
  for (const due of await listDueOutbox(deps.db, now, opts.batch ?? 20)) {
    if (performance.now() > stopAt) break
    const initial = Object.fromEntries(
      due.recipients.map((id): [string, Delivery] => [id, { state: 'pending', attempts: 0 }]),
    )
    const until = toShanghaiIso(new Date(deps.now().getTime() + leaseMs))
    // Sends stop well before the lease ends (a send may take its 5 s timeout, twice with a token
    // refresh), so no other dispatcher can take the message while one of ours is in flight.
    const sendUntil = performance.now() + leaseMs - 15_000
    const claimed = await claimOutbox(deps.db, due.eventId, { owner: deps.owner, now, until }, initial)
    if (!claimed) continue // another dispatcher has it
    report.messages++
    try {
      await deliver(deps, claimed, { now, sendUntil }, report)
    } catch (err) {
      if (!(err instanceof LeaseLostError)) throw err
    }
  }
  return report
}

async function deliver(
  deps: DispatchDeps,
  m: StoredOutbox,
  { now, sendUntil }: { now: string; sendUntil: number },
  report: DispatchReport,
): Promise<void> {
  const { notifications: cfg } = deps.config
  let cut = false
  const [ticket, contacts] = await Promise.all([getTicket(deps.db, m.ticketId), getContacts(deps.db, m.recipients)])
  const retrySeen = m.retryRequestedAt
  const deliveries: Record<string, Delivery> = { ...m.deliveries }
  for (const userId of m.recipients) {
    let d: Delivery = deliveries[userId] ?? { state: 'pending', attempts: 0 }
    // Staff asked again: a failed or given-up delivery starts over (a fresh set of attempts). The
    // request is cleared when this run releases the message, so it resets each delivery once.
    if (retrySeen && (d.state === 'failed' || d.state === 'given_up'))
      d = { ...d, state: 'failed', attempts: 0, nextAttemptAt: undefined }
    if (SETTLED_DELIVERY_STATES.includes(d.state) || (d.nextAttemptAt && d.nextAttemptAt > now)) {
      deliveries[userId] = d
      continue
    }
    if (performance.now() > sendUntil) {
      // Out of lease time: the rest stay as they are, due at once for the next run.
      cut = true
      deliveries[userId] = d
      continue
    }
    const contact = contacts.get(userId) ?? {}
    d = { ...d, recipient: recipientLabel(contact.user) }
    const message: ChannelMessage = {
      eventId: m.eventId,
      ticketId: m.ticketId,
      userId,
      recipientName: contact.user?.name ?? userId,
      openid: contact.openid,
      templateId: cfg.templateId,
      page: `${cfg.page}?id=${m.ticketId}`,
      data: templateData(cfg.fields, m),
    }
    d = await deliverOne(deps, m, message, d, ticket, contact, now)
    await setDelivery(deps.db, m.eventId, deps.owner, userId, d)
    deliveries[userId] = d
    report[d.state]++
  }
  const waiting = Object.values(deliveries).filter((d) => !SETTLED_DELIVERY_STATES.includes(d.state))
  const dueAt = waiting.map((d) => d.nextAttemptAt ?? now).sort()[0]
  const failed = Object.values(deliveries).some((d) => d.state === 'failed' || d.state === 'given_up')
  await releaseOutbox(deps.db, m.eventId, {
    owner: deps.owner,
    dueAt,
    failed: failed && ticket ? { scope: placeOf(ticket), createdAt: m.createdAt } : undefined,
    // A cut run leaves the retry request in place, so the next run still starts those over.
    retrySeen: cut ? undefined : retrySeen,
  })
}

async function deliverOne(
  deps: DispatchDeps,
  m: StoredOutbox,
  message: ChannelMessage,
  d: Delivery,
  ticket: StaffTicket | undefined,
  contact: Contact,
  now: string,
): Promise<Delivery> {
  const { channel, config } = deps
  const cfg = config.notifications
  // Checked at send time, not only when the message was written: a ticket hidden since sends nothing.
  if (!ticket || ticket.hidden) {
    // A credit held by an earlier failed attempt was never used: give it back.
    if (d.creditTaken) await addCredit(deps.db, message.userId, cfg.templateId, now)
    return { ...d, state: 'withheld', creditTaken: false, lastError: HIDDEN }
  }
  const skip = async (reason: string): Promise<Delivery> => {
    await channel.skipped?.(message, reason)
    return { ...d, state: 'no_subscription', lastError: reason }
  }
  if (!cfg.templateId) return skip(NO_TEMPLATE)
  if (channel.needsOpenid && !contact.openid) return skip(NO_OPENID)
  if (!d.creditTaken) {
    const credit = await takeCredit(deps.db, {
      eventId: m.eventId,
      owner: deps.owner,
      userId: message.userId,
      templateId: cfg.templateId,
    })
    if (credit === 'none') return skip(NO_SUBSCRIPTION)
    d = { ...d, creditTaken: true }
  }
  const outcome = await channel.send(message)
  const attempts = d.attempts + 1
  const tried = { ...d, attempts, lastAttemptAt: now, nextAttemptAt: undefined }
  if (outcome.kind === 'sent') return { ...tried, state: 'sent', sentAt: now, lastError: undefined }
  if (outcome.kind === 'refused') {
    // The user turned the template off in WeChat: whatever credits we counted are void.
    await zeroCredits(deps.db, message.userId, cfg.templateId, now)
    return { ...tried, state: 'no_subscription', creditTaken: false, lastError: outcome.error }
  }
  if (attempts >= cfg.maxAttempts) {
    // WeChat never delivered it, so the resident's grant is unused: give the credit back.
    await addCredit(deps.db, message.userId, cfg.templateId, now)
    return { ...tried, state: 'given_up', creditTaken: false, lastError: outcome.error }
  }
  const wait = cfg.backoffSeconds * 2 ** (attempts - 1) * 1000
  return {
    ...tried,
    state: 'failed',
    lastError: outcome.error,
    nextAttemptAt: toShanghaiIso(new Date(deps.now().getTime() + wait)),
  }
}

/** 住户 + room for a resident (staff see where, not who); a staff follower by name. */
export function recipientLabel(user: Me | undefined): string {
  if (!user) return '用户'
  if (user.role === 'resident' && user.home) {
    const h = user.home
    return `住户 ${h.buildingName}${h.unitName}${h.roomNo}`
  }
  return user.name
}

function placeOf(ticket: StaffTicket): GridPath {
  const { householdId: _household, ...place } = ticket.address.path
  return place
}

/** The channel the configuration names: WeChat in AWS, the local outbox in STAGE=local. */
export function channelFor(config: Config, db: Db, now: () => Date): NotificationChannel {
  if (config.notifications.channel === 'local') return createLocalChannel(db, () => toShanghaiIso(now()))
  return createWechatChannel(config.wechat, { miniprogramState: config.notifications.miniprogramState, now })
}
