import {
  type FailedNotificationsResponse,
  type LocalNotificationsResponse,
  NotificationEventParam,
  type RetryNotificationResponse,
  SubscriptionRequest,
  type SubscriptionResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import {
  listFailedNotifications,
  listLocalNotifications,
  recordSubscription,
  retryNotification,
} from '../../services/notification-admin'
import { requireUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams } from '../parse'

// Followers' notifications (decision 066): each is the user's read plus one DynamoDB call.
export const notificationRoutes = new Hono<AppEnv>()
  .post('/subscriptions', requireUser, async (c) => {
    const body = await parseBody(c, SubscriptionRequest)
    return c.json<SubscriptionResponse>(await recordSubscription(c.var.deps, c.var.me, body))
  })
  .get('/failed', requireUser, async (c) =>
    c.json<FailedNotificationsResponse>({ notifications: await listFailedNotifications(c.var.deps, c.var.me) }),
  )
  .post('/:eventId/retry', requireUser, async (c) => {
    const { eventId } = parseParams(c, NotificationEventParam)
    return c.json<RetryNotificationResponse>(await retryNotification(c.var.deps, c.var.me, eventId))
  })
  .get('/local', requireUser, async (c) =>
    c.json<LocalNotificationsResponse>({ notifications: await listLocalNotifications(c.var.deps) }),
  )
