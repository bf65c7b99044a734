import {
  ApplyResponse,
  JobDetailResponse,
  type JobProfileInput,
  MatchesResponse,
  MyJobProfileResponse,
  MyJobsResponse,
} from '@anju/shared'
import { type MatchFilters, matchesQuery } from '../utils/jobs'
import { request } from './http'

// 我要找工作, the resident's side (issue 6). Staff calls live in job-staff.ts.

/** Whether I have a profile, and it (absent before the first save); outside working age, why. */
export async function getMyJobProfile(): Promise<MyJobProfileResponse> {
  return request('GET', '/jobs/profile', MyJobProfileResponse)
}

/** Replaces my profile; a 400 names each wrong field in Chinese. */
export async function saveMyJobProfile(body: JobProfileInput): Promise<MyJobProfileResponse> {
  return request('PUT', '/jobs/profile', MyJobProfileResponse, body)
}

/** One page of my matches (best first), filtered by shift and distance. */
export async function listJobMatches(filters: MatchFilters, offset = 0, limit = 10): Promise<MatchesResponse> {
  return request('GET', `/jobs/matches${matchesQuery(filters, offset, limit)}`, MatchesResponse)
}

/** A posting with why it suits me (or the filter it fails), my application and why it is closed. */
export async function getJob(id: string): Promise<JobDetailResponse> {
  return request('GET', `/jobs/${encodeURIComponent(id)}`, JobDetailResponse)
}

/** 一键报名: the same key twice is one application (decision 068); a closed posting is a 409. */
export async function applyToJob(id: string, idempotencyKey: string): Promise<ApplyResponse> {
  return request('POST', `/jobs/${encodeURIComponent(id)}/apply`, ApplyResponse, { idempotencyKey })
}

/** 我的投递: my applications with their status, and the postings the community recommended. */
export async function listMyJobs(): Promise<MyJobsResponse> {
  return request('GET', '/jobs/mine', MyJobsResponse)
}
