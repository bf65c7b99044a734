import { type DevAccountsResponse, DevLoginRequest, type LoginResponse, WechatLoginRequest } from '@anju/shared'
import { Hono } from 'hono'
import { devAccounts, devLogin, wechatLogin } from '../../services/auth'
import type { AppEnv } from '../env'
import { parseBody } from '../parse'

export const authRoutes = new Hono<AppEnv>()
  .post('/wechat', async (c) => {
    const { code } = await parseBody(c, WechatLoginRequest)
    return c.json<LoginResponse>(await wechatLogin(c.var.deps, code))
  })
  // The two dev routes answer 403 outside STAGE=local (DevOnlyError), decided in the service.
  .post('/dev', async (c) => {
    const { userId } = await parseBody(c, DevLoginRequest)
    return c.json<LoginResponse>(await devLogin(c.var.deps, userId))
  })
  .get('/dev-accounts', (c) => c.json<DevAccountsResponse>({ accounts: devAccounts(c.var.deps) }))
