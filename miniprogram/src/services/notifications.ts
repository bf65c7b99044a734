import {
  type FailedNotification,
  FailedNotificationsResponse,
  type LocalNotification,
  LocalNotificationsResponse,
  RetryNotificationResponse,
  SubscriptionResponse,
} from '@anju/shared'
import Taro from '@tarojs/taro'
import { request } from './http'
import { IS_WEAPP } from './routes'

// WeChat's one-time subscribe messages (decision 066): every accepted tap on the permission sheet
// lets the server send the resident exactly one update about their tickets. The sheet opens only
// inside a tap handler, before anything is awaited; the server hears the answer afterwards.

/** The template for ticket updates, named at build time (ANJU_SUBSCRIBE_TEMPLATE_ID). */
const TEMPLATE_ID = SUBSCRIBE_TEMPLATE_ID

export type UpdatesAnswer = boolean | undefined

/**
 * Opens WeChat's "receive updates?" sheet. Call it first thing in the tap handler (WeChat refuses
 * it after an await). Resolves to the resident's choice, or undefined where there is no sheet
 * (H5, no template configured, an old WeChat); never rejects.
 */
export function askForUpdates(): Promise<UpdatesAnswer> {
  if (!IS_WEAPP || !TEMPLATE_ID) return Promise.resolve(undefined)
  return Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID] } as Taro.requestSubscribeMessage.Option)
    .then((res) => (res as unknown as Record<string, string>)[TEMPLATE_ID] === 'accept')
    .catch(() => undefined)
}

/** Tells the server what the sheet answered; a lost call costs one message, never the report. */
export async function reportUpdatesAnswer(answer: Promise<UpdatesAnswer>): Promise<void> {
  const accepted = await answer
  if (accepted === undefined) return
  await request('POST', '/notifications/subscriptions', SubscriptionResponse, {
    templateId: TEMPLATE_ID,
    accepted,
  }).catch(() => undefined)
}

/** For a submit's `.then`: once the report went out, tells the server what the sheet answered. */
export function reportUpdatesIfSent<T extends { kind: string } | null>(updates?: Promise<UpdatesAnswer>) {
  return (outcome: T): T => {
    if (updates && outcome?.kind === 'sent') void reportUpdatesAnswer(updates)
    return outcome
  }
}

/** Staff: messages to followers that WeChat did not take, on tickets inside their scope. */
export async function listFailedNotifications(): Promise<FailedNotification[]> {
  return (await request('GET', '/notifications/failed', FailedNotificationsResponse)).notifications
}

export async function retryNotification(eventId: string): Promise<void> {
  await request('POST', `/notifications/${encodeURIComponent(eventId)}/retry`, RetryNotificationResponse)
}

/** Developers on `npm start`: what the local channel recorded in place of WeChat. */
export async function listLocalNotifications(): Promise<LocalNotification[]> {
  return (await request('GET', '/notifications/local', LocalNotificationsResponse)).notifications
}
