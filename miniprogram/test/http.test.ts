import { Me } from '@anju/shared'
import {
  ApiError,
  AuthError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  OfflineError,
  request,
  ServerError,
  setReloginHandler,
  ValidationError,
} from '../src/services/http'

// Taro.request is replaced by one of three behaviours: weapp (success for every status),
// H5 rejecting with the status attached, and no answer at all.
type Options = {
  url: string
  header: Record<string, string>
  success: (r: unknown) => void
  fail: (e: unknown) => void
}
const mockRequest = jest.fn<unknown, [Options]>()
const mockStorage = new Map<string, unknown>()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    request: (o: Options) => mockRequest(o),
    getStorageSync: (k: string) => mockStorage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => mockStorage.set(k, v),
    removeStorageSync: (k: string) => mockStorage.delete(k),
  },
}))

;(globalThis as unknown as { API_BASE: string }).API_BASE = '/api'

const ME = {
  id: 'u-resident-1',
  name: '张秀英',
  role: 'resident',
  scope: { subdistrictId: 'yanchi', communityId: 'mjw', areaId: 'a1', buildingId: 'b5', householdId: 'h1' },
}

function weapp(statusCode: number, data: unknown) {
  return (o: Options) => {
    o.success({ statusCode, data })
    return Promise.resolve({ statusCode, data })
  }
}

function h5Rejects(statusCode: number, data: unknown) {
  return (o: Options) => {
    const err = Object.assign(new Error('request failed'), { statusCode, data })
    o.fail(err)
    return Promise.reject(err)
  }
}

function offline() {
  return (o: Options) => {
    const err = { errMsg: 'request:fail timeout' }
    o.fail(err)
    return Promise.reject(err)
  }
}

beforeEach(() => {
  mockRequest.mockReset()
  mockStorage.clear()
  setReloginHandler(null)
})

describe('status mapping', () => {
  const fieldBody = {
    code: 'validation',
    message: '填写有误',
    errors: [{ path: 'description', message: '请填写问题描述' }],
  }

  it.each([
    [400, fieldBody, ValidationError],
    [401, { code: 'unauthorized', message: '请先登录' }, AuthError],
    [403, { code: 'forbidden', message: '不在你的范围内' }, ForbiddenError],
    [404, { code: 'not_found', message: '没有这条报修' }, NotFoundError],
    [409, { code: 'conflict', message: '已经受理过了' }, ConflictError],
    [500, { code: 'internal', message: 'boom' }, ServerError],
    [503, null, ServerError],
    [418, { code: 'internal', message: '茶壶' }, ApiError],
  ])('%i → %p, the same on weapp and H5', async (status, body, errorClass) => {
    for (const behaviour of [weapp(status, body), h5Rejects(status, body)]) {
      // Prepare
      mockRequest.mockImplementationOnce(behaviour)
      // Act
      const result = request('GET', '/me', Me)
      // Assess
      await expect(result).rejects.toBeInstanceOf(errorClass)
    }
  })

  it('carries the field errors of a 400', async () => {
    mockRequest.mockImplementationOnce(weapp(400, fieldBody))
    const error = await request('POST', '/tickets', Me, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).fieldErrors).toEqual(fieldBody.errors)
  })

  it('says 5xx in plain words, not in the server’s', async () => {
    mockRequest.mockImplementationOnce(weapp(500, { code: 'internal', message: 'TypeError: x is undefined' }))
    await expect(request('GET', '/me', Me)).rejects.toThrow('服务暂时不可用，请稍后再试')
  })

  it('turns no answer into OfflineError', async () => {
    mockRequest.mockImplementationOnce(offline())
    await expect(request('GET', '/me', Me)).rejects.toBeInstanceOf(OfflineError)
  })

  it('turns a 2xx that breaks the contract into ServerError', async () => {
    mockRequest.mockImplementationOnce(weapp(200, { id: 'u1' }))
    await expect(request('GET', '/me', Me)).rejects.toBeInstanceOf(ServerError)
  })
})

describe('request', () => {
  it('sends the stored token to API_BASE and returns the parsed body', async () => {
    // Prepare
    mockStorage.set('anju.token', 'tok-1')
    mockRequest.mockImplementationOnce(weapp(200, ME))
    // Act
    const me = await request('GET', '/me', Me)
    // Assess
    expect(me.name).toBe('张秀英')
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/me', header: { Authorization: 'Bearer tok-1' } })
  })

  it('sends no token on sign-in calls and never re-logs-in for them', async () => {
    mockStorage.set('anju.token', 'tok-old')
    const relogin = jest.fn()
    setReloginHandler(relogin)
    mockRequest.mockImplementationOnce(weapp(401, { code: 'unauthorized', message: '凭证无效' }))
    await expect(request('POST', '/auth/wechat', Me, { code: 'c' }, { auth: false })).rejects.toBeInstanceOf(AuthError)
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBeUndefined()
    expect(relogin).not.toHaveBeenCalled()
  })

  it('re-logs-in once for many concurrent 401s, then retries each with the new token', async () => {
    // Prepare
    mockStorage.set('anju.token', 'expired')
    const relogin = jest.fn(async () => {
      await new Promise((r) => setTimeout(r, 5))
      mockStorage.set('anju.token', 'fresh')
    })
    setReloginHandler(relogin)
    mockRequest.mockImplementation((o) =>
      o.header.Authorization === 'Bearer fresh'
        ? weapp(200, ME)(o)
        : weapp(401, { code: 'unauthorized', message: '过期' })(o),
    )
    // Act
    const results = await Promise.all([request('GET', '/me', Me), request('GET', '/me', Me), request('GET', '/me', Me)])
    // Assess
    expect(results.map((r) => r.id)).toEqual(['u-resident-1', 'u-resident-1', 'u-resident-1'])
    expect(relogin).toHaveBeenCalledTimes(1)
    expect(mockRequest).toHaveBeenCalledTimes(6)
  })

  it.each([
    ['the re-login fails', async () => Promise.reject(new Error('user cancelled')), AuthError],
    ['the re-login is offline', async () => Promise.reject(new OfflineError()), OfflineError],
  ])('gives up when %s', async (_label, relogin, errorClass) => {
    setReloginHandler(relogin)
    mockRequest.mockImplementation(weapp(401, { code: 'unauthorized', message: '过期' }))
    await expect(request('GET', '/me', Me)).rejects.toBeInstanceOf(errorClass)
    expect(mockRequest).toHaveBeenCalledTimes(1)
  })

  it('stops after one re-login if the new token is refused too', async () => {
    const relogin = jest.fn(async () => undefined)
    setReloginHandler(relogin)
    mockRequest.mockImplementation(weapp(401, { code: 'unauthorized', message: '过期' }))
    await expect(request('GET', '/me', Me)).rejects.toBeInstanceOf(AuthError)
    expect(relogin).toHaveBeenCalledTimes(1)
    expect(mockRequest).toHaveBeenCalledTimes(2)
  })
})
