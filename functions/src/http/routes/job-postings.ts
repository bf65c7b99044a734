import {
  type ApplicantListResponse,
  type ApplicantView,
  CreatePostingBody,
  EditPostingBody,
  formBoolean,
  type HouseholdSeekersResponse,
  Id,
  type JobProfile,
  JobProfileInput,
  type PostingListResponse,
  type PostingResponse,
  PostingStatus,
  type PushCandidatesResponse,
  RecommendBody,
  type RecommendResponse,
  UpdateApplicationBody,
} from '@anju/shared'
import { Hono } from 'hono'
import * as z from 'zod'
import { ValidationError } from '../../errors'
import { createPosting, editPosting, listPostings, setOpen } from '../../services/job-staff'
import { listApplicants, setApplicantStatus } from '../../services/job-staff-applicants'
import { listCandidates, recommend } from '../../services/job-staff-push'
import { listHouseholdSeekers, saveProfileOnBehalf } from '../../services/job-staff-seekers'
import { requireUser, startUser } from '../auth'
import type { AppEnv } from '../env'
import { parseBody, parseParams, parseQuery } from '../parse'

// 我要找工作, the staff routes (decision 068): postings of a scope, their applicants, the push to
// residents, and profiles filled on a resident's behalf. Transport only: parse, call, answer.

const blank = (v: unknown) => (v === '' ? undefined : v)
const PostingParam = z.object({ id: Id })
const ApplicantParam = z.object({ id: Id, personId: Id })
const PersonParam = z.object({ personId: Id })
const ListQuery = z.object({ status: z.preprocess(blank, PostingStatus.optional()) })
const CandidatesQuery = z.object({ all: formBoolean('全部求职居民（all）').optional() })
const HouseholdQuery = z.object({ householdId: Id })
const ProfileBody = JobProfileInput.extend({ householdId: z.preprocess(blank, Id.optional()) })

const NO_HOUSEHOLD = '请指明是哪一户（householdId）'

export const jobPostingRoutes = new Hono<AppEnv>()
  .get('/', requireUser, async (c) => {
    const { status } = parseQuery(c, ListQuery)
    return c.json<z.infer<typeof PostingListResponse>>({ postings: await listPostings(c.var.deps, c.var.me, status) })
  })
  .post('/', startUser, async (c) => {
    const body = await parseBody(c, CreatePostingBody)
    const { created, posting } = await createPosting(c.var.deps, c.var.caller, body)
    // A replayed create answers 200 with the original posting; only a real create is 201.
    return c.json<z.infer<typeof PostingResponse>>({ posting }, created ? 201 : 200)
  })
  .put('/:id', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    const body = await parseBody(c, EditPostingBody)
    return c.json<z.infer<typeof PostingResponse>>({ posting: await editPosting(c.var.deps, c.var.caller, id, body) })
  })
  .post('/:id/close', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    return c.json<z.infer<typeof PostingResponse>>({ posting: await setOpen(c.var.deps, c.var.caller, id, false) })
  })
  .post('/:id/reopen', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    return c.json<z.infer<typeof PostingResponse>>({ posting: await setOpen(c.var.deps, c.var.caller, id, true) })
  })
  .get('/:id/applicants', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    return c.json<z.infer<typeof ApplicantListResponse>>(await listApplicants(c.var.deps, c.var.caller, id))
  })
  .post('/:id/applicants/:personId/status', startUser, async (c) => {
    const { id, personId } = parseParams(c, ApplicantParam)
    const body = await parseBody(c, UpdateApplicationBody)
    const applicant = await setApplicantStatus(c.var.deps, c.var.caller, id, personId, body)
    return c.json<{ applicant: ApplicantView }>({ applicant })
  })
  // The scope's seekers need the caller's scope first: the user, then one parallel wave.
  .get('/:id/candidates', requireUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    const { all } = parseQuery(c, CandidatesQuery)
    return c.json<z.infer<typeof PushCandidatesResponse>>(await listCandidates(c.var.deps, c.var.me, id, all === true))
  })
  .post('/:id/recommend', startUser, async (c) => {
    const { id } = parseParams(c, PostingParam)
    const body = await parseBody(c, RecommendBody)
    return c.json<z.infer<typeof RecommendResponse>>(await recommend(c.var.deps, c.var.caller, id, body))
  })

export const jobSeekerStaffRoutes = new Hono<AppEnv>()
  .get('/', startUser, async (c) => {
    const { householdId } = parseQuery(c, HouseholdQuery)
    return c.json<z.infer<typeof HouseholdSeekersResponse>>(
      await listHouseholdSeekers(c.var.deps, c.var.caller, householdId),
    )
  })
  .put('/:personId/profile', startUser, async (c) => {
    const { personId } = parseParams(c, PersonParam)
    const { householdId: inBody, ...profile } = await parseBody(c, ProfileBody)
    const householdId = inBody ?? c.req.query('householdId')
    if (!householdId || !Id.safeParse(householdId).success)
      throw new ValidationError(NO_HOUSEHOLD, [{ path: 'householdId', message: NO_HOUSEHOLD }])
    const saved = await saveProfileOnBehalf(c.var.deps, c.var.caller, householdId, personId, profile)
    return c.json<{ profile: JobProfile }>({ profile: saved })
  })
