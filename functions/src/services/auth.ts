import type { LoginResponse, Me } from '@anju/shared'
import { isLocalStage } from '../config'
import { getUser, getUserIdByOpenid } from '../db/users'
import { DevOnlyError, NotFoundError, UnauthorizedError, UnboundWechatError } from '../errors'
import { DEV_ACCOUNTS } from '../local/fixture'
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
  const user = await getUser(deps.db, userId)
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

/** Bearer token → the current user, read fresh (one GetItem). */
export async function authenticate(deps: ServiceDeps, authorization: string | undefined): Promise<Me> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
  if (!match) throw new UnauthorizedError()
  const { userId } = await verifyToken(deps.config.jwtSecret, match[1], deps.now())
  const user = await getUser(deps.db, userId)
  if (!user) throw new UnauthorizedError('登录已失效，请重新登录')
  return user
}
