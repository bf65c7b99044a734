// Every key of the single table is built here. Prefixes are uppercase entity names joined by '#';
// ids and openids are used exactly as given (never lowercased: openids are case-sensitive).

export const ENTITY = {
  user: 'user',
  wechatBinding: 'wechat_binding',
  household: 'household',
  ticket: 'ticket',
  ticketEvent: 'ticket_event',
  ticketFollow: 'ticket_follow',
  outbox: 'outbox',
  idempotency: 'idempotency',
  seedMarker: 'seed_marker',
  grid: 'grid',
  dispute: 'dispute',
  cameraRegister: 'camera_register',
  jobPosting: 'job_posting',
  jobSeeker: 'job_seeker',
  jobApplication: 'job_application',
  jobRecommendation: 'job_recommendation',
  followUp: 'follow_up',
  colourTrend: 'colour_trend',
  apiKey: 'api_key',
  userWechat: 'user_wechat',
  subscription: 'subscription',
  localMessage: 'local_message',
} as const

export type Key = { PK: string; SK: string }

export const userKey = (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'PROFILE' })

export const wechatBindingKey = (openid: string): Key => ({ PK: `WECHAT#${openid}`, SK: 'BINDING' })

export const householdKey = (householdId: string): Key => ({ PK: `HH#${householdId}`, SK: 'PROFILE' })

export const ticketKey = (ticketId: string): Key => ({ PK: `TICKET#${ticketId}`, SK: 'TICKET' })

// Beside each ticket, in its partition: its history (one item per event, in time order) and its
// followers. SKs sort EVENT# < FOLLOW# < TICKET, so `SK >= FOLLOW#` reads followers + ticket only.
export const ticketEventKey = (ticketId: string, at: string, eventId: string): Key => ({
  PK: `TICKET#${ticketId}`,
  SK: `EVENT#${at}#${eventId}`,
})
export const ticketFollowKey = (ticketId: string, userId: string): Key => ({
  PK: `TICKET#${ticketId}`,
  SK: `FOLLOW#${userId}`,
})
export const TICKET_FOLLOW_SK_PREFIX = 'FOLLOW#'
/** A follow shows in the follower household's list (GSI2) beside its own tickets. */
export const ticketFollowGsi2Sk = (followedAt: string, ticketId: string) => `${followedAt}#F#${ticketId}`

/** One message per public event for its followers; pending ones are listed by the sparse GSI1. */
export const outboxKey = (eventId: string): Key => ({ PK: `OUTBOX#${eventId}`, SK: 'OUTBOX' })
export const OUTBOX_PENDING_GSI1PK = 'OUTBOX#PENDING'
/** Outbox messages with a failed or given-up delivery, by grid (GSI2), for the staff in scope. */
export const outboxFailedGsi2Pk = (communityId: string) => `COMMUNITY#${communityId}#OUTBOX#FAILED`

// Notifications (decision 066). The reverse of the WeChat binding (user → openid), written at every
// WeChat login, and the one-time subscription credits a user granted per template.
export const userWechatKey = (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'WECHAT' })
export const subscriptionKey = (userId: string, templateId: string): Key => ({
  PK: `USER#${userId}`,
  SK: `SUB#${templateId}`,
})
/** STAGE=local only: what the local channel "delivered", newest first on GSI1. */
export const localMessageKey = (eventId: string, userId: string): Key => ({
  PK: `LOCALMSG#${eventId}#${userId}`,
  SK: 'LOCALMSG',
})
export const LOCAL_OUTBOX_GSI1PK = 'OUTBOX#LOCAL'

/** One idempotency record per (user, client key): keys from different users never collide. */
export const idempotencyKey = (userId: string, clientKey: string): Key => ({
  PK: `IDEM#${userId}#${clientKey}`,
  SK: 'IDEM',
})

export const seedMarkerKey = (name: string): Key => ({ PK: `SEED#${name}`, SK: 'SEED' })

/** An Open311 API key, by the sha256 of the key (the key itself is never stored). */
export const apiKeyKey = (keyHash: string): Key => ({ PK: `APIKEY#${keyHash}`, SK: 'APIKEY' })

// GSI1 — tickets by grid: one partition per community, sorted area › building › time, so that a
// building head, an area (grid worker) and a community each get their tickets by key condition.
export const ticketGsi1Pk = (communityId: string) => `COMMUNITY#${communityId}#TICKET`
export const ticketGsi1Sk = (areaId: string, buildingId: string, createdAt: string, ticketId: string) =>
  `${areaId}#${buildingId}#${createdAt}#${ticketId}`
/** begins_with prefix for a scope under a community; '' means the whole community. */
export function ticketGsi1Prefix(areaId?: string, buildingId?: string): string {
  if (areaId === undefined) return ''
  if (buildingId === undefined) return `${areaId}#`
  return `${areaId}#${buildingId}#`
}

// GSI2 — a household's own items, newest first.
export const ticketGsi2Pk = (householdId: string) => `HH#${householdId}#TICKET`
export const ticketGsi2Sk = (createdAt: string, ticketId: string) => `${createdAt}#${ticketId}`

// Reference and population data (local/population). The grid is one document per sub-district.
export const gridKey = (subdistrictId: string): Key => ({ PK: `GRID#${subdistrictId}`, SK: 'TREE' })
export const colourTrendKey = (subdistrictId: string): Key => ({ PK: `STATS#${subdistrictId}`, SK: 'COLOUR_TREND' })
export const disputeKey = (disputeId: string): Key => ({ PK: `DISPUTE#${disputeId}`, SK: 'DISPUTE' })
/** One building's care cameras with their consents (the designated officer's unit of work). */
export const cameraRegisterKey = (buildingId: string): Key => ({ PK: `BLDG#${buildingId}`, SK: 'CAMERAS' })
export const jobPostingKey = (postingId: string): Key => ({ PK: `JOB#${postingId}`, SK: 'POSTING' })

// Households by grid (GSI1) and by colour within the grid (GSI2), sorted area › building › id so a
// building head, a grid worker and a community get theirs by key condition (as tickets do).
export const householdGsi1Pk = (communityId: string) => `COMMUNITY#${communityId}#HH`
export const householdGsi2Pk = (communityId: string, colour: string) => `COMMUNITY#${communityId}#HH#${colour}`
export const householdGridSk = (areaId: string, buildingId: string, householdId: string) =>
  `${areaId}#${buildingId}#${householdId}`
/** Disputes of a community by grid, then opening time; camera registers of a community by grid. */
export const disputeGsi1Pk = (communityId: string) => `COMMUNITY#${communityId}#DISPUTE`
export const disputeGsi1Sk = (areaId: string, buildingId: string, openedAt: string, disputeId: string) =>
  `${areaId}#${buildingId}#${openedAt}#${disputeId}`
export const cameraRegisterGsi1Pk = (communityId: string) => `COMMUNITY#${communityId}#CAMERAS`
export const cameraRegisterGsi1Sk = (areaId: string, buildingId: string) => `${areaId}#${buildingId}`

// 我要找工作 (issue 6, decision 068). Open postings are spread over JOB_SHARDS partitions of GSI1
// keyed by last day, so matching reads every shard in parallel (one round trip, each page under
// 1 MB even at 10,000 postings) and skips expired postings by key condition (GSI1SK >= today).
// Closing a posting removes its GSI1 keys (sparse). GSI2 lists a scope's postings, open or closed.
export const JOB_SHARDS = 16
export function jobShardOf(postingId: string): number {
  let h = 0
  for (let i = 0; i < postingId.length; i++) h = (h * 31 + postingId.charCodeAt(i)) >>> 0
  return h % JOB_SHARDS
}
export const jobOpenGsi1Pk = (shard: number) => `JOBS#OPEN#${shard}`
export const jobOpenGsi1Sk = (expiresOn: string, postingId: string) => `${expiresOn}#${postingId}`
/** A scope's postings: `COMMUNITY#<c>#JOB`, or `SUBDISTRICT#<s>#JOB` for sub-district-wide ones. */
export const jobScopeGsi2Pk = (scope: { subdistrictId: string; communityId?: string }) =>
  scope.communityId ? `COMMUNITY#${scope.communityId}#JOB` : `SUBDISTRICT#${scope.subdistrictId}#JOB`
export const jobScopeGsi2Sk = (postedAt: string, postingId: string) => `${postedAt}#${postingId}`
/** Beside the posting: one application and one recommendation per person (the key makes them idempotent). */
export const jobApplicationKey = (postingId: string, personId: string): Key => ({
  PK: `JOB#${postingId}`,
  SK: `APP#${personId}`,
})
export const jobRecommendationKey = (postingId: string, personId: string): Key => ({
  PK: `JOB#${postingId}`,
  SK: `REC#${personId}`,
})
/** A person's applications and recommendations, newest first (GSI2). */
export const personJobsGsi2Pk = (personId: string) => `PERSON#${personId}#JOBS`
export const personJobsGsi2Sk = (at: string, kind: 'APP' | 'REC', postingId: string) => `${at}#${kind}#${postingId}`
/** A seeker profile lives in its household's partition; GSI1 lists a scope's seekers by grid. */
export const jobSeekerKey = (householdId: string, personId: string): Key => ({
  PK: `HH#${householdId}`,
  SK: `SEEKER#${personId}`,
})
export const JOB_SEEKER_SK_PREFIX = 'SEEKER#'
export const jobSeekerGsi1Pk = (communityId: string) => `COMMUNITY#${communityId}#SEEKER`
export const jobSeekerGsi1Sk = (areaId: string, buildingId: string, householdId: string, personId: string) =>
  `${areaId}#${buildingId}#${householdId}#${personId}`
/** A contact with a household that counts toward a module's follow-up (a job recommendation: livelihood). */
export const followUpKey = (householdId: string, at: string, id: string): Key => ({
  PK: `HH#${householdId}`,
  SK: `FOLLOWUP#${at}#${id}`,
})

/** Attributes that are keys, not entity data: stripped before an item leaves db/. */
export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'expiresAt'] as const
