import type { HouseholdContext, LoginResponse, Me } from '@anju/shared'
import { isLocalStage } from '../config'
import { getHouseholdContext } from '../db/household-triage'
import { rememberOpenid } from '../db/subscriptions'
import { getUser, getUserIdByOpenid } from '../db/users'
import { DevOnlyError, NotFoundError, UnauthorizedError, UnboundWechatError } from '../errors'
import { DEV_ACCOUNTS } from '../local/fixture'
import { toShanghaiIso } from '../time'
import { code2Session } from '../wechat/code2session'
import type { ServiceDeps } from './deps'
import { issueToken, verifyToken } from './session'

async function login(deps: ServiceDeps, user: Me): Promise<LoginResponse> {
  return { token: await issueToken(deps.config.jwtSecret, user, deps.now()), user }
}

/** wx.login code → openid (server side) → bound user → our token. Unbound openids are refused. */
export async function wechatLogin(deps: ServiceDeps, code: string): Promise<LoginResponse> {
  const { openid } = await code2Session(deps.config.wechat, code)
  const userId = await getUserIdByOpenid(deps.db, openid)
  if (!userId) throw new UnboundWechatError()
  // The reverse of the binding (user → openid), which notifications need, is written beside the
  // user read: a user who never signs in by WeChat cannot have granted a subscription anyway.
  const [user] = await Promise.all([
    getUser(deps.db, userId),
    rememberOpenid(deps.db, userId, openid, toShanghaiIso(deps.now())),
  ])
  if (!user) throw new UnboundWechatError()
  return login(deps, user)
}

export async function devLogin(deps: ServiceDeps, userId: string): Promise<LoginResponse> {
  if (!isLocalStage(deps.config)) throw new DevOnlyError()
  const user = await getUser(deps.db, userId)
  if (!user) throw new NotFoundError('没有这个测试账号')
  return login(deps, user)
}

export function devAccounts(deps: ServiceDeps): Me[] {
  if (!isLocalStage(deps.config)) throw new DevOnlyError()
  return DEV_ACCOUNTS
}

async function claimsOf(deps: ServiceDeps, authorization: string | undefined) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
  if (!match) throw new UnauthorizedError()
  return verifyToken(deps.config.jwtSecret, match[1], deps.now())
}

function present(user: Me | undefined): Me {
  if (!user) throw new UnauthorizedError('登录已失效，请重新登录')
  return user
}

/** Bearer token → the current user, read fresh (one GetItem). */
export async function authenticate(deps: ServiceDeps, authorization: string | undefined): Promise<Me> {
  const { userId } = await claimsOf(deps, authorization)
  return present(await getUser(deps.db, userId))
}

/**
 * The current user and, for a resident, what triage needs from their household. The household
 * named in the token is read beside the user (one round trip); it is used only if the user item
 * still names it, else (a move, or a token from before `hid`) it is read again from the user's.
 */
export async function authenticateWithHousehold(
  deps: ServiceDeps,
  authorization: string | undefined,
): Promise<{ me: Me; household?: HouseholdContext }> {
  const { userId, householdId: claimed } = await claimsOf(deps, authorization)
  const [user, prefetched] = await Promise.all([
    getUser(deps.db, userId),
    claimed ? getHouseholdContext(deps.db, claimed) : undefined,
  ])
  const me = present(user)
  const householdId = me.role === 'resident' ? me.scope.householdId : undefined
  if (!householdId) return { me }
  if (prefetched && householdId === claimed) return { me, household: prefetched }
  return { me, household: await getHouseholdContext(deps.db, householdId) }
}

/**
 * A caller whose token is verified (no I/O) but whose user item is still being read, so a route
 * can start its own read beside it and stay within two sequential round trips. `me` must be
 * awaited before anything read alongside is used or shown (see `alongside`).
 */
export interface PendingCaller {
  claims: { userId: string; householdId?: string; personId?: string }
  me: Promise<Me>
}

export async function startAuthentication(
  deps: ServiceDeps,
  authorization: string | undefined,
): Promise<PendingCaller> {
  const claims = await claimsOf(deps, authorization)
  const me = getUser(deps.db, claims.userId).then(present)
  // Awaited by every use; this only keeps an early failure from being reported as unhandled.
  me.catch(() => undefined)
  return { claims, me }
}

/**
 * The caller and a read that does not depend on them, in one round trip. The caller is awaited
 * first, so an authentication failure is what the client hears even if the read failed too.
 */
export async function alongside<T>(caller: PendingCaller, read: Promise<T>): Promise<[Me, T]> {
  read.catch(() => undefined)
  const me = await caller.me
  return [me, await read]
}
