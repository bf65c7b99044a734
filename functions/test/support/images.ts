import { crc32, deflateSync } from 'node:zlib'

// Real, small images made in the test (no fixture files): a PNG drawn pixel by pixel, a 1×1 JPEG,
// and the first bytes of a WEBP. Used by the photo tests and the e2e.

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An RGB PNG of width × height; `pixel` gives each pixel's colour. */
export function pngBytes(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number] = () => [220, 60, 40],
): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour
  const rows: number[] = []
  for (let y = 0; y < height; y++) {
    rows.push(0) // filter: none
    for (let x = 0; x < width; x++) rows.push(...pixel(x, y))
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A 1×1 baseline JPEG. */
export const JPEG_1X1 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
)

/** RIFF, a length, WEBP: what a WEBP file starts with (enough for the type check). */
export function webpBytes(size = 64): Buffer {
  const out = Buffer.alloc(size)
  out.write('RIFF', 0, 'ascii')
  out.writeUInt32LE(size - 8, 4)
  out.write('WEBPVP8 ', 8, 'ascii')
  return out
}
