import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A real HTTP server on 127.0.0.1 that answers /sns/jscode2session the way WeChat does
// (200 with JSON, errcode in the body for failures). The code decides the answer.

export const FAKE_APPID = 'wx0123456789abcdef'
export const FAKE_SECRET = 'fake-app-secret'
export const FAKE_SESSION_KEY = 'tiihtNczf5v6AKRyjwEUhQ=='

export interface FakeWechat {
  baseUrl: string
  requests: URL[]
  close(): Promise<void>
}

/** code → answer. Unlisted codes get WeChat's 40029 invalid code. */
export type Answer = { status?: number; body: string }

export async function startFakeWechat(openidByCode: Record<string, string>): Promise<FakeWechat> {
  const requests: URL[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push(url)
    const answer = answerFor(url, openidByCode)
    res.writeHead(answer.status ?? 200, { 'content-type': answer.status ? 'text/html' : 'text/plain' })
    res.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function answerFor(url: URL, openidByCode: Record<string, string>): Answer {
  const q = url.searchParams
  if (url.pathname !== '/sns/jscode2session') return { status: 404, body: '<html>not found</html>' }
  if (q.get('appid') !== FAKE_APPID || q.get('secret') !== FAKE_SECRET) {
    return { body: JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret' }) }
  }
  const code = q.get('js_code') ?? ''
  if (code === 'code-wechat-busy') return { body: JSON.stringify({ errcode: -1, errmsg: 'system error' }) }
  if (code === 'code-wechat-500') return { status: 502, body: '<html><body>Bad Gateway</body></html>' }
  if (code === 'code-used') return { body: JSON.stringify({ errcode: 40163, errmsg: 'code been used' }) }
  const openid = openidByCode[code]
  if (!openid) return { body: JSON.stringify({ errcode: 40029, errmsg: 'invalid code, rid: 6592d8f0-1234' }) }
  // WeChat answers text/plain with JSON inside, session_key included.
  return { body: JSON.stringify({ openid, session_key: FAKE_SESSION_KEY, unionid: `u-${openid}` }) }
}
