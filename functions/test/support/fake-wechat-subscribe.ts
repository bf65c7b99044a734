import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { FAKE_APPID, FAKE_SECRET } from './fake-wechat'

// WeChat's server side of subscribe messages on 127.0.0.1: POST /cgi-bin/stable_token hands out
// an access token, POST /cgi-bin/message/subscribe/send records what was sent and answers as
// WeChat does (HTTP 200, errcode in the JSON). Answers can be scripted per ticket (the page names it).

export interface SentMessage {
  accessToken: string | null
  body: {
    touser: string
    template_id: string
    page: string
    data: Record<string, { value: string }>
    miniprogram_state?: string
    lang?: string
  }
}

export type ScriptedAnswer = { status: number } | { errcode: number; errmsg: string }

export interface FakeSubscribeWechat {
  baseUrl: string
  /** Every send request, answered or not. */
  sends: SentMessage[]
  tokenRequests: number
  /** Sends about one ticket (its id is in the page's query). */
  sendsFor(ticketId: string): SentMessage[]
  /** The next `times` sends about the ticket get this answer (Infinity: until healed). */
  script(ticketId: string, answer: ScriptedAnswer, times?: number): void
  heal(ticketId: string): void
  close(): Promise<void>
}

export const FAKE_ACCESS_TOKEN = 'fake-access-token-0123456789'

export async function startFakeSubscribeWechat(): Promise<FakeSubscribeWechat> {
  const sends: SentMessage[] = []
  const scripts = new Map<string, { answer: ScriptedAnswer; left: number }>()
  let tokenRequests = 0
  const ticketOf = (page: string) => new URLSearchParams(page.split('?')[1] ?? '').get('id') ?? ''

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
      if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
        tokenRequests++
        if (body.appid !== FAKE_APPID || body.secret !== FAKE_SECRET)
          return json({ errcode: 40125, errmsg: 'invalid appsecret' })
        return json({ access_token: FAKE_ACCESS_TOKEN, expires_in: 7200 })
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
        sends.push({ accessToken: url.searchParams.get('access_token'), body })
        if (url.searchParams.get('access_token') !== FAKE_ACCESS_TOKEN)
          return json({ errcode: 40001, errmsg: 'invalid credential' })
        const scripted = scripts.get(ticketOf(body.page ?? ''))
        if (scripted && scripted.left > 0) {
          scripted.left--
          const { answer } = scripted
          if ('status' in answer) {
            res.writeHead(answer.status, { 'content-type': 'text/html' })
            return res.end('<html>Bad Gateway</html>')
          }
          return json(answer)
        }
        return json({ errcode: 0, errmsg: 'ok', msgid: sends.length })
      }
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<html>not found</html>')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sends,
    get tokenRequests() {
      return tokenRequests
    },
    sendsFor: (ticketId) => sends.filter((s) => ticketOf(s.body.page ?? '') === ticketId),
    script: (ticketId, answer, times = Number.POSITIVE_INFINITY) => {
      scripts.set(ticketId, { answer, left: times })
    },
    heal: (ticketId) => {
      scripts.delete(ticketId)
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
