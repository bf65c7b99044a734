import { basename } from 'node:path'
import type { Me } from '@anju/shared'
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { loadConfig } from '../../src/config'
import { createDocClient, type DocClient } from '../../src/db/client'
import {
  ENTITY,
  householdKey,
  jobApplicationKey,
  jobPostingKey,
  personJobsGsi2Pk,
  personJobsGsi2Sk,
} from '../../src/db/keys'
import { dropTable, ensureTable } from '../../src/db/table'
import { userItem } from '../../src/db/users'
import { createApp } from '../../src/http/app'
import { DEV_ACCOUNTS, SUBDISTRICT } from '../../src/local/fixture'
import { seedIfEmpty } from '../../src/local/seed'
import { dynamoEndpoint, TEST_JWT_SECRET } from './api'
import { type CallCounter, type CountedReply, countCalls, countedRequests } from './round-trips'

// The staff jobs tests (postings, applicants, push) drive the app in process on a small seeded
// population with a fixed clock, count every request's DynamoDB waves, and add one community staff
// member of another community (景新社区) to prove that scopes hold.

export const TODAY = '2026-12-04'
export const NOW = new Date('2026-12-04T02:00:00.000Z') // 10:00 in Beijing
export const OTHER_COMMUNITY = '530621002001'
export const OTHER_STAFF: Me = {
  id: 'u-staff-other',
  name: '段晓红',
  role: 'community_staff',
  scope: { subdistrictId: SUBDISTRICT.id, communityId: OTHER_COMMUNITY },
}

export interface JobsWorld {
  doc: DocClient
  tableName: string
  req: (method: string, path: string, userId?: string, body?: unknown) => Promise<CountedReply>
  drop: () => Promise<void>
}

export async function jobsWorld(testFile: string): Promise<JobsWorld> {
  const tableName = `t-${basename(testFile).replace(/\W+/g, '-')}-${process.pid}-${Date.now()}`
  const doc = createDocClient({ endpoint: dynamoEndpoint() })
  await ensureTable(doc, tableName)
  await seedIfEmpty(doc, tableName, { scale: 0.05, today: TODAY })
  await doc.send(new PutCommand({ TableName: tableName, Item: userItem(OTHER_STAFF) }))
  let n = 0
  const app = createApp({
    doc,
    tableName,
    config: loadConfig({ STAGE: 'local', JWT_SECRET: TEST_JWT_SECRET }),
    now: () => NOW,
    newId: () => `T${String(++n).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`,
  })
  const counter: CallCounter = countCalls(doc)
  const tokens: Record<string, string> = {}
  const req = countedRequests(app, () => counter, tokens)
  for (const { id } of [...DEV_ACCOUNTS, OTHER_STAFF])
    tokens[id] = (await req('POST', '/api/auth/dev', undefined, { userId: id })).json.token
  return {
    doc,
    tableName,
    req,
    drop: async () => {
      await dropTable(doc, tableName)
      doc.destroy()
    },
  }
}

let keyCount = 0
/** A valid posting form; each call a fresh idempotency key. */
export function postingForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    employer: '昭通绿源食用菌公司',
    title: '菌棒装袋工',
    place: { kind: 'building', buildingId: 'mjw-b5' },
    wageMin: 2800,
    wageMax: 3600,
    startHour: 8,
    endHour: 17,
    physical: 'moderate',
    skills: [],
    niceSkills: ['mushroom'],
    literacy: 'none',
    headcount: 5,
    expiresOn: '2027-01-31',
    contactPhone: '0870-1234567',
    idempotencyKey: `posting-key-${++keyCount}-${Date.now()}`,
    ...overrides,
  }
}

/** The stored posting item as DynamoDB holds it (keys included). */
export async function postingItemOf(w: JobsWorld, id: string): Promise<Record<string, unknown> | undefined> {
  return (await w.doc.send(new GetCommand({ TableName: w.tableName, Key: jobPostingKey(id) }))).Item
}

/** Sets one member's facts in a household file (employment, birth date) before a profile copies them. */
export async function setMember(w: JobsWorld, householdId: string, index: number, set: Record<string, unknown>) {
  const names: Record<string, string> = { '#facts': 'facts', '#members': 'members' }
  const values: Record<string, unknown> = {}
  const parts = Object.entries(set).map(([k, v], i) => {
    names[`#k${i}`] = k
    values[`:v${i}`] = v
    return `#facts.#members[${index}].#k${i} = :v${i}`
  })
  await w.doc.send(
    new UpdateCommand({
      TableName: w.tableName,
      Key: householdKey(householdId),
      UpdateExpression: `SET ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  )
}

/** Paths and messages of a 400's field errors. */
export const fieldErrors = (res: CountedReply): { path: string; message: string }[] => res.json.errors ?? []

/**
 * An application as the resident's apply writes it (decision 068): one item per person and
 * posting, in the resident's 我的投递 list by GSI2, with their home for the staff scope, and the
 * posting's applicantCount one higher.
 */
export async function putApplication(w: JobsWorld, postingId: string, resident: Me, personId: string) {
  const at = '2026-12-04T09:00:00.000+08:00'
  const householdId = resident.scope.householdId as string
  await w.doc.send(
    new PutCommand({
      TableName: w.tableName,
      Item: {
        ...jobApplicationKey(postingId, personId),
        entity: ENTITY.jobApplication,
        GSI2PK: personJobsGsi2Pk(personId),
        GSI2SK: personJobsGsi2Sk(at, 'APP', postingId),
        postingId,
        personId,
        householdId,
        name: resident.name,
        status: 'applied',
        appliedAt: at,
        updatedAt: at,
        history: [{ at, status: 'applied', by: { userId: resident.id, name: resident.name } }],
        address: resident.home,
      },
    }),
  )
  await w.doc.send(
    new UpdateCommand({
      TableName: w.tableName,
      Key: jobPostingKey(postingId),
      UpdateExpression: 'ADD applicantCount :one',
      ExpressionAttributeValues: { ':one': 1 },
    }),
  )
}
