import * as z from 'zod'
import { Id, IdempotencyKey, IsoDateTime, optionalText, plainText } from '../schemas/common'
import { formNumber } from '../schemas/fields'
import { HomeAddress } from '../schemas/grid'
import { RiskColour } from '../schemas/household'
import { HourWindow, Literacy, Physical, Skill } from '../schemas/job'
import { PostingPlace, PostingStatus } from '../schemas/job-posting'
import { JobProfile } from '../schemas/job-profile'

// 我要找工作 (issue 6): request and response contracts. Residents never receive a household
// colour, a score's priority part, the posting's scope or who posted it.

/** What a resident (or anyone) sees of a posting. */
export const PublicPosting = z.object({
  id: Id,
  employer: z.string(),
  title: z.string(),
  description: z.string().optional(),
  place: PostingPlace,
  workHours: HourWindow,
  physical: Physical,
  skills: z.array(Skill),
  niceSkills: z.array(Skill),
  minExperienceYears: z.number(),
  literacy: Literacy,
  minAge: z.number().optional(),
  maxAge: z.number().optional(),
  monthlyWage: z.number(),
  wageMax: z.number(),
  headcount: z.number(),
  status: PostingStatus,
  expiresOn: z.string(),
  contactPhone: z.string().optional(),
  postedAt: z.string(),
})
export type PublicPosting = z.infer<typeof PublicPosting>

export const ApplicationStatus = z.enum(['applied', 'contacted', 'hired', 'rejected'], { error: '请选择投递状态' })
export type ApplicationStatus = z.infer<typeof ApplicationStatus>
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  applied: '已投递',
  contacted: '已联系',
  hired: '已录用',
  rejected: '未录用',
}

export const ApplicationChange = z.object({
  at: z.string(),
  status: ApplicationStatus,
  note: z.string().optional(),
  by: z.object({ userId: z.string(), name: z.string() }),
})
export type ApplicationChange = z.infer<typeof ApplicationChange>

export const Application = z.object({
  postingId: Id,
  personId: Id,
  householdId: Id,
  name: z.string(),
  status: ApplicationStatus,
  appliedAt: z.string(),
  updatedAt: z.string(),
  /** Oldest first; the first entry is the application itself. */
  history: z.array(ApplicationChange),
  /** Filed because the community recommended this posting. */
  viaRecommendation: z.boolean().optional(),
  /** The applicant's home, copied at apply: staff see applicants who live in their scope. */
  address: HomeAddress.optional(),
})
export type Application = z.infer<typeof Application>

/**
 * The latest note staff wrote with a status change: written to the resident (where and when to
 * report, an interview), with when and the status it came with. Never who wrote it.
 */
export const CommunityNote = z.object({ text: z.string(), at: z.string(), status: ApplicationStatus })
export type CommunityNote = z.infer<typeof CommunityNote>

/** The latest change that carries a note (the application itself never does), as the resident sees it. */
export function latestCommunityNote(history: readonly ApplicationChange[]): CommunityNote | undefined {
  for (let i = history.length - 1; i > 0; i--) {
    const c = history[i]
    if (c.note) return { text: c.note, at: c.at, status: c.status }
  }
  return undefined
}

/** The resident's view of their application: status changes and the community's latest note, never who changed it. */
export const MyApplication = Application.pick({
  postingId: true,
  status: true,
  appliedAt: true,
  updatedAt: true,
}).extend({
  /** 社区的话: the latest status change's note, written to the resident. */
  note: CommunityNote.optional(),
  posting: PublicPosting,
})
export type MyApplication = z.infer<typeof MyApplication>

export const Recommendation = z.object({
  postingId: Id,
  personId: Id,
  householdId: Id,
  at: z.string(),
  by: z.object({ userId: z.string(), name: z.string() }),
  note: z.string().optional(),
})
export type Recommendation = z.infer<typeof Recommendation>

/** Whose profile it is and whether the service can match them. */
export const ProfileState = z.enum(['none', 'ready', 'outside_working_age'])
export type ProfileState = z.infer<typeof ProfileState>

export const MyJobProfileResponse = z.object({
  state: ProfileState,
  name: z.string(),
  profile: JobProfile.optional(),
  /** Why no jobs are listed (outside working age), in plain words. */
  reason: z.string().optional(),
})
export type MyJobProfileResponse = z.infer<typeof MyJobProfileResponse>

const blank = (v: unknown) => (v === '' ? undefined : v)

export const MatchesQuery = z.object({
  shift: z.preprocess(
    blank,
    z.enum(['day', 'evening', 'night'], { error: '班次只能是 day、evening 或 night' }).optional(),
  ),
  maxKm: z.preprocess(blank, formNumber('距离（maxKm）', 0.5, 300).optional()),
  offset: z.preprocess(blank, formNumber('位置（offset）', 0, 1000).optional()),
  limit: z.preprocess(blank, formNumber('数量（limit）', 1, 50).optional()),
})
export type MatchesQuery = z.infer<typeof MatchesQuery>

export const JobMatch = z.object({
  posting: PublicPosting,
  score: z.number(),
  distanceKm: z.number(),
  reasons: z.array(z.string()),
  applied: ApplicationStatus.optional(),
  /** 社区为你推荐 */
  recommended: z.boolean().optional(),
})
export type JobMatch = z.infer<typeof JobMatch>

export const MatchesResponse = z.object({
  state: ProfileState,
  /** The friendly first step (no profile) or why there is no list (working age). */
  message: z.string().optional(),
  items: z.array(JobMatch),
  /** Postings that passed every hard filter (before paging). */
  total: z.number(),
  nextOffset: z.number().optional(),
})
export type MatchesResponse = z.infer<typeof MatchesResponse>

/** One posting for the resident: the reasons it suits them, or the filter it fails, in plain words. */
export const JobDetailResponse = z.object({
  posting: PublicPosting,
  fit: z
    .discriminatedUnion('eligible', [
      z.object({ eligible: z.literal(true), score: z.number(), reasons: z.array(z.string()) }),
      z.object({ eligible: z.literal(false), reason: z.string() }),
    ])
    .optional(),
  application: MyApplication.omit({ posting: true }).optional(),
  recommended: z.boolean().optional(),
  /** Why applying is refused (closed, expired), when it is. */
  closedReason: z.string().optional(),
})
export type JobDetailResponse = z.infer<typeof JobDetailResponse>

export const ApplyBody = z.object({ idempotencyKey: IdempotencyKey.optional() })
export const ApplyResponse = z.object({ application: MyApplication.omit({ posting: true }), created: z.boolean() })
export type ApplyResponse = z.infer<typeof ApplyResponse>

export const MyJobsResponse = z.object({
  applications: z.array(MyApplication),
  recommendations: z.array(z.object({ posting: PublicPosting, at: z.string(), note: z.string().optional() })),
})
export type MyJobsResponse = z.infer<typeof MyJobsResponse>

// Staff

export const StaffPosting = PublicPosting.extend({
  scope: z.object({ communityId: z.string().optional(), areaId: z.string().optional() }).passthrough(),
  postedBy: z.object({ userId: z.string(), name: z.string() }).optional(),
  applicantCount: z.number().optional(),
  /** Sent back as `basedOn` by an edit, so a change made meanwhile is not overwritten. */
  updatedAt: z.string().optional(),
})
export type StaffPosting = z.infer<typeof StaffPosting>

export const PostingListResponse = z.object({ postings: z.array(StaffPosting) })
export const PostingResponse = z.object({ posting: StaffPosting })

export const ApplicantView = Application.extend({ addressLabel: z.string() })
export type ApplicantView = z.infer<typeof ApplicantView>
export const ApplicantListResponse = z.object({ posting: StaffPosting, applicants: z.array(ApplicantView) })

export const UpdateApplicationBody = z.object({
  status: ApplicationStatus,
  /** Written to the resident: shown in 我的投递 and on the job page as 社区的话. */
  note: optionalText(plainText('给居民的话', 1, 200)),
  /** The application's updatedAt as the staff page showed it: a change made meanwhile is not overwritten. */
  basedOn: z.preprocess(blank, IsoDateTime.optional()),
})
export type UpdateApplicationBody = z.infer<typeof UpdateApplicationBody>

/** A resident staff could recommend the posting to: staff see the colour (never residents). */
export const PushCandidate = z.object({
  personId: Id,
  householdId: Id,
  name: z.string(),
  age: z.number(),
  addressLabel: z.string(),
  employment: z.string(),
  colour: RiskColour,
  score: z.number(),
  reasons: z.array(z.string()),
  recommendedAt: z.string().optional(),
  applied: ApplicationStatus.optional(),
})
export type PushCandidate = z.infer<typeof PushCandidate>
export const PushCandidatesResponse = z.object({ posting: StaffPosting, candidates: z.array(PushCandidate) })

export const RecommendBody = z.object({
  personIds: z
    .array(Id, { error: '请选择要推荐的居民' })
    .min(1, { error: '请至少选择一位居民' })
    .max(50, { error: '一次最多推荐 50 人' }),
  note: optionalText(plainText('推荐说明', 1, 200)),
})
export type RecommendBody = z.infer<typeof RecommendBody>
export const RecommendResponse = z.object({
  results: z.array(
    z.object({ personId: z.string(), ok: z.boolean(), already: z.boolean().optional(), error: z.string().optional() }),
  ),
})
export type RecommendResponse = z.infer<typeof RecommendResponse>

/** Staff filling a profile for a resident: the working-age members of one household. */
export const HouseholdSeekersResponse = z.object({
  members: z.array(
    z.object({
      personId: Id,
      name: z.string(),
      age: z.number(),
      state: ProfileState,
      profile: JobProfile.optional(),
    }),
  ),
})
export type HouseholdSeekersResponse = z.infer<typeof HouseholdSeekersResponse>
