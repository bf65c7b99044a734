import { truncateCodePoints } from '@anju/shared'
import type { NotificationConfig } from '../config'
import type { Db } from '../db/context'
import { putLocalMessage } from '../db/local-outbox'
import type { WechatOptions } from './code2session'

// Where a follower's message goes (decision 066): WeChat's one-time subscribe message in AWS,
// the local outbox (an item in the table, shown by GET /api/notifications/local) in STAGE=local.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html

export interface ChannelMessage {
  eventId: string
  ticketId: string
  userId: string
  recipientName: string
  openid?: string
  templateId: string
  page: string
  data: TemplateData
}

export type TemplateData = Record<string, { value: string }>

/** refused: the user does not accept the template any more (43101) — not worth retrying. */
export type SendOutcome = { kind: 'sent' } | { kind: 'refused'; error: string } | { kind: 'failed'; error: string }

export interface NotificationChannel {
  readonly name: 'wechat' | 'local'
  /** WeChat addresses a user by openid: without one (never signed in by WeChat) nobody is reached. */
  readonly needsOpenid: boolean
  send(m: ChannelMessage): Promise<SendOutcome>
  /** The local outbox also shows what was not sent, and why, so a developer sees every message. */
  skipped?(m: ChannelMessage, reason: string): Promise<void>
}

// WeChat's limits per keyword type: thing ≤ 20 characters (any), phrase ≤ 5 Chinese characters
// (no symbols, so no '…'), time "2019年10月1日 15:01". Longer values are refused with 47003.
const THING_MAX = 20
const PHRASE_MAX = 5

/** `2026-12-04T07:30:00.000+08:00` (stored Beijing time) → `2026年12月4日 07:30`. */
export function wechatTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return iso
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}:${m[5]}`
}

/** A `thing` value: one line (WeChat refuses control characters such as a comment's line breaks). */
const thing = (s: string) => truncateCodePoints(s.replace(/\p{Cc}+/gu, ' ').trim(), THING_MAX)

export function templateData(
  fields: NotificationConfig['fields'],
  m: { title: string; status: string; text: string; createdAt: string },
): TemplateData {
  return {
    [fields.title]: { value: thing(m.title) },
    [fields.status]: {
      value: Array.from(m.status.replace(/[^\p{Script=Han}]/gu, ''))
        .slice(0, PHRASE_MAX)
        .join(''),
    },
    [fields.text]: { value: thing(m.text) },
    [fields.time]: { value: wechatTime(m.createdAt) },
  }
}

/** errcodes that mean our access token is stale: fetch a fresh one and try once more. */
const STALE_TOKEN = new Set([40001, 40014, 42001])
const REFUSED = 43101

export function createWechatChannel(
  wechat: WechatOptions,
  opts: { miniprogramState: NotificationConfig['miniprogramState']; now?: () => Date },
): NotificationChannel {
  const now = opts.now ?? (() => new Date())
  // One token per Lambda container, kept until five minutes before WeChat says it expires; the
  // stable_token endpoint hands every caller the same token, so containers never revoke each other.
  let cached: { token: string; until: number } | undefined

  async function token(): Promise<string> {
    if (cached && cached.until > now().getTime()) return cached.token
    const body = await postJson(wechat, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: wechat.appid,
      secret: wechat.secret,
      force_refresh: false,
    })
    if (typeof body.access_token !== 'string') throw new Error(`stable_token errcode ${body.errcode ?? '?'}`)
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200
    cached = { token: body.access_token, until: now().getTime() + Math.max(0, seconds - 300) * 1000 }
    return cached.token
  }

  async function sendOnce(m: ChannelMessage): Promise<{ errcode: number; errmsg: string }> {
    const body = await postJson(
      wechat,
      `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await token())}`,
      {
        touser: m.openid,
        template_id: m.templateId,
        page: m.page,
        data: m.data,
        miniprogram_state: opts.miniprogramState,
        lang: 'zh_CN',
      },
    )
    return { errcode: typeof body.errcode === 'number' ? body.errcode : 0, errmsg: String(body.errmsg ?? '') }
  }

  return {
    name: 'wechat',
    needsOpenid: true,
    async send(m) {
      try {
        let answer = await sendOnce(m)
        if (STALE_TOKEN.has(answer.errcode)) {
          cached = undefined
          answer = await sendOnce(m)
        }
        if (answer.errcode === 0) return { kind: 'sent' }
        const error = `微信 ${answer.errcode}: ${answer.errmsg}`.slice(0, 200)
        return answer.errcode === REFUSED ? { kind: 'refused', error } : { kind: 'failed', error }
      } catch (err) {
        return { kind: 'failed', error: `微信不可用: ${(err as Error).message}`.slice(0, 200) }
      }
    },
  }
}

async function postJson(wechat: WechatOptions, path: string, payload: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(new URL(path, wechat.apiBase), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(wechat.timeoutMs ?? 5000),
  })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return (await res.json()) as Record<string, unknown>
}

/** STAGE=local: every message lands in the table instead of on a phone. */
export function createLocalChannel(db: Db, now: () => string): NotificationChannel {
  const record = (m: ChannelMessage, delivered: boolean, reason?: string) =>
    putLocalMessage(db, {
      eventId: m.eventId,
      ticketId: m.ticketId,
      userId: m.userId,
      recipientName: m.recipientName,
      at: now(),
      delivered,
      ...(reason ? { reason } : {}),
      templateId: m.templateId,
      page: m.page,
      data: m.data,
    })
  return {
    name: 'local',
    needsOpenid: false,
    async send(m) {
      await record(m, true)
      return { kind: 'sent' }
    },
    skipped: (m, reason) => record(m, false, reason),
  }
}
