import {
  ApplyBody,
  type ApplyResponse,
  Id,
  type JobDetailResponse,
  JobProfileInput,
  MatchesQuery,
  type MatchesResponse,
  type MyJobProfileResponse,
  type MyJobsResponse,
} from '@anju/shared'
import { Hono } from 'hono'
import * as z from 'zod'
import { apply, listMyJobs } from '../../services/jobs-apply'
import { getJobDetail, listMatches } from '../../services/jobs-matches'
import { getMyProfile, saveMyProfile } from '../../services/jobs-resident'
import { startUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'

// 我要找工作, the resident's routes (decision 068): their profile, matches, one posting, apply and
// 我的投递. Transport only. Every route reads beside the user (startUser): ≤ 2 round trips.

const PostingParam = z.object({ id: Id })

export const jobRoutes = new Hono<AppEnv>()
  .get('/profile', startUser, async (c) => c.json<MyJobProfileResponse>(await getMyProfile(c.var.deps, c.var.caller)))
  .put('/profile', startUser, async (c) => {
    const body = await parseBody(c, JobProfileInput)
    return c.json<MyJobProfileResponse>(await saveMyProfile(c.var.deps, c.var.caller, body))
  })
  .get('/matches', startUser, async (c) => {
    const query = parseQuery(c, MatchesQuery)
    return c.json<MatchesResponse>(await listMatches(c.var.deps, c.var.caller, query))
  })
  .get('/mine', startUser, async (c) => c.json<MyJobsResponse>(await listMyJobs(c.var.deps, c.var.caller)))
  .get('/:id', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    return c.json<JobDetailResponse>(await getJobDetail(c.var.deps, c.var.caller, id))
  })
  .post('/:id/apply', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    // The key in the body is the client's; the person and the posting make the application once.
    if ((await c.req.text()).trim()) await parseBody(c, ApplyBody)
    const { created, body } = await apply(c.var.deps, c.var.caller, id)
    return c.json<ApplyResponse>(body, created ? 201 : 200)
  })
