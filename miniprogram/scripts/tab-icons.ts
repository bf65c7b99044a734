// Draws the tab bar's icons as 81×81 PNGs (WeChat's tabBar takes only local PNG/JPG files, not
// the SVG data URIs the pages use). Run after changing a shape:
//   npx tsx miniprogram/scripts/tab-icons.ts
// Shapes are on the same 48-unit grid as src/assets/icons.ts. The selected icon is filled and the
// plain one outlined, so the selected tab shows by its shape as well as its colour.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

const SIZE = 81
const SCALE = SIZE / 48
const SAMPLES = 5
const OUTLINE = '#4a5563'
const SELECTED = '#1d3f66'

type Point = [number, number]
type Op =
  | { kind: 'fill'; points: Point[]; erase?: boolean }
  | { kind: 'stroke'; points: Point[]; width: number; erase?: boolean }

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

function inside(x: number, y: number, poly: Point[]): boolean {
  let hit = false
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]
    const [xj, yj] = poly[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit
  }
  return hit
}

function nearLine(x: number, y: number, line: Point[], half: number): boolean {
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]
    const [bx, by] = line[i + 1]
    const dx = bx - ax
    const dy = by - ay
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)))
    if (Math.hypot(x - ax - t * dx, y - ay - t * dy) <= half) return true
  }
  return false
}

/** Straight-alpha RGBA, ops painted in order (round caps and joins, 5×5 samples a pixel). */
function draw(colour: string, ops: Op[]): Buffer {
  const [r, g, b] = rgb(colour)
  const alpha = new Float64Array(SIZE * SIZE)
  for (const op of ops) {
    for (let py = 0; py < SIZE; py++) {
      for (let px = 0; px < SIZE; px++) {
        let covered = 0
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            const x = (px + (sx + 0.5) / SAMPLES) / SCALE
            const y = (py + (sy + 0.5) / SAMPLES) / SCALE
            const hit = op.kind === 'fill' ? inside(x, y, op.points) : nearLine(x, y, op.points, op.width / 2)
            if (hit) covered++
          }
        }
        const c = covered / (SAMPLES * SAMPLES)
        const i = py * SIZE + px
        alpha[i] = op.erase ? alpha[i] * (1 - c) : alpha[i] + c * (1 - alpha[i])
      }
    }
  }
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1)
    for (let x = 0; x < SIZE; x++) {
      const o = row + 1 + x * 4
      rows[o] = r
      rows[o + 1] = g
      rows[o + 2] = b
      rows[o + 3] = Math.round(alpha[y * SIZE + x] * 255)
    }
  }
  return png(rows)
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(rows: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const W = 3.5
// 首页: a house (icons.ts `home`).
const roof: Point[] = [
  [6, 22],
  [24, 7],
  [42, 22],
]
const walls: Point[] = [
  [11, 18],
  [11, 41],
  [37, 41],
  [37, 18],
]
const door: Point[] = [
  [20, 41],
  [20, 29],
  [28, 29],
  [28, 41],
]
const house: Point[] = [
  [11, 18],
  [24, 7],
  [37, 18],
  [37, 41],
  [11, 41],
]
// 我的报修: a form on a clipboard.
const board: Point[] = [
  [11, 9],
  [37, 9],
  [37, 42],
  [11, 42],
  [11, 9],
]
const clip: Point[] = [
  [18, 5],
  [30, 5],
  [30, 12],
  [18, 12],
]
const lines: Point[][] = [19, 26, 33].map((y) => [
  [17, y],
  [31, y],
])

const ICONS: Record<string, { plain: Op[]; selected: Op[] }> = {
  home: {
    plain: [
      { kind: 'stroke', points: roof, width: W },
      { kind: 'stroke', points: walls, width: W },
      { kind: 'stroke', points: door, width: W },
    ],
    selected: [
      { kind: 'fill', points: house },
      { kind: 'stroke', points: roof, width: W + 1 },
      { kind: 'stroke', points: walls, width: W + 1 },
      { kind: 'fill', points: door, erase: true },
    ],
  },
  tickets: {
    plain: [
      { kind: 'stroke', points: board, width: W },
      { kind: 'stroke', points: clip, width: W },
      ...lines.map((l): Op => ({ kind: 'stroke', points: l, width: W })),
    ],
    selected: [
      { kind: 'fill', points: board },
      { kind: 'stroke', points: board, width: W + 1 },
      ...lines.map((l): Op => ({ kind: 'stroke', points: l, width: W, erase: true })),
      { kind: 'fill', points: clip },
      { kind: 'stroke', points: clip, width: W + 1 },
    ],
  },
}

const out = path.resolve(__dirname, '../src/assets/tabbar')
for (const [name, { plain, selected }] of Object.entries(ICONS)) {
  writeFileSync(path.join(out, `${name}.png`), draw(OUTLINE, plain))
  writeFileSync(path.join(out, `${name}-selected.png`), draw(SELECTED, selected))
}
