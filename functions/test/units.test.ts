import { inScope, Me } from '@anju/shared'
import fc from 'fast-check'
import { ConfigError, LOCAL_DEV_JWT_SECRET, loadConfig } from '../src/config'
import { idempotencyKey, ticketGsi1Prefix, ticketGsi1Sk, userKey, wechatBindingKey } from '../src/db/keys'
import { tableDefinition } from '../src/db/table'
import { communitiesOf } from '../src/grid/communities'
import { COMMUNITY, DEV_ACCOUNTS, SUBDISTRICT, WECHAT_BINDINGS } from '../src/local/fixture'
import { toShanghaiIso } from '../src/time'

describe('toShanghaiIso', () => {
  it.each([
    ['2026-12-03T23:30:00.000Z', '2026-12-04T07:30:00.000+08:00'],
    ['2026-12-03T16:00:00.000Z', '2026-12-04T00:00:00.000+08:00'],
    ['2026-12-03T15:59:59.999Z', '2026-12-03T23:59:59.999+08:00'],
    ['2026-06-30T12:00:00.000Z', '2026-06-30T20:00:00.000+08:00'],
  ])('%s is %s', (utc, expected) => {
    expect(toShanghaiIso(new Date(utc))).toBe(expected)
  })

  it('names the same instant and sorts like the instant it names', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (a, b) => {
          expect(new Date(toShanghaiIso(a)).getTime()).toBe(a.getTime())
          expect(Math.sign(toShanghaiIso(a).localeCompare(toShanghaiIso(b)))).toBe(Math.sign(a.getTime() - b.getTime()))
        },
      ),
    )
  })
})

describe('keys', () => {
  it('keeps ids and openids exactly as given (never lowercased)', () => {
    expect(wechatBindingKey('oAbC-123_XyZ')).toEqual({ PK: 'WECHAT#oAbC-123_XyZ', SK: 'BINDING' })
    expect(userKey('u-Resident-1').PK).toBe('USER#u-Resident-1')
    expect(idempotencyKey('u-1', 'Key-ABC-123').PK).toBe('IDEM#u-1#Key-ABC-123')
  })

  it.each([
    [undefined, undefined, ''],
    ['a1', undefined, 'a1#'],
    ['a1', 'b5', 'a1#b5#'],
  ])('GSI1 prefix for area %s building %s is %j', (area, building, prefix) => {
    expect(ticketGsi1Prefix(area, building)).toBe(prefix)
  })

  it('an area prefix does not match a sibling whose id extends it (a1 vs a10)', () => {
    const sk = ticketGsi1Sk('a10', 'b1', '2026-12-04T07:30:00.000+08:00', 'T1')
    expect(sk.startsWith(ticketGsi1Prefix('a1'))).toBe(false)
    expect(sk.startsWith(ticketGsi1Prefix('a10'))).toBe(true)
  })
})

describe('loadConfig', () => {
  it('uses the fixed dev secret only in STAGE=local', () => {
    expect(loadConfig({ STAGE: 'local' }).jwtSecret).toBe(LOCAL_DEV_JWT_SECRET)
    expect(() => loadConfig({ STAGE: 'prod' })).toThrow(ConfigError)
    expect(() => loadConfig({ STAGE: 'prod', JWT_SECRET: 'short' })).toThrow(ConfigError)
  })

  it('reads the WeChat API base so tests can point it at a fake server', () => {
    const config = loadConfig({ STAGE: 'local', WECHAT_API_BASE: 'http://127.0.0.1:9' })
    expect(config.wechat.apiBase).toBe('http://127.0.0.1:9')
    expect(loadConfig({ STAGE: 'local' }).wechat.apiBase).toBe('https://api.weixin.qq.com')
  })
})

describe('table definition', () => {
  it('has no index beyond the two access patterns need', () => {
    const def = tableDefinition('x')
    expect(def.GlobalSecondaryIndexes?.map((g) => g.IndexName)).toEqual(['GSI1', 'GSI2'])
    expect(def.BillingMode).toBe('PAY_PER_REQUEST')
  })
})

describe('fixture', () => {
  it('every account is a valid Me; every staff scope and every home lies in the sub-district', () => {
    for (const account of DEV_ACCOUNTS) {
      expect(Me.parse(account)).toEqual(account)
      expect(account.scope.subdistrictId).toBe(SUBDISTRICT.id)
      if (account.home) expect(inScope(account.scope, account.home.path)).toBe(true)
    }
  })

  it('has one minority name with a middle dot and a binding for a resident', () => {
    expect(DEV_ACCOUNTS.some((a) => a.name.includes('·'))).toBe(true)
    const bound = DEV_ACCOUNTS.find((a) => a.id === WECHAT_BINDINGS[0].userId)
    expect(bound?.role).toBe('resident')
  })

  it("lists the fixture community among the sub-district's communities", () => {
    expect(communitiesOf(SUBDISTRICT.id).map((c) => c.id)).toContain(COMMUNITY.id)
    expect(communitiesOf(SUBDISTRICT.id)).toHaveLength(7)
  })
})
