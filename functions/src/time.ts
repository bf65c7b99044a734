// Lambda runs in UTC; every stored time carries Beijing time's offset so that the date part is
// the calendar day people in Yunnan live in. Asia/Shanghai has had a fixed +08:00 offset with no
// daylight saving since 1991, so a fixed shift is exact for every time this product stores.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** `2026-12-04T07:30:00.000+08:00` for 2026-12-03T23:30:00Z. */
export function toShanghaiIso(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00')
}
