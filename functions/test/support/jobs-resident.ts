import { HOUSEHOLDS } from '../../src/local/fixture'
import type { JobsWorld } from './jobs-staff'
import { postingForm } from './jobs-staff'

// The resident jobs tests (profile, matches, apply) share the staff tests' world (a small seeded
// population, a fixed clock on 2026-12-04) and post their own postings through the staff route.

export const LI = {
  userId: 'u-resident-1',
  householdId: HOUSEHOLDS.h5_1_0302.id,
  personId: `${HOUSEHOLDS.h5_1_0302.id}-p1`,
}
export const WANG = {
  userId: 'u-resident-2',
  householdId: HOUSEHOLDS.h6_2_1101.id,
  personId: `${HOUSEHOLDS.h6_2_1101.id}-p1`,
}

/** What a resident must never read in any answer (raw JSON): a colour, priority, who posted, the scope. */
export const LEAKS = [
  'colour',
  '"red"',
  '"yellow"',
  '"green"',
  '重点帮扶',
  '优先',
  '红色',
  '黄色',
  '"scope"',
  'postedBy',
  'applicantCount',
  'priority',
]

/** A posting by 卯家湾 community staff (on-site in 5栋 unless overridden); its id. */
export async function post(w: JobsWorld, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await w.req('POST', '/api/jobs/postings', 'u-staff-mjw', postingForm(overrides))
  if (res.status !== 201) throw new Error(res.text)
  return res.json.posting.id
}
