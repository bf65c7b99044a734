// npx tsx functions/src/admin/issue-api-key.ts --name <holder> (--community <code> | --subdistrict <code>)
// Issues an Open311 API key (docs/decisions/063-open311.md): prints it once and stores only its
// sha256, scoped to a community or a sub-district. Needs TABLE_NAME, and DYNAMODB_ENDPOINT for a
// local stack (its endpoint is in .data/dynamodb-endpoint while `npm start` runs); without it, the
// AWS table with the operator's own credentials and AWS_REGION. Not part of any Lambda bundle.
import { randomBytes } from 'node:crypto'
import type { GridPath } from '@anju/shared'
import { loadConfig } from '../config'
import { putApiKey } from '../db/api-keys'
import { createDocClient } from '../db/client'
import { SUBDISTRICTS } from '../grid/communities'
import { toShanghaiIso } from '../time'

export type IssueArgs = { ok: true; name: string; scope: GridPath } | { ok: false; errors: string[] }

/** Reads `--name`, and `--community` or `--subdistrict` (real codes of grid/communities.ts). */
export function parseIssueArgs(argv: string[]): IssueArgs {
  const values = new Map<string, string>()
  const errors: string[] = []
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]
    const value = argv[i + 1]
    if (!['--name', '--community', '--subdistrict'].includes(flag)) errors.push(`unknown option ${flag}`)
    else if (value === undefined || value.startsWith('--')) errors.push(`${flag} needs a value`)
    else values.set(flag, value)
  }
  const name = values.get('--name')?.trim()
  if (!name) errors.push('--name is required: who holds the key, e.g. "某某公益平台"')
  const community = values.get('--community')
  const subdistrict = values.get('--subdistrict')
  if ((community === undefined) === (subdistrict === undefined))
    errors.push('give exactly one of --community, --subdistrict')
  let scope: GridPath | undefined
  if (community !== undefined) {
    const found = Object.entries(SUBDISTRICTS).find(([, s]) => s.communities.some((c) => c.id === community))
    if (found) scope = { subdistrictId: found[0], communityId: community }
    else errors.push(`no community ${community}`)
  }
  if (subdistrict !== undefined) {
    if (SUBDISTRICTS[subdistrict]) scope = { subdistrictId: subdistrict }
    else errors.push(`no sub-district ${subdistrict}`)
  }
  return errors.length > 0 || !name || !scope ? { ok: false, errors } : { ok: true, name, scope }
}

/** 32 random bytes, URL-safe: long enough that an unsalted hash is a safe store. */
export function newApiKey(): string {
  return `anju_${randomBytes(32).toString('base64url')}`
}

async function main(): Promise<void> {
  const args = parseIssueArgs(process.argv.slice(2))
  if (!args.ok) {
    for (const e of args.errors) console.error(e)
    process.exit(2)
  }
  // Only the table matters here; the API's secrets and buckets are none of this tool's business.
  const { TABLE_NAME, DYNAMODB_ENDPOINT } = process.env
  const config = loadConfig({ STAGE: 'local', TABLE_NAME, DYNAMODB_ENDPOINT })
  const doc = createDocClient({ endpoint: config.dynamodbEndpoint })
  const key = newApiKey()
  await putApiKey({ doc, tableName: config.tableName }, key, {
    name: args.name,
    scope: args.scope,
    createdAt: toShanghaiIso(new Date()),
  })
  doc.destroy()
  console.log(`Issued for ${args.name} (${args.scope.communityId ?? args.scope.subdistrictId}) in ${config.tableName}:`)
  console.log(key)
  console.log('Shown once: only its sha256 is stored.')
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`Issuing failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  })
}
