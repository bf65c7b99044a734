// Every key of the single table is built here. Prefixes are uppercase entity names joined by '#';
// ids and openids are used exactly as given (never lowercased: openids are case-sensitive).

export const ENTITY = {
  user: 'user',
  wechatBinding: 'wechat_binding',
  household: 'household',
  ticket: 'ticket',
  idempotency: 'idempotency',
  seedMarker: 'seed_marker',
} as const

export type Key = { PK: string; SK: string }

export const userKey = (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'PROFILE' })

export const wechatBindingKey = (openid: string): Key => ({ PK: `WECHAT#${openid}`, SK: 'BINDING' })

export const householdKey = (householdId: string): Key => ({ PK: `HH#${householdId}`, SK: 'PROFILE' })

export const ticketKey = (ticketId: string): Key => ({ PK: `TICKET#${ticketId}`, SK: 'TICKET' })

/** One idempotency record per (user, client key): keys from different users never collide. */
export const idempotencyKey = (userId: string, clientKey: string): Key => ({
  PK: `IDEM#${userId}#${clientKey}`,
  SK: 'IDEM',
})

export const seedMarkerKey = (name: string): Key => ({ PK: `SEED#${name}`, SK: 'SEED' })

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

/** Attributes that are keys, not entity data: stripped before an item leaves db/. */
export const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity', 'expiresAt'] as const
