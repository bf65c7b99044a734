import { MAX_PHOTO_BYTES } from '@anju/shared'
import { NoSuchKey, S3Client } from '@aws-sdk/client-s3'
import { S3PhotoStore } from '../src/photos/s3'
import { photoKey } from '../src/photos/store'
import { JPEG_1X1, pngBytes } from './support/images'

// The S3 store without a network: what the presigned POST lets S3 enforce (decoded from its
// policy), the presigned GET, and how a ticket create's ranged read is judged (a fake client).

const ref = { ownerId: 'u-resident-1', photoId: '01KBQ2Z3Y4X5W6V7T8S9R0QPNM' }
const ctx = { now: new Date(), origin: 'https://api.example.invalid' }
const client = new S3Client({
  region: 'ap-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
})
const store = new S3PhotoStore({ bucket: 'anju-photos-test', region: 'ap-east-1', client })

afterAll(() => client.destroy())

describe('S3PhotoStore.createUpload (presigned POST)', () => {
  it('signs a policy that makes S3 check the size range, the Content-Type and the exact key', async () => {
    // Act
    const slot = await store.createUpload(ref, 'image/jpeg', ctx)
    const policy = JSON.parse(Buffer.from(slot.fields.Policy, 'base64').toString('utf8'))
    // Assess
    expect(slot.url).toBe('https://anju-photos-test.s3.ap-east-1.amazonaws.com/')
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, MAX_PHOTO_BYTES],
        { 'Content-Type': 'image/jpeg' },
        { key: 'photos/u-resident-1/01KBQ2Z3Y4X5W6V7T8S9R0QPNM' },
        { bucket: 'anju-photos-test' },
      ]),
    )
    // Every field the client must send is in the policy (else S3 refuses the POST), and the key and
    // type the client sends are exactly those signed.
    expect(slot.fields).toMatchObject({
      key: 'photos/u-resident-1/01KBQ2Z3Y4X5W6V7T8S9R0QPNM',
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    const lifetime = Date.parse(policy.expiration) - Date.now()
    expect(lifetime).toBeGreaterThan(9 * 60_000)
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000)
  })

  it('never signs a key outside photos/<user>/', async () => {
    await expect(store.createUpload({ ownerId: '../u-admin', photoId: 'x' }, 'image/png', ctx)).rejects.toThrow()
    expect(() => photoKey({ ownerId: 'u-1', photoId: 'a/b' })).toThrow()
  })
})

describe('S3PhotoStore.readUrl (presigned GET)', () => {
  it('gives a 15-minute URL for exactly that object', async () => {
    const url = new URL(await store.readUrl(ref, ctx))
    expect(url.host).toBe('anju-photos-test.s3.ap-east-1.amazonaws.com')
    expect(url.pathname).toBe('/photos/u-resident-1/01KBQ2Z3Y4X5W6V7T8S9R0QPNM')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900')
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('S3PhotoStore.check (a ranged GET of the first bytes)', () => {
  const answering = (answer: () => unknown) => {
    const send = jest.fn(async () => answer())
    return {
      send,
      store: new S3PhotoStore({ bucket: 'b', region: 'ap-east-1', client: { send } as unknown as S3Client }),
    }
  }
  const object = (bytes: Buffer, total: number, contentType: string) => () => ({
    ContentRange: `bytes 0-11/${total}`,
    ContentType: contentType,
    Body: { transformToByteArray: async () => new Uint8Array(bytes.subarray(0, 12)) },
  })

  it.each([
    ['a JPEG as declared', object(JPEG_1X1, JPEG_1X1.length, 'image/jpeg'), { ok: true }],
    ['a PNG stored as image/jpeg', object(pngBytes(2, 2), 80, 'image/jpeg'), { ok: false, reason: 'wrong_type' }],
    [
      'text stored as image/png',
      object(Buffer.from('hello world, not a photo'), 24, 'image/png'),
      { ok: false, reason: 'wrong_type' },
    ],
    ['an object over 5 MB', object(JPEG_1X1, MAX_PHOTO_BYTES + 1, 'image/jpeg'), { ok: false, reason: 'too_large' }],
    [
      'no object',
      () => {
        throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} })
      },
      { ok: false, reason: 'missing' },
    ],
  ])('judges %s', async (_, answer, expected) => {
    const { send, store: s } = answering(answer)
    await expect(s.check(ref)).resolves.toEqual(expected)
    expect(send).toHaveBeenCalledTimes(1)
    expect((send.mock.calls[0] as unknown[])[0]).toMatchObject({
      input: { Bucket: 'b', Key: 'photos/u-resident-1/01KBQ2Z3Y4X5W6V7T8S9R0QPNM', Range: 'bytes=0-11' },
    })
  })

  it('lets any other S3 failure through (a 500 for the ticket, not "not uploaded")', async () => {
    const { store: s } = answering(() => {
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' })
    })
    await expect(s.check(ref)).rejects.toThrow('Access Denied')
  })
})
