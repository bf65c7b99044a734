import { ApiErrorBody } from '@anju/shared'
import Taro from '@tarojs/taro'
import type * as z from 'zod'
import {
  ApiError,
  AuthError,
  ConflictError,
  ForbiddenError,
  isRetryable,
  NotFoundError,
  OfflineError,
  ServerError,
  ValidationError,
} from './errors'
import { getToken } from './session'

export * from './errors'

type Method = 'GET' | 'POST' | 'PUT'

interface RawResponse {
  status: number
  data: unknown
}

export interface RequestOptions {
  /** false for the sign-in calls themselves: no token, and a 401 must not trigger a re-login. */
  auth?: boolean
}

const TIMEOUT_MS = 15_000

/**
 * One Taro.request, settled the same way on every platform: weapp calls `success` for 4xx/5xx,
 * H5 may reject with the status attached; both end up as { status, data }. Only "no answer at
 * all" becomes an OfflineError.
 */
function send(method: Method, path: string, data: unknown, token: string | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false
    const answered = (res: { statusCode: number; data: unknown }) => {
      if (settled) return
      settled = true
      resolve({ status: res.statusCode, data: res.data })
    }
    const failed = (err: unknown) => {
      if (settled) return
      const e = err as { statusCode?: unknown; data?: unknown } | null
      if (e && typeof e.statusCode === 'number' && e.statusCode > 0)
        return answered({ statusCode: e.statusCode, data: e.data })
      settled = true
      reject(new OfflineError())
    }
    const header: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) header.Authorization = `Bearer ${token}`
    try {
      const pending = Taro.request({
        url: `${API_BASE}${path}`,
        method,
        data: data as Record<string, unknown> | undefined,
        header,
        timeout: TIMEOUT_MS,
        success: answered,
        fail: failed,
      }) as unknown
      // The returned promise rejects alongside `fail`; swallow it here so it is never unhandled.
      if (pending && typeof (pending as Promise<unknown>).then === 'function')
        (pending as Promise<unknown>).then(undefined, failed)
    } catch (err) {
      failed(err)
    }
  })
}

/** Maps a non-2xx answer to its typed error; 5xx always gets plain words, not the server's. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body)
  const message = parsed.success ? parsed.data.message : undefined
  if (status === 400)
    return new ValidationError(message ?? '填写的内容有误', (parsed.success && parsed.data.errors) || [])
  if (status === 401) return new AuthError(message)
  if (status === 403) return new ForbiddenError(message)
  if (status === 404) return new NotFoundError(message)
  if (status === 409) return new ConflictError(message)
  if (status >= 500) return new ServerError(undefined, status)
  return new ApiError(message ?? '请求没有成功', status, parsed.success ? parsed.data.code : 'unknown')
}

let relogin: (() => Promise<void>) | null = null
let reloginInFlight: Promise<void> | null = null

/** auth.ts installs how to sign in again (weapp: wx.login once; H5: go to the sign-in page). */
export function setReloginHandler(handler: (() => Promise<void>) | null): void {
  relogin = handler
}

/** Many requests may hit 401 together; they all wait for the same single re-login. */
function reloginOnce(): Promise<void> {
  if (!relogin) return Promise.reject(new AuthError())
  if (!reloginInFlight) {
    reloginInFlight = relogin().finally(() => {
      reloginInFlight = null
    })
  }
  return reloginInFlight
}

export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  data?: unknown,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const useAuth = options.auth !== false
  let res = await send(method, path, data, useAuth ? getToken() : null)
  if (res.status === 401 && useAuth) {
    try {
      await reloginOnce()
    } catch (err) {
      // Offline during re-login is still "offline" (keep the draft); anything else means sign in again.
      throw isRetryable(err) ? err : new AuthError()
    }
    res = await send(method, path, data, getToken())
  }
  if (res.status >= 200 && res.status < 300) {
    const parsed = schema.safeParse(res.data)
    if (!parsed.success) throw new ServerError('服务器返回的内容不对，请稍后再试', res.status)
    return parsed.data
  }
  throw toApiError(res.status, res.data)
}
