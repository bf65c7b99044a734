import type { DocClient } from '../src/db/client'
import { dropTable } from '../src/db/table'
import { MAX_BODY_BYTES } from '../src/http/app'
import { DEV_ACCOUNTS, WECHAT_BINDINGS } from '../src/local/fixture'
import { AUDIENCE } from '../src/services/session'
import { call, dynamoEndpoint, type Handler, loadHandler, seededTable, TEST_JWT_SECRET } from './support/api'
import { FAKE_APPID, FAKE_SECRET, FAKE_SESSION_KEY, type FakeWechat, startFakeWechat } from './support/fake-wechat'

const boundOpenid = WECHAT_BINDINGS[0].openid
let doc: DocClient
let tableName: string
let wechat: FakeWechat
let local: Handler
let prod: Handler

beforeAll(async () => {
  ;({ doc, tableName } = await seededTable(__filename))
  wechat = await startFakeWechat({ 'code-resident-1': boundOpenid, 'code-stranger': 'oStrangerOpenIdNotBound01' })
  const env = {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    JWT_SECRET: TEST_JWT_SECRET,
    WECHAT_APPID: FAKE_APPID,
    WECHAT_SECRET: FAKE_SECRET,
    WECHAT_API_BASE: wechat.baseUrl,
  }
  local = loadHandler({ ...env, STAGE: 'local' })
  prod = loadHandler({ ...env, STAGE: 'prod' })
})

afterAll(async () => {
  await wechat.close()
  await dropTable(doc, tableName)
  doc.destroy()
})

describe('GET /api/health', () => {
  it('answers ok without a token', async () => {
    const res = await call(local, { method: 'GET', path: '/api/health' })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ ok: true })
  })
})

describe('dev sign-in', () => {
  it('signs in a seeded account in STAGE=local and /api/me returns it', async () => {
    // Act
    const login = await call(local, { method: 'POST', path: '/api/auth/dev', body: { userId: 'u-resident-1' } })
    const me = await call(local, { method: 'GET', path: '/api/me', token: login.json.token })
    // Assess
    expect(login.status).toBe(200)
    expect(login.json.user).toEqual(DEV_ACCOUNTS.find((a) => a.id === 'u-resident-1'))
    expect(me.status).toBe(200)
    expect(me.json).toMatchObject({
      id: 'u-resident-1',
      role: 'resident',
      home: { buildingName: '5栋', roomNo: '0302' },
    })
  })

  it('lists the seeded accounts in STAGE=local', async () => {
    const res = await call(local, { method: 'GET', path: '/api/auth/dev-accounts' })
    expect(res.status).toBe(200)
    expect(res.json.accounts.map((a: { id: string }) => a.id)).toEqual(DEV_ACCOUNTS.map((a) => a.id))
  })

  it('answers 404 JSON for an unknown account', async () => {
    const res = await call(local, { method: 'POST', path: '/api/auth/dev', body: { userId: 'u-nobody' } })
    expect(res.status).toBe(404)
    expect(res.json.code).toBe('not_found')
  })

  it.each([
    ['POST', '/api/auth/dev', { userId: 'u-admin' }],
    ['GET', '/api/auth/dev-accounts', undefined],
  ])('refuses %s %s when STAGE is not local', async (method, path, body) => {
    const res = await call(prod, { method, path, body })
    expect(res.status).toBe(403)
    expect(res.json).toEqual({ code: 'forbidden', message: '仅本地开发环境可用' })
  })
})

describe('POST /api/auth/wechat', () => {
  it('exchanges the code on the server and returns our token for the bound resident', async () => {
    // Act
    const res = await call(prod, { method: 'POST', path: '/api/auth/wechat', body: { code: 'code-resident-1' } })
    const me = await call(prod, { method: 'GET', path: '/api/me', token: res.json.token })
    // Assess
    expect(res.status).toBe(200)
    expect(res.json.user.id).toBe('u-resident-1')
    expect(me.json.id).toBe('u-resident-1')
    const lastRequest = wechat.requests.at(-1)
    expect(lastRequest?.searchParams.get('js_code')).toBe('code-resident-1')
    expect(lastRequest?.searchParams.get('grant_type')).toBe('authorization_code')
    expect(res.text).not.toContain(FAKE_SESSION_KEY)
    expect(res.text).not.toContain('session_key')
  })

  it.each([
    ['an unbound openid', 'code-stranger', 403, 'forbidden', '该微信尚未绑定住户，请联系楼栋长'],
    ['an invalid code (40029)', 'code-garbage', 401, 'unauthorized', '微信登录凭证无效或已过期，请重新进入小程序'],
    ['a used code (40163)', 'code-used', 401, 'unauthorized', '微信登录凭证无效或已过期，请重新进入小程序'],
    ['WeChat busy (-1)', 'code-wechat-busy', 503, 'unavailable', '微信服务暂时不可用，请稍后再试'],
    ['WeChat answering 502', 'code-wechat-500', 503, 'unavailable', '微信服务暂时不可用，请稍后再试'],
  ])('answers %s (code %s) with %i', async (_case, code, status, errorCode, message) => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    const res = await call(prod, { method: 'POST', path: '/api/auth/wechat', body: { code } })
    // WeChat's own failures are logged for operators; the user's bad code is not an incident.
    expect(log).toHaveBeenCalledTimes(status === 503 ? 1 : 0)
    log.mockRestore()
    expect(res.status).toBe(status)
    expect(res.json).toEqual({ code: errorCode, message })
    expect(res.text).not.toContain('session_key')
  })

  it('answers 503 when WeChat cannot be reached at all', async () => {
    // Prepare: a handler pointed at a port where nothing listens
    const closed = await startFakeWechat({})
    await closed.close()
    const handler = loadHandler({
      STAGE: 'prod',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      JWT_SECRET: TEST_JWT_SECRET,
      WECHAT_APPID: FAKE_APPID,
      WECHAT_SECRET: FAKE_SECRET,
      WECHAT_API_BASE: closed.baseUrl,
    })
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    // Act
    const res = await call(handler, { method: 'POST', path: '/api/auth/wechat', body: { code: 'code-resident-1' } })
    // Assess
    log.mockRestore()
    expect(res.status).toBe(503)
    expect(res.json.code).toBe('unavailable')
  })
})

describe('unexpected failures', () => {
  it('answers 500 ApiErrorBody JSON with no stack trace or internal detail', async () => {
    // Prepare: a table that does not exist makes DynamoDB throw ResourceNotFoundException
    const broken = loadHandler({
      STAGE: 'local',
      TABLE_NAME: 'no-such-table',
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      JWT_SECRET: TEST_JWT_SECRET,
    })
    const log = jest.spyOn(console, 'error').mockImplementation(() => {})
    // Act
    const res = await call(broken, { method: 'POST', path: '/api/auth/dev', body: { userId: 'u-admin' } })
    // Assess
    log.mockRestore()
    expect(res.status).toBe(500)
    expect(res.json).toEqual({ code: 'internal', message: '服务器开小差了，请稍后再试' })
    expect(res.text).not.toMatch(/ResourceNotFound|at .+\.ts|<html/i)
    expect(String(res.headers['content-type'])).toContain('application/json')
  })
})

describe('authentication', () => {
  const forged = async () => {
    const { issueToken } = await import('../src/services/session')
    return issueToken(
      'another-secret-that-is-long-enough-0123456789',
      { id: 'u-admin', role: 'subdistrict_admin' },
      new Date(),
    )
  }

  it.each([
    ['no Authorization header', async () => undefined],
    ['a token that is not a JWT', async () => 'not-a-jwt'],
    ['a token signed with another secret', forged],
  ])('answers 401 JSON for %s', async (_case, token) => {
    const res = await call(local, { method: 'GET', path: '/api/me', token: await token() })
    expect(res.status).toBe(401)
    expect(res.json.code).toBe('unauthorized')
    expect(typeof res.json.message).toBe('string')
  })

  it('answers 401 for an expired token', async () => {
    const { issueToken } = await import('../src/services/session')
    const old = await issueToken(TEST_JWT_SECRET, { id: 'u-admin', role: 'subdistrict_admin' }, new Date('2020-01-01'))
    const res = await call(local, { method: 'GET', path: '/api/me', token: old })
    expect(res.status).toBe(401)
  })

  it('answers 401 for a correctly signed token that carries no expiry', async () => {
    const { SignJWT } = await import('jose')
    const forever = await new SignJWT({ role: 'subdistrict_admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-admin')
      .setIssuer('anju')
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(TEST_JWT_SECRET))
    const res = await call(local, { method: 'GET', path: '/api/me', token: forever })
    expect(res.status).toBe(401)
  })

  it.each([['[1,2]'], ['"text"'], ['null']])(
    'answers 400 naming the body for a JSON body %s that is not an object',
    async (body) => {
      const login = await call(local, { method: 'POST', path: '/api/auth/dev', body: { userId: 'u-resident-1' } })
      const res = await call(local, { method: 'POST', path: '/api/tickets', token: login.json.token, rawBody: body })
      expect(res.status).toBe(400)
      expect(res.json.errors).toEqual([{ path: '', message: '请求内容必须是一个 JSON 对象' }])
    },
  )

  it('answers 413 JSON for a body over the limit, before reading it', async () => {
    const huge = JSON.stringify({ userId: 'u-resident-1', pad: 'x'.repeat(MAX_BODY_BYTES) })
    const res = await call(local, { method: 'POST', path: '/api/auth/dev', rawBody: huge })
    expect(res.status).toBe(413)
    expect(res.json).toEqual({ code: 'too_large', message: '提交的内容太大了' })
  })

  it('answers 404 JSON (not HTML) for an unknown route', async () => {
    const res = await call(local, { method: 'GET', path: '/api/nowhere' })
    expect(res.status).toBe(404)
    expect(res.json.code).toBe('not_found')
  })
})
