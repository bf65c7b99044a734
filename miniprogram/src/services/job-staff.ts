import {
  ApplicantListResponse,
  type CreatePostingBody,
  type EditPostingBody,
  HouseholdSeekersResponse,
  type JobProfileInput,
  PostingListResponse,
  PostingResponse,
  type PostingStatus,
  PushCandidatesResponse,
  type RecommendBody,
  RecommendResponse,
  type StaffPosting,
  type UpdateApplicationBody,
} from '@anju/shared'
import * as z from 'zod'
import { request } from './http'

// 我要找工作, the staff side (decision 068): postings in my scope, their applicants, the push to
// residents who need work most, and a resident's profile filled on their behalf. The resident's
// own calls live in services/jobs.ts.

const base = '/jobs/postings'
const one = (id: string) => `${base}/${encodeURIComponent(id)}`

/** The answers whose body the contract leaves open: the page reloads what it shows after them. */
const Done = z.unknown()

export type Applicants = z.infer<typeof ApplicantListResponse>
export type Candidates = z.infer<typeof PushCandidatesResponse>

/** Staff: the postings of my scope, open or closed, newest first. */
export async function listPostings(status: PostingStatus): Promise<StaffPosting[]> {
  return (await request('GET', `${base}?status=${status}`, PostingListResponse)).postings
}

/** 201 with the new posting, or 200 with the original when this idempotencyKey was seen before. */
export async function createPosting(body: CreatePostingBody): Promise<StaffPosting> {
  return (await request('POST', base, PostingResponse, body)).posting
}

export async function updatePosting(id: string, body: EditPostingBody): Promise<StaffPosting> {
  return (await request('PUT', one(id), PostingResponse, body)).posting
}

/** 停止招聘 / 重新招聘. */
export async function setPostingOpen(id: string, open: boolean): Promise<StaffPosting> {
  return (await request('POST', `${one(id)}/${open ? 'reopen' : 'close'}`, PostingResponse)).posting
}

/** The posting (also what the edit page starts from) and who applied. */
export async function listApplicants(id: string): Promise<Applicants> {
  return request('GET', `${one(id)}/applicants`, ApplicantListResponse)
}

export async function updateApplication(postingId: string, personId: string, body: UpdateApplicationBody) {
  await request('POST', `${one(postingId)}/applicants/${encodeURIComponent(personId)}/status`, Done, body)
}

/** Best-matched residents of my scope, red and yellow households first (staff see the colour). */
export async function listCandidates(id: string, all = false): Promise<Candidates> {
  // all: every seeker of the scope, not only the unemployed and unstably employed.
  return request('GET', `${one(id)}/candidates${all ? '?all=true' : ''}`, PushCandidatesResponse)
}

/** 发送推荐: each person succeeds or fails on their own; `already` when recommended before. */
export async function recommend(id: string, body: RecommendBody): Promise<RecommendResponse['results']> {
  return (await request('POST', `${one(id)}/recommend`, RecommendResponse, body)).results
}

/** The working-age members of one household and their profiles. */
export async function listHouseholdSeekers(householdId: string): Promise<HouseholdSeekersResponse['members']> {
  const q = `?householdId=${encodeURIComponent(householdId)}`
  return (await request('GET', `/jobs/seekers${q}`, HouseholdSeekersResponse)).members
}

/** 帮居民填写求职信息: the resident's profile written by a building head or staff member. */
export async function saveSeekerProfile(householdId: string, personId: string, profile: JobProfileInput) {
  const q = `?householdId=${encodeURIComponent(householdId)}`
  await request('PUT', `/jobs/seekers/${encodeURIComponent(personId)}/profile${q}`, Done, profile)
}
