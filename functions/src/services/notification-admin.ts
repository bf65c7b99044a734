import {
  type FailedNotification,
  handlesTicketKind,
  handlesTickets,
  inScope,
  type LocalNotification,
  type Me,
  type RetryNotificationResponse,
  type SubscriptionRequest,
  type SubscriptionResponse,
} from '@anju/shared'
import { isLocalStage } from '../config'
import { listLocalMessages } from '../db/local-outbox'
import { listFailedOutbox, requestRetry } from '../db/outbox'
import { addCredit, getCredits } from '../db/subscriptions'
import { ConflictError, DevOnlyError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { communityIdsOf } from '../grid/communities'
import { toShanghaiIso } from '../time'
import type { ServiceDeps } from './deps'

// The API side of notifications (decision 066): a resident's grant from wx.requestSubscribeMessage,
// the failed deliveries staff see and retry, and the local outbox a developer reads.

/** Each accepted tap grants exactly one message with that template (WeChat's one-time rule). */
export async function recordSubscription(
  deps: ServiceDeps,
  me: Me,
  body: SubscriptionRequest,
): Promise<SubscriptionResponse> {
  const { templateId } = deps.config.notifications
  if (!templateId || body.templateId !== templateId)
    throw new ValidationError('消息模板编号不正确', [{ path: 'templateId', message: '消息模板编号不正确' }])
  const credits = body.accepted
    ? await addCredit(deps.db, me.id, templateId, toShanghaiIso(deps.now()))
    : await getCredits(deps.db, me.id, templateId)
  return { templateId, credits }
}

function requireTicketStaff(me: Me): void {
  if (!handlesTickets(me.role)) throw new ForbiddenError('您没有权限查看通知发送情况')
}

/** Messages with a failed or given-up delivery on tickets inside the caller's scope, newest first. */
export async function listFailedNotifications(deps: ServiceDeps, me: Me): Promise<FailedNotification[]> {
  requireTicketStaff(me)
  const { scope } = me
  const lists = await Promise.all(
    communityIdsOf(scope).map((communityId) =>
      listFailedOutbox(deps.db, { communityId, areaId: scope.areaId, buildingId: scope.buildingId }),
    ),
  )
  // A help request's message names its household: not for property staff (decision 071). Older
  // messages carry no kind and stay listed.
  return lists
    .flat()
    .filter((m) => m.scope && inScope(scope, m.scope) && handlesTicketKind(me.role, m.kind))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((m) => ({
      eventId: m.eventId,
      ticketId: m.ticketId,
      title: m.title,
      status: m.status,
      text: m.text,
      createdAt: m.createdAt,
      ...(m.retryRequestedAt ? { retryRequestedAt: m.retryRequestedAt } : {}),
      deliveries: Object.values(m.deliveries ?? {}).flatMap((d) =>
        d.state === 'failed' || d.state === 'given_up'
          ? [
              {
                recipient: d.recipient ?? '用户',
                state: d.state,
                attempts: d.attempts,
                ...(d.lastError ? { lastError: d.lastError } : {}),
                ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
              },
            ]
          : [],
      ),
    }))
}

/** Puts the message back in front of the dispatcher; its failed deliveries start over. */
export async function retryNotification(
  deps: ServiceDeps,
  me: Me,
  eventId: string,
): Promise<RetryNotificationResponse> {
  requireTicketStaff(me)
  const at = toShanghaiIso(deps.now())
  const result = await requestRetry(deps.db, eventId, me.scope, at)
  if (result.ok) return { eventId, retryRequestedAt: at }
  const old = result.old
  if (!old?.scope || !inScope(me.scope, old.scope)) throw new NotFoundError('找不到该通知')
  throw new ConflictError('该通知没有发送失败的记录，不用重试')
}

export async function listLocalNotifications(deps: ServiceDeps): Promise<LocalNotification[]> {
  if (!isLocalStage(deps.config)) throw new DevOnlyError()
  return listLocalMessages(deps.db, 100)
}
