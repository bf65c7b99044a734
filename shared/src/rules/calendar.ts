// Every calendar question ("today", "this week", "this month") is asked in Beijing time,
// whatever zone the process runs in: Lambda runs in UTC, where 07:00 Beijing is still yesterday.
import { tz, TZDate } from '@date-fns/tz'
import { addDays, addMonths, differenceInCalendarDays, endOfISOWeek, endOfMonth, format, startOfISOWeek, startOfMonth } from 'date-fns'

export const ZONE = 'Asia/Shanghai'
const inZone = { in: tz(ZONE) }

/** A calendar date in Asia/Shanghai, always `YYYY-MM-DD`, zero-padded. */
export type CalendarDate = string

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Midnight of a local date in Beijing; throws on a malformed or impossible date (a programming error). */
export function atStartOfLocalDay(day: CalendarDate): TZDate {
  const m = LOCAL_DATE.exec(day)
  if (!m) throw new RangeError(`not a local date: ${day}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new TZDate(y, mo - 1, d, ZONE)
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) {
    throw new RangeError(`impossible date: ${day}`)
  }
  return date
}

/** Whether `y-m-d` exists in the Gregorian calendar (2025-02-29 does not). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
  return d <= days
}

function fmt(date: Date): CalendarDate {
  return format(date, 'yyyy-MM-dd', inZone)
}

/** The Beijing calendar date of an instant (ISO string with offset, or a Date). */
export function localDateOf(instant: string | Date): CalendarDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`)
  return fmt(date)
}

/** The hour (0–23) and minute of an instant on the Beijing clock. */
export function localTimeOf(instant: string): { hour: number; minute: number } {
  const date = new TZDate(new Date(instant).getTime(), ZONE)
  return { hour: date.getHours(), minute: date.getMinutes() }
}

export function addLocalDays(day: CalendarDate, n: number): CalendarDate {
  return fmt(addDays(atStartOfLocalDay(day), n, inZone))
}

/** Adds calendar months; the 31st clamps to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addLocalMonths(day: CalendarDate, n: number): CalendarDate {
  return fmt(addMonths(atStartOfLocalDay(day), n, inZone))
}

/** Whole calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return differenceInCalendarDays(atStartOfLocalDay(b), atStartOfLocalDay(a), inZone)
}

/** Monday and Sunday of the ISO week holding `day`. */
export function isoWeekOf(day: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const date = atStartOfLocalDay(day)
  return { start: fmt(startOfISOWeek(date, inZone)), end: fmt(endOfISOWeek(date, inZone)) }
}

/** First and last day of the calendar month holding `day`. */
export function monthOf(day: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  const date = atStartOfLocalDay(day)
  return { start: fmt(startOfMonth(date, inZone)), end: fmt(endOfMonth(date, inZone)) }
}

/** The instant `hours` after `instant`, as an ISO string with the +08:00 offset staff read. */
export function addHoursIso(instant: string, hours: number): string {
  return toBeijingIso(new Date(new Date(instant).getTime() + Math.round(hours * 3_600_000)))
}

/** An instant written with the Beijing offset, e.g. 2026-12-03T08:00:00.000+08:00. */
export function toBeijingIso(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx", inZone)
}

/** The instant at `hour`:00 Beijing time on `day`. */
export function beijingInstant(day: CalendarDate, hour: number): string {
  const start = atStartOfLocalDay(day)
  return toBeijingIso(new Date(start.getTime() + hour * 3_600_000))
}
