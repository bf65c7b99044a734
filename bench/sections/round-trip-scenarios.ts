// Scenarios for the routes issue 5 added after the first round-trip table (decisions 062–067):
// staff moderation and assignment, filing on behalf, ratings, comments, follows, the household
// picker, photos and Open311. Each sets up what it needs through the API itself, so every route
// answers as it would in use (2xx) rather than failing early on a missing id.
import { putApiKey } from '../../functions/src/db/api-keys'
import { HOUSEHOLDS } from '../../functions/src/local/fixture'
import type { Stack } from '../lib/stack'
import type { Scenario, Send } from './round-trips'

const OPEN311 = '/api/open311/v2'
/** The smallest valid JPEG header the local store's magic-byte check accepts, padded. */
const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0,
  16,
  0x4a,
  0x46,
  0x49,
  0x46,
  0,
  1,
  ...new Array(64).fill(0),
  0xff,
  0xd9,
])

export async function ticketAdminScenarios(
  send: Send,
  ctx: { ticketId: string; body: Record<string, unknown> },
): Promise<Scenario[]> {
  const stamp = Date.now()
  // A fresh open ticket to assign, hide and redact (the first one is closed by now).
  const fresh = await send('POST', '/api/tickets', 'resident', {
    ...ctx.body,
    description: '楼道灯不亮，联系电话 13800001111（bench）',
    idempotencyKey: `bench-admin-${stamp}`,
  })
  const open = fresh.json?.ticket?.id as string
  const comment = await send('POST', `/api/tickets/${open}/comments`, 'building_head', {
    text: '已联系住户 13800001111',
    public: true,
  })
  // The comment's id is read back from the timeline, as the staff page does.
  const detail = comment.status < 300 ? await send('GET', `/api/tickets/${open}`, 'building_head') : undefined
  const events = (detail?.json?.events ?? []) as { id: string; type?: string; text?: string }[]
  const eventId = events.find((e) => e.text?.includes('13800001111'))?.id
  // A common-area ticket: only those can be followed by a neighbour of the same building.
  const shared = await send('POST', '/api/tickets', 'resident', {
    ...ctx.body,
    location: { kind: 'common_area', spot: 'stairwell' },
    description: '楼梯间扶手松动（bench）',
    idempotencyKey: `bench-common-${stamp}`,
  })
  const sharedId = shared.json?.ticket?.id as string
  // One photo goes all the way (upload, attach, read back); a second upload is the scenario.
  const formFor = async () => {
    const upload = await send('POST', '/api/photos', 'resident', { contentType: 'image/jpeg', size: JPEG.length })
    const form = new FormData()
    for (const [k, v] of Object.entries((upload.json?.upload?.fields ?? {}) as Record<string, string>))
      form.append(k, v)
    form.append('file', new Blob([JPEG], { type: 'image/jpeg' }), 'bench.jpg')
    return { form, photoId: upload.json?.photoId as string }
  }
  const first = await formFor()
  await send('POST', '/api/photos/local-upload', undefined, first.form)
  const withPhoto = await send('POST', '/api/tickets', 'resident', {
    ...ctx.body,
    description: '墙面渗水（bench，带照片）',
    photos: [first.photoId],
    idempotencyKey: `bench-photo-${stamp}`,
  })
  const photoTicket = withPhoto.json?.ticket?.id as string
  const urls = await send('GET', `/api/tickets/${photoTicket}/photos`, 'resident')
  const photoUrl = (urls.json?.photos?.[0]?.url as string | undefined) ?? 'http://x/api/photos/local/none'
  const second = await formFor()
  const assignee = { kind: 'property_company' }
  return [
    { label: 'POST /api/photos/local-upload', method: 'POST', path: '/api/photos/local-upload', body: second.form },
    {
      label: 'GET /api/tickets/:id/photos',
      method: 'GET',
      path: `/api/tickets/${photoTicket}/photos`,
      role: 'resident',
    },
    { label: 'GET /api/photos/local/:token', method: 'GET', path: new URL(photoUrl).pathname },
    {
      label: 'POST /api/photos',
      method: 'POST',
      path: '/api/photos',
      role: 'resident',
      body: { contentType: 'image/png', size: 2048 },
    },
    {
      label: 'POST /api/tickets/:id/comments',
      method: 'POST',
      path: `/api/tickets/${open}/comments`,
      role: 'building_head',
      body: { text: '明天上午维修', public: true, idempotencyKey: `bench-comment-${stamp}` },
    },
    {
      label: 'POST /api/tickets/:id/follow',
      method: 'POST',
      path: `/api/tickets/${sharedId}/follow`,
      role: 'u-resident-3',
    },
    {
      label: 'POST /api/tickets/:id/assign',
      method: 'POST',
      path: `/api/tickets/${open}/assign`,
      role: 'building_head',
      body: { assignee },
    },
    {
      label: 'POST /api/tickets/assign (bulk, 2)',
      method: 'POST',
      path: '/api/tickets/assign',
      role: 'community_staff',
      body: { ticketIds: [open, photoTicket], assignee },
    },
    {
      label: 'POST /api/tickets/:id/redact',
      method: 'POST',
      path: `/api/tickets/${open}/redact`,
      role: 'community_staff',
      body: { description: '楼道灯不亮，联系电话 ***（bench）' },
    },
    {
      label: 'POST /api/tickets/:id/events/:eventId/redact',
      method: 'POST',
      path: `/api/tickets/${open}/events/${eventId ?? 'none'}/redact`,
      role: 'community_staff',
      body: { text: '已联系住户 ***' },
    },
    {
      label: 'POST /api/tickets/:id/hide',
      method: 'POST',
      path: `/api/tickets/${open}/hide`,
      role: 'community_staff',
      body: { reason: '含辱骂内容' },
    },
    {
      label: 'POST /api/tickets/:id/unhide',
      method: 'POST',
      path: `/api/tickets/${open}/unhide`,
      role: 'community_staff',
    },
    {
      label: 'POST /api/tickets/:id/rate',
      method: 'POST',
      path: `/api/tickets/${ctx.ticketId}/rate`,
      role: 'resident',
      body: { rating: 'unsolved' },
    },
    {
      label: 'POST /api/tickets/on-behalf',
      method: 'POST',
      path: '/api/tickets/on-behalf',
      role: 'building_head',
      body: {
        kind: 'help',
        category: 'atm_cash',
        householdId: HOUSEHOLDS.h5_1_0302.id,
        channel: 'phone',
        idempotencyKey: `bench-behalf-${stamp}`,
      },
    },
    { label: 'GET /api/households', method: 'GET', path: '/api/households', role: 'building_head' },
  ]
}

/** Open311 (decision 063): the key is the caller, so each request reads it first. */
export async function open311Scenarios(stack: Stack): Promise<Scenario[]> {
  const key = `anju_bench_${Date.now()}`
  await putApiKey({ doc: stack.doc, tableName: stack.tableName }, key, {
    name: 'bench',
    scope: { subdistrictId: '530621002', communityId: HOUSEHOLDS.h5_1_0302.address.path.communityId as string },
    createdAt: new Date().toISOString(),
  })
  const q = `api_key=${key}`
  return [
    { label: 'GET open311 services.json', method: 'GET', path: `${OPEN311}/services.json` },
    { label: 'GET open311 services/:code.json', method: 'GET', path: `${OPEN311}/services/lift.json` },
    {
      label: 'POST open311 requests.json',
      method: 'POST',
      path: `${OPEN311}/requests.json`,
      body: {
        api_key: key,
        service_code: 'leak',
        address_id: HOUSEHOLDS.h5_1_0302.id,
        description: '卫生间天花板漏水（bench）',
      },
    },
    { label: 'GET open311 requests.json', method: 'GET', path: `${OPEN311}/requests.json?${q}` },
    { label: 'GET open311 requests/:id.json', method: 'GET', path: `${OPEN311}/requests/01BENCHNOSUCH.json?${q}` },
  ]
}
