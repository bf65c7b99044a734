import type { Role } from '@anju/shared'
import { jwtVerify, SignJWT } from 'jose'
import { UnauthorizedError } from '../errors'

// Our own session token. It names the user only: role, scope and home are read from the user item
// on every request, so a changed scope or a removed account takes effect at once.

const ISSUER = 'anju'
export const AUDIENCE = 'anju-api'
const LIFETIME_SECONDS = 7 * 24 * 60 * 60

const key = (secret: string) => new TextEncoder().encode(secret)

export async function issueToken(secret: string, user: { id: string; role: Role }, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000)
  return (
    new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      // A relative '7d' would count from the wall clock, not from the injected `now`.
      .setExpirationTime(issuedAt + LIFETIME_SECONDS)
      .sign(key(secret))
  )
}

export async function verifyToken(secret: string, token: string, now: Date): Promise<{ userId: string }> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: now,
      // A token that never expires is never ours: every token we sign carries exp.
      requiredClaims: ['exp'],
    })
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('no subject')
    return { userId: payload.sub }
  } catch {
    throw new UnauthorizedError('登录已失效，请重新登录')
  }
}
