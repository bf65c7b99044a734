import { InvalidWechatCodeError, WechatUnavailableError } from '../errors'

// code2Session runs on the server only: the response's session_key is dropped here and never
// leaves this module. https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html

export interface WechatOptions {
  appid: string
  secret: string
  /** https://api.weixin.qq.com in production; a fake server on 127.0.0.1 in tests. */
  apiBase: string
  timeoutMs?: number
}

/** errcodes that mean the code itself is bad (invalid, already used, blocked as risky). */
const BAD_CODE_ERRCODES = new Set([40029, 40163, 40226])

export async function code2Session(opts: WechatOptions, code: string): Promise<{ openid: string; unionid?: string }> {
  const url = new URL('/sns/jscode2session', opts.apiBase)
  url.search = new URLSearchParams({
    appid: opts.appid,
    secret: opts.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString()

  let body: { openid?: unknown; unionid?: unknown; errcode?: unknown }
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) })
    if (!res.ok) throw new Error(`code2Session HTTP ${res.status}`)
    body = (await res.json()) as typeof body
  } catch (err) {
    console.error('code2Session failed', (err as Error).message)
    throw new WechatUnavailableError()
  }

  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  if (BAD_CODE_ERRCODES.has(errcode)) throw new InvalidWechatCodeError()
  if (errcode !== 0 || typeof body.openid !== 'string' || body.openid === '') {
    // -1 (system busy), 45011 (rate limited) and anything unexpected: retryable, not the user's fault.
    console.error('code2Session errcode', errcode)
    throw new WechatUnavailableError()
  }
  return { openid: body.openid, unionid: typeof body.unionid === 'string' ? body.unionid : undefined }
}
