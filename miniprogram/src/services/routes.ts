import { handlesTickets, type Me } from '@anju/shared'
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  myTickets: '/pages/tickets/index',
  login: '/packages/account/login/index',
  report: '/packages/resident/report/index',
  help: '/packages/resident/help/index',
  myTicket: '/packages/resident/ticket/index',
  triage: '/packages/staff/triage/index',
  staffTicket: '/packages/staff/ticket/index',
  fileFor: '/packages/staff/file-for/index',
  failedNotifications: '/packages/staff/notifications/index',
  localOutbox: '/packages/account/outbox/index',
  jobs: '/packages/jobs/list/index',
  job: '/packages/jobs/job/index',
  jobProfile: '/packages/jobs/profile/index',
  myJobs: '/packages/jobs/mine/index',
  jobPostings: '/packages/jobstaff/postings/index',
  jobPostingEdit: '/packages/jobstaff/edit/index',
  jobApplicants: '/packages/jobstaff/applicants/index',
  jobPush: '/packages/jobstaff/push/index',
  jobSeekerFor: '/packages/jobstaff/seeker/index',
} as const

export const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** After sign-in: ticket handlers start at their triage list; residents (and police, whose module
 * is not built yet) at home. */
export function routeByRole(user: Me): void {
  Taro.reLaunch({ url: handlesTickets(user.role) ? PAGES.triage : PAGES.home })
}
