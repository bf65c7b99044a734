import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { TABLE_ATTRIBUTES, TABLE_GSIS, TABLE_KEY_SCHEMA, TTL_ATTRIBUTE } from '../src/db/table'

// Runs `serverless package` (offline, no AWS credentials) into a temp folder and checks the
// CloudFormation it produced against the table definition the code uses.

const run = promisify(execFile)
const root = resolve(__dirname, '../..')
const BUNDLE_BUDGET_BYTES = 700 * 1024

let outDir: string
let resources: Record<string, { Type: string; Properties: any }>
let zipListing: string

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'anju-sls-'))
  const env: NodeJS.ProcessEnv = { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' }
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'])
    delete env[name]
  await run(join(root, 'node_modules/.bin/serverless'), ['package', '--package', outDir], {
    cwd: root,
    env,
    timeout: 120_000,
  })
  const template = JSON.parse(readFileSync(join(outDir, 'cloudformation-template-update-stack.json'), 'utf8'))
  resources = template.Resources
  zipListing = (await run('unzip', ['-l', join(outDir, 'api.zip')])).stdout
}, 150_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type)
const sortBy = <T>(xs: readonly T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)))

describe('packaged CloudFormation', () => {
  it('has the one table, defined exactly as db/table.ts defines it', () => {
    const [table] = ofType('AWS::DynamoDB::Table')
    expect(ofType('AWS::DynamoDB::Table')).toHaveLength(1)
    const p = table.Properties
    expect(p.BillingMode).toBe('PAY_PER_REQUEST')
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true })
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true })
    expect(p.KeySchema).toEqual(TABLE_KEY_SCHEMA)
    expect(sortBy(p.AttributeDefinitions, (a: any) => a.AttributeName)).toEqual(
      sortBy(TABLE_ATTRIBUTES, (a) => a.AttributeName),
    )
    expect(sortBy(p.GlobalSecondaryIndexes, (g: any) => g.IndexName)).toEqual(sortBy(TABLE_GSIS, (g) => g.IndexName))
  })

  it('has the Lambdas on nodejs22.x with the handler and secrets only by reference', () => {
    const fns = ofType('AWS::Lambda::Function')
    expect(fns.map((f) => f.Properties.Handler).sort()).toEqual([
      'functions/src/handlers/api.handler',
      'functions/src/handlers/dispatch.handler',
    ])
    const p = fns.find((f) => f.Properties.Handler.endsWith('/api.handler'))?.Properties
    expect(p.Runtime).toBe('nodejs22.x')
    const env = p.Environment.Variables
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['STAGE', 'TABLE_NAME', 'JWT_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET']),
    )
    for (const name of ['JWT_SECRET', 'WECHAT_APPID', 'WECHAT_SECRET'])
      expect(env[name]).toMatch(/^\{\{resolve:ssm:\/anju\//)
    expect(env.TABLE_NAME).toEqual({ Ref: expect.any(String) })
  })

  it('routes every HTTP API request to the Lambda', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey)
    expect(routes).toEqual(['$default'])
    expect(ofType('AWS::ApiGatewayV2::Api')[0].Properties.ProtocolType).toBe('HTTP')
  })

  it('limits the IAM policy to the table and its indexes', () => {
    const [role] = ofType('AWS::IAM::Role')
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)
    const dynamo = statements.filter((s: any) => s.Action.some((a: string) => a.startsWith('dynamodb:')))
    expect(dynamo).toHaveLength(1)
    expect(dynamo[0].Action).not.toContain('dynamodb:Scan')
    const tableArn = { 'Fn::GetAtt': ['MainTable', 'Arn'] }
    expect(dynamo[0].Resource).toEqual([tableArn, { 'Fn::Join': ['/', [tableArn, 'index', '*']] }])
  })

  it('has a private photo bucket, named to the Lambda, writable and readable only under photos/*', () => {
    // The other bucket is the framework's own deployment bucket.
    const bucket = resources.PhotoBucket
    expect(bucket.Type).toBe('AWS::S3::Bucket')
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    })
    expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedMethods).toEqual(['POST', 'GET'])
    expect(ofType('AWS::Lambda::Function')[0].Properties.Environment.Variables.PHOTO_BUCKET).toEqual({
      Ref: 'PhotoBucket',
    })
    const [role] = ofType('AWS::IAM::Role')
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement)
    const s3 = statements.filter((s: any) => s.Action.some((a: string) => a.startsWith('s3:')))
    expect(s3).toHaveLength(1)
    expect(s3[0].Action).toEqual(['s3:PutObject', 's3:GetObject'])
    expect(s3[0].Resource).toEqual([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['PhotoBucket', 'Arn'] }, '/photos/*']] }])
  })

  it('runs the outbox dispatcher every minute (decision 066)', () => {
    const [rule] = ofType('AWS::Events::Rule')
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 minute)')
    const dispatch = Object.entries(resources).find(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler.endsWith('/dispatch.handler'),
    )
    expect(rule.Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [dispatch?.[0], 'Arn'] })
    expect(dispatch?.[1].Properties.Runtime).toBe('nodejs22.x')
  })

  it('bundles the dispatcher within the 700 KB budget', async () => {
    const listing = (await run('unzip', ['-l', join(outDir, 'dispatch.zip')])).stdout
    const line = listing.split('\n').find((l) => l.trim().endsWith('functions/src/handlers/dispatch.js'))
    const size = Number(line?.trim().split(/\s+/)[0])
    expect(size).toBeGreaterThan(5_000)
    expect(size).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES)
  })

  it('bundles the handler within the 700 KB budget', () => {
    const line = zipListing.split('\n').find((l) => l.trim().endsWith('functions/src/handlers/api.js'))
    const size = Number(line?.trim().split(/\s+/)[0])
    expect(size).toBeGreaterThan(10_000)
    expect(size).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES)
  })
})
