import * as z from 'zod'
import { Id } from '../schemas/common'
import { Me } from '../schemas/user'

/** POST /api/auth/wechat — the code from wx.login; exchanged on the server by code2Session. */
export const WechatLoginRequest = z.object({
  code: z.string({ error: '缺少微信登录凭证（code）' }).min(1, { error: '缺少微信登录凭证（code）' }).max(128),
})
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>

/** POST /api/auth/dev — local stage only: sign in as a seeded account. */
export const DevLoginRequest = z.object({ userId: Id })
export type DevLoginRequest = z.infer<typeof DevLoginRequest>

export const LoginResponse = z.object({ token: z.string(), user: Me })
export type LoginResponse = z.infer<typeof LoginResponse>

/** GET /api/auth/dev-accounts — local stage only: the seeded accounts for the sign-in page. */
export const DevAccountsResponse = z.object({ accounts: z.array(Me) })
export type DevAccountsResponse = z.infer<typeof DevAccountsResponse>
