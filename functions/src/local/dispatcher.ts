import type { Config } from '../config'
import type { Db } from '../db/context'
import { channelFor, dispatchOutbox } from '../services/notifications'

/**
 * `npm start`'s stand-in for the scheduled Lambda: the outbox dispatcher every few seconds, in
 * process, into the local outbox (GET /api/notifications/local). Runs never overlap; `stop` waits
 * for a run in flight so Ctrl-C never cuts DynamoDB Local away from under it.
 */
export function startLocalDispatcher(deps: { db: Db; config: Config }, everyMs = 5000): () => Promise<void> {
  const now = () => new Date()
  const channel = channelFor(deps.config, deps.db, now)
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let lastError = ''
  const tick = () => {
    running = dispatchOutbox({ ...deps, now, channel, owner: `local-${process.pid}` })
      .then(() => {
        lastError = ''
      })
      .catch((err: Error) => {
        // Said once, not every five seconds.
        if (err.message !== lastError) console.error(`Notification dispatcher: ${err.message}`)
        lastError = err.message
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs)
      })
  }
  timer = setTimeout(tick, everyMs)
  return async () => {
    stopped = true
    clearTimeout(timer)
    await running
  }
}
