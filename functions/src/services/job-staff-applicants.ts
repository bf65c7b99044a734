import {
  APPLICATION_STATUS_LABELS,
  type ApplicantView,
  type Application,
  type UpdateApplicationBody,
} from '@anju/shared'
import { getPosting } from '../db/job-postings'
import { changeApplication, getApplication, getPostingPartition } from '../db/job-staff'
import { ConflictError, NotFoundError } from '../errors'
import { toShanghaiIso } from '../time'
import { alongside, type PendingCaller } from './auth'
import type { ServiceDeps } from './deps'
import { requireManager, seesApplicant, staffPostingViewFor, visiblePosting } from './job-staff'
import { addressLabelOf } from './job-staff-push'

// 投递的人 (decision 068): staff see every applicant of a posting of their scope, and of a wider
// posting (the sub-district's) only the applicants who live in their scope. Managers change an
// applicant's status with a note; the resident sees the status (已联系 / 已录用 / 未录用) and the
// latest note (written to them), never who changed it.

const CHANGED_MEANWHILE = '这份投递的状态刚被别人改过，请刷新后再改'

function applicantView(a: Application): ApplicantView {
  return { ...a, addressLabel: addressLabelOf(a.address) }
}

/** GET /api/jobs/postings/:id/applicants: the posting's partition beside the caller. One round trip. */
export async function listApplicants(deps: ServiceDeps, caller: PendingCaller, postingId: string) {
  const [me, partition] = await alongside(caller, getPostingPartition(deps.db, postingId))
  const posting = visiblePosting(me, partition.posting)
  const applicants = partition.applications
    .filter((a) => seesApplicant(me, posting, a))
    .sort((a, b) => (a.appliedAt < b.appliedAt ? 1 : -1))
    .map(applicantView)
  return { posting: staffPostingViewFor(me, posting, applicants.length), applicants }
}

/**
 * POST /api/jobs/postings/:id/applicants/:personId/status: the posting and the application beside
 * the caller, then one conditional Update (the status as read). Two round trips.
 */
export async function setApplicantStatus(
  deps: ServiceDeps,
  caller: PendingCaller,
  postingId: string,
  personId: string,
  body: UpdateApplicationBody,
): Promise<ApplicantView> {
  const [me, [found, application]] = await alongside(
    caller,
    Promise.all([getPosting(deps.db, postingId), getApplication(deps.db, postingId, personId)]),
  )
  const posting = visiblePosting(me, found)
  requireManager(me, posting)
  if (!application) throw new NotFoundError('找不到这份投递')
  // Changed since the staff page showed it (by someone else, or on another phone): not overwritten.
  if (body.basedOn !== undefined && body.basedOn !== application.updatedAt) throw new ConflictError(CHANGED_MEANWHILE)
  if (application.status === body.status && !body.note)
    throw new ConflictError(`这份投递已经是“${APPLICATION_STATUS_LABELS[body.status]}”了`)
  const change = {
    at: toShanghaiIso(deps.now()),
    status: body.status,
    ...(body.note ? { note: body.note } : {}),
    by: { userId: me.id, name: me.name },
  }
  return applicantView(await changeApplication(deps.db, application, change))
}
