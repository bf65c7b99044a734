// Round-trip scenarios for the jobs routes (issue 6, decision 068). Each sets up what it needs
// through the API itself (a fresh posting, an application by 王德富 who has a forklift profile), so
// every route answers 2xx as it does in use rather than failing early on a missing id.
import { HOUSEHOLDS } from '../../functions/src/local/fixture'
import { postingForm } from '../../functions/test/support/jobs-staff'
import type { Scenario, Send } from './round-trips'

const SEEKER = 'u-resident-2'
const HOME = HOUSEHOLDS.h6_2_1101.id

export async function jobScenarios(send: Send): Promise<Scenario[]> {
  const stamp = Date.now()
  // The staff tests' posting, with a last day that stays ahead of whatever today is.
  const { idempotencyKey: _key, ...form } = postingForm({
    title: '菌棒装袋工（bench）',
    niceSkills: ['forklift'],
    expiresOn: new Date(stamp + 30 * 86_400_000).toISOString().slice(0, 10),
  })
  const created = await send('POST', '/api/jobs/postings', 'u-staff-mjw', {
    ...form,
    idempotencyKey: `bench-job-${stamp}`,
  })
  const id = created.json?.posting?.id as string
  if (!id) throw new Error(`bench: posting not created (${created.status})`)
  const applied = await send('POST', `/api/jobs/${id}/apply`, SEEKER, { idempotencyKey: `bench-apply-${stamp}` })
  if (applied.status >= 300) throw new Error(`bench: apply failed (${applied.status})`)
  const pid = `${HOME}-p1`
  const profile = { availability: 'day', skills: ['forklift', 'warehouse'], maxCommuteKm: 10 }
  const seekerProfile = { availability: 'day', skills: ['cleaning'], maxCommuteKm: 5 }
  // Someone the push would offer: the first candidate the building head's scope holds.
  const offered = await send('GET', `/api/jobs/postings/${id}/candidates?all=1`, 'u-head-5')
  const other = (offered.json?.candidates?.[0]?.personId as string | undefined) ?? `${HOUSEHOLDS.h5_1_0302.id}-p2`
  const otherHome = other.replace(/-p\d+$/, '')
  return [
    { label: 'GET /api/jobs/profile', method: 'GET', path: '/api/jobs/profile', role: SEEKER },
    { label: 'PUT /api/jobs/profile', method: 'PUT', path: '/api/jobs/profile', role: SEEKER, body: profile },
    { label: 'GET /api/jobs/matches', method: 'GET', path: '/api/jobs/matches', role: SEEKER },
    { label: 'GET /api/jobs/:id', method: 'GET', path: `/api/jobs/${id}`, role: SEEKER },
    {
      label: 'POST /api/jobs/:id/apply (retry)',
      method: 'POST',
      path: `/api/jobs/${id}/apply`,
      role: SEEKER,
      body: { idempotencyKey: `bench-apply-${stamp}` },
    },
    { label: 'GET /api/jobs/mine', method: 'GET', path: '/api/jobs/mine', role: SEEKER },
    { label: 'GET /api/jobs/postings', method: 'GET', path: '/api/jobs/postings', role: 'u-staff-mjw' },
    {
      label: 'POST /api/jobs/postings',
      method: 'POST',
      path: '/api/jobs/postings',
      role: 'u-staff-mjw',
      body: { ...form, idempotencyKey: `bench-job2-${stamp}` },
    },
    {
      label: 'PUT /api/jobs/postings/:id',
      method: 'PUT',
      path: `/api/jobs/postings/${id}`,
      role: 'u-staff-mjw',
      body: { ...form, headcount: 6 },
    },
    {
      label: 'GET /api/jobs/postings/:id/applicants',
      method: 'GET',
      path: `/api/jobs/postings/${id}/applicants`,
      role: 'u-staff-mjw',
    },
    {
      label: 'POST /api/jobs/postings/:id/applicants/:personId/status',
      method: 'POST',
      path: `/api/jobs/postings/${id}/applicants/${pid}/status`,
      role: 'u-staff-mjw',
      body: { status: 'contacted', note: '已电话联系（bench）' },
    },
    {
      label: 'GET /api/jobs/postings/:id/candidates',
      method: 'GET',
      path: `/api/jobs/postings/${id}/candidates`,
      role: 'u-staff-mjw',
    },
    {
      label: 'POST /api/jobs/postings/:id/recommend',
      method: 'POST',
      path: `/api/jobs/postings/${id}/recommend`,
      role: 'u-head-5',
      body: { personIds: [other], note: '离家近，白班' },
    },
    {
      label: 'GET /api/jobs/seekers',
      method: 'GET',
      path: `/api/jobs/seekers?householdId=${otherHome}`,
      role: 'u-head-5',
    },
    {
      label: 'PUT /api/jobs/seekers/:personId/profile',
      method: 'PUT',
      path: `/api/jobs/seekers/${other}/profile`,
      role: 'u-head-5',
      body: { ...seekerProfile, householdId: otherHome },
    },
    {
      label: 'POST /api/jobs/postings/:id/close',
      method: 'POST',
      path: `/api/jobs/postings/${id}/close`,
      role: 'u-staff-mjw',
    },
    {
      label: 'POST /api/jobs/postings/:id/reopen',
      method: 'POST',
      path: `/api/jobs/postings/${id}/reopen`,
      role: 'u-staff-mjw',
    },
  ]
}
