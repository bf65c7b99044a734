import * as z from 'zod'
import { Id } from '../schemas/common'

// Notifications to a ticket's followers (issue 5 item 7, decision 066): the outbox message of a
// public change, its delivery to each recipient, the one-time subscription credits a resident grants
// from the mini-program, and what staff see of deliveries that failed.

/** WeChat's subscribe-message template ids: letters, digits, '-' and '_' (43 characters today). */
export const TemplateId = z
  .string({ error: '缺少消息模板编号' })
  .regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '消息模板编号格式不正确' })

/**
 * What wx.requestSubscribeMessage answered for one template: `accepted` for 'accept'; 'reject',
 * 'ban' and 'filter' are all `false` (nothing is granted).
 */
export const SubscriptionRequest = z.strictObject({
  templateId: TemplateId,
  accepted: z.boolean({ error: '请说明是否同意接收通知' }),
})
export type SubscriptionRequest = z.infer<typeof SubscriptionRequest>

/** The messages we may still send the user with this template (one per accepted tap). */
export const SubscriptionResponse = z.object({ templateId: z.string(), credits: z.number().int() })
export type SubscriptionResponse = z.infer<typeof SubscriptionResponse>

/**
 * One recipient's delivery: `pending` until the dispatcher settles it as `sent`, `no_subscription`
 * (no credit: the resident reads the update in the app only), `withheld` (the ticket is hidden) or
 * `given_up` (after the last retry); `failed` waits for its next attempt.
 */
export const DELIVERY_STATES = ['pending', 'sent', 'no_subscription', 'withheld', 'failed', 'given_up'] as const
export type DeliveryState = (typeof DELIVERY_STATES)[number]
export const SETTLED_DELIVERY_STATES: readonly DeliveryState[] = ['sent', 'no_subscription', 'withheld', 'given_up']

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  pending: '待发送',
  sent: '已发送',
  no_subscription: '未订阅',
  withheld: '未发送（已隐藏）',
  failed: '发送失败，稍后重试',
  given_up: '多次失败，已停止',
}

/** A failed delivery as staff see it: the recipient as 住户 + room, never an openid. */
export const FailedDelivery = z.object({
  recipient: z.string(),
  state: z.enum(['failed', 'given_up']),
  attempts: z.number().int(),
  lastError: z.string().optional(),
  nextAttemptAt: z.string().optional(),
})
export type FailedDelivery = z.infer<typeof FailedDelivery>

export const FailedNotification = z.object({
  eventId: z.string(),
  ticketId: z.string(),
  title: z.string(),
  status: z.string(),
  text: z.string(),
  createdAt: z.string(),
  /** Set when staff asked for a retry that the dispatcher has not made yet. */
  retryRequestedAt: z.string().optional(),
  deliveries: z.array(FailedDelivery),
})
export type FailedNotification = z.infer<typeof FailedNotification>

export const FailedNotificationsResponse = z.object({ notifications: z.array(FailedNotification) })
export type FailedNotificationsResponse = z.infer<typeof FailedNotificationsResponse>

export const NotificationEventParam = z.object({ eventId: Id })

export const RetryNotificationResponse = z.object({ eventId: z.string(), retryRequestedAt: z.string() })
export type RetryNotificationResponse = z.infer<typeof RetryNotificationResponse>

/** STAGE=local: what the local channel recorded in place of WeChat, newest first. */
export const LocalNotification = z.object({
  eventId: z.string(),
  ticketId: z.string(),
  userId: z.string(),
  recipientName: z.string(),
  at: z.string(),
  delivered: z.boolean(),
  /** Why not, when not delivered (e.g. no subscription). */
  reason: z.string().optional(),
  templateId: z.string(),
  page: z.string(),
  data: z.record(z.string(), z.object({ value: z.string() })),
})
export type LocalNotification = z.infer<typeof LocalNotification>

export const LocalNotificationsResponse = z.object({ notifications: z.array(LocalNotification) })
export type LocalNotificationsResponse = z.infer<typeof LocalNotificationsResponse>
