// What 读给我听 says on the job detail and 我的投递 pages. Pure.
import {
  APPLICATION_STATUS_LABELS,
  type JobDetailResponse,
  localDateOf,
  type MyJobsResponse,
  wageLabel,
} from '@anju/shared'
import { closedOf, noteLine, placeLine, requirementLines, shiftLine } from './jobs'

const spokenNote = (note: { text: string } | undefined) => (note ? `${noteLine(note)}。` : '')

export function spokenJob(d: JobDetailResponse): string {
  const p = d.posting
  const parts = [
    `${p.title}，${p.employer}。`,
    d.recommended ? '社区为你推荐。' : '',
    `${wageLabel(p)}。${shiftLine(p)}。${placeLine(p)}。`,
    d.fit?.eligible ? `适合你的地方：${d.fit.reasons.join('，')}。` : '',
    d.fit && !d.fit.eligible ? `这个工作可能不适合你：${d.fit.reason}。` : '',
    `要求：${requirementLines(p)
      .map((r) => r.text)
      .join('，')}。`,
    d.application ? `你已经报名，现在是${APPLICATION_STATUS_LABELS[d.application.status]}。` : '',
    spokenNote(d.application?.note),
    d.closedReason ? `${d.closedReason}。` : d.application ? '' : '想去，就点下面的“一键报名”。',
    p.contactPhone ? '有问题可以点“打电话”。' : '',
  ]
  return parts.join('')
}

export function spokenMine(m: MyJobsResponse, today = localDateOf(new Date())): string {
  const closed = (p: MyJobsResponse['applications'][number]['posting']) => {
    const c = closedOf(p, today)
    return c ? `${c.word}。` : ''
  }
  const apps = m.applications.map(
    (a) =>
      `${a.posting.title}，${a.posting.employer}，${APPLICATION_STATUS_LABELS[a.status]}。${spokenNote(a.note)}${closed(a.posting)}`,
  )
  const recs = m.recommendations.map(
    (r) =>
      `${r.posting.title}，${r.posting.employer}，${wageLabel(r.posting)}。${closed(r.posting)}${r.note ? spokenNote({ text: r.note }) : ''}`,
  )
  return [
    apps.length > 0 ? `你报名了 ${apps.length} 个工作。${apps.join('')}` : '你还没有报名工作。',
    recs.length > 0 ? `社区为你推荐了 ${recs.length} 个工作。${recs.join('')}` : '',
  ].join('')
}
