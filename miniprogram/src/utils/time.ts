// Lambda and phones may run in any zone; residents read Beijing time. China has no DST, so a
// fixed +08:00 shift is exact and avoids shipping a time-zone library in the main package.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** '12月3日 14:05' in Asia/Shanghai; the raw string if it is not a date. */
export function formatShanghai(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t + SHANGHAI_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
