import type { Role } from '@anju/shared'
import { jwtVerify, SignJWT } from 'jose'
import { UnauthorizedError } from '../errors'

// Our own session token. It names the user: role, scope and home are read from the user item on
// every request, so a changed scope or a removed account takes effect at once. A resident's token
// also names their household (`hid`) only so that a ticket create can read the household for
// triage in the same round trip as the user, and their person (`pid`) so that their job applications
// are read beside the user too; the user item stays the authority (services/auth.ts, services/jobs.ts).

const ISSUER = 'anju'
export const AUDIENCE = 'anju-api'
const LIFETIME_SECONDS = 7 * 24 * 60 * 60

const key = (secret: string) => new TextEncoder().encode(secret)

export async function issueToken(
  secret: string,
  user: { id: string; role: Role; scope?: { householdId?: string }; personId?: string },
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000)
  const hid = user.role === 'resident' ? user.scope?.householdId : undefined
  const pid = hid ? user.personId : undefined
  return (
    new SignJWT(hid ? { role: user.role, hid, ...(pid ? { pid } : {}) } : { role: user.role })
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

export async function verifyToken(
  secret: string,
  token: string,
  now: Date,
): Promise<{ userId: string; householdId?: string; personId?: string }> {
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
    const hid = typeof payload.hid === 'string' && payload.hid !== '' ? payload.hid : undefined
    const pid = typeof payload.pid === 'string' && payload.pid !== '' ? payload.pid : undefined
    if (!hid) return { userId: payload.sub }
    return pid ? { userId: payload.sub, householdId: hid, personId: pid } : { userId: payload.sub, householdId: hid }
  } catch {
    throw new UnauthorizedError('登录已失效，请重新登录')
  }
}
