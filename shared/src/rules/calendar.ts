// Every calendar question ("today", "this week", "this month") is asked in Beijing time,
// whatever zone the process runs in: Lambda runs in UTC, where 07:00 Beijing is still yesterday.
//
// Two kinds of work, kept apart:
// - instant ⇄ Beijing wall clock: the zone's offset from @date-fns/tz (tzOffset);
// - arithmetic on calendar dates (add days, ISO weeks, months): pure date arithmetic on day
//   numbers, which no zone can affect. TZDate-based date-fns arithmetic measured 30–400 µs per call
//   here, too slow for a building head's list of a hundred households with a year of visits each.
import { tzOffset } from '@date-fns/tz'

export const ZONE = 'Asia/Shanghai'

/** A calendar date in Asia/Shanghai, always `YYYY-MM-DD`, zero-padded. */
export type CalendarDate = string

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** Whether `y-m-d` exists in the Gregorian calendar (2025-02-29 does not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= daysInMonth(y, m)
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
}

function parts(day: CalendarDate): [number, number, number] {
  const m = CALENDAR_DATE.exec(day)
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`not a calendar date: ${day}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

const pad = (n: number) => String(n).padStart(2, '0')
const dateOf = (y: number, m: number, d: number): CalendarDate => `${y}-${pad(m)}-${pad(d)}`

/** Days since 1970-01-01 (a Thursday). */
function dayNumber(day: CalendarDate): number {
  const [y, m, d] = parts(day)
  return Date.UTC(y, m - 1, d) / DAY_MS
}

function fromDayNumber(n: number): CalendarDate {
  const date = new Date(n * DAY_MS)
  return dateOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

export function addLocalDays(day: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(dayNumber(day) + n)
}

/** Adds calendar months; the 31st clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addLocalMonths(day: CalendarDate, n: number): CalendarDate {
  const [y, m, d] = parts(day)
  const index = y * 12 + (m - 1) + n
  const [ny, nm] = [Math.floor(index / 12), (index % 12) + 1]
  return dateOf(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

/** Whole calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** Monday and Sunday of the ISO week holding `day`. */
export function isoWeekOf(day: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const n = dayNumber(day)
  const monday = n - ((n + 3) % 7)
  return { start: fromDayNumber(monday), end: fromDayNumber(monday + 6) }
}

/** First and last day of the calendar month holding `day`. */
export function monthOf(day: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const [y, m] = parts(day)
  return { start: dateOf(y, m, 1), end: dateOf(y, m, daysInMonth(y, m)) }
}

// China has kept UTC+8 without daylight saving since 1991. A JS engine without time-zone data
// (some phone runtimes ship a reduced Intl) makes tzOffset answer NaN: fall back to +8 rather
// than write "NaN-NaN-NaN".
const BEIJING_OFFSET_MINUTES = 480

/** Minutes east of UTC in Beijing at `date`. */
function offsetAt(date: Date): number {
  const offset = tzOffset(ZONE, date)
  return Number.isNaN(offset) ? BEIJING_OFFSET_MINUTES : offset
}

/** The Beijing wall clock at an instant, as UTC fields of a shifted Date. */
function wallClock(ms: number): Date {
  return new Date(ms + offsetAt(new Date(ms)) * 60_000)
}

function instantMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`)
  return ms
}

/** The Beijing calendar date of an instant (ISO string with offset, or a Date). */
export function localDateOf(instant: string | Date): CalendarDate {
  const w = wallClock(instantMs(instant))
  return dateOf(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate())
}

/** The hour (0–23) and minute of an instant on the Beijing clock. */
export function localTimeOf(instant: string): { hour: number; minute: number } {
  const w = wallClock(instantMs(instant))
  return { hour: w.getUTCHours(), minute: w.getUTCMinutes() }
}

/** An instant written with the Beijing offset, e.g. 2026-12-03T08:00:00.000+08:00. */
export function toBeijingIso(date: Date): string {
  const offset = offsetAt(date)
  // The shifted Date's UTC fields are the Beijing wall clock; Beijing is east of Greenwich, so
  // the offset is positive.
  const wall = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23)
  return `${wall}+${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
}

/** The instant `hours` after `instant`, with the +08:00 offset staff read. */
export function addHoursIso(instant: string, hours: number): string {
  return toBeijingIso(new Date(instantMs(instant) + Math.round(hours * 3_600_000)))
}

/** The instant at `hour`:00 Beijing time on `day`. */
export function beijingInstant(day: CalendarDate, hour: number): string {
  const [y, m, d] = parts(day)
  const guess = Date.UTC(y, m - 1, d, hour)
  return toBeijingIso(new Date(guess - offsetAt(new Date(guess)) * 60_000))
}

/** Age in whole years on a day (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: CalendarDate, today: CalendarDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}
