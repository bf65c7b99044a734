// Records every setData call of every simulated component (page, Taro's custom wrappers) by
// wrapping the global Component constructor that miniprogram-simulate installs, then writes what
// it saw to bench/.out/lists/<scenario>.json for the runner.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export interface SetDataLog {
  bytes: number[]
}

export function recordSetData(): SetDataLog {
  const log: SetDataLog = { bytes: [] }
  require('miniprogram-simulate') // installs global.Component; renderBuiltPage reuses this instance
  const g = globalThis as Record<string, unknown>
  const original = g.Component as (o: Record<string, any>) => void
  g.Component = (options: Record<string, any>) =>
    original({
      ...options,
      lifetimes: {
        ...options.lifetimes,
        created(this: { setData: (data: object, cb?: () => void) => void }) {
          const setData = this.setData
          this.setData = (data, cb) => {
            log.bytes.push(Buffer.byteLength(JSON.stringify(data)))
            return setData.call(this, data, cb)
          }
          options.lifetimes?.created?.call(this)
        },
      },
    })
  return log
}

export interface ListFigures {
  scenario: string
  setDataCalls: number
  maxPayloadBytes: number
  totalPayloadBytes: number
  /** For lists: rows the page rendered, rows the server sent, bytes of one row in the API answer. */
  rowsRendered?: number
  rowsSent?: number
  apiBytesPerRow?: number
  pending?: string
}

export function writeFigures(f: ListFigures): void {
  const dir = path.resolve(__dirname, '../.out/lists')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, `${f.scenario}.json`), JSON.stringify(f))
}

export const figuresOf = (scenario: string, log: SetDataLog) => ({
  scenario,
  setDataCalls: log.bytes.length,
  maxPayloadBytes: Math.max(0, ...log.bytes),
  totalPayloadBytes: log.bytes.reduce((a, b) => a + b, 0),
})
