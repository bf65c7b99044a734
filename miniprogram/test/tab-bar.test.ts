import { readFileSync } from 'node:fs'
import path from 'node:path'
import { inflateSync } from 'node:zlib'

// The tab bar (app.config.ts): every tab has an icon, a local PNG WeChat accepts, and the selected
// tab differs by shape (filled vs outlined), not by colour alone (DESIGN.md §6).

type Tab = { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }
const SRC = path.resolve(__dirname, '../src')

function tabs(): Tab[] {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  let config: { tabBar: { list: Tab[] } } | undefined
  jest.isolateModules(() => {
    config = require('../src/app.config').default
  })
  return config?.tabBar.list ?? []
}

/** Width, height and the share of pixels with ink (alpha ≥ 50%) of an 8-bit RGBA, unfiltered-or-not PNG. */
function readPng(file: string): { width: number; height: number; ink: number; bytes: number } {
  const buf = readFileSync(path.join(SRC, file))
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const width = buf.readUInt32BE(16)
  const height = buf.readUInt32BE(20)
  expect([buf[24], buf[25]]).toEqual([8, 6])
  const idat: Buffer[] = []
  for (let o = 8; o < buf.length; ) {
    const len = buf.readUInt32BE(o)
    if (buf.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len))
    o += len + 12
  }
  const rows = inflateSync(Buffer.concat(idat))
  const stride = width * 4 + 1
  let ink = 0
  for (let y = 0; y < height; y++) {
    // The icons are written without row filters (type 0), so alpha is read as stored.
    expect(rows[y * stride]).toBe(0)
    for (let x = 0; x < width; x++) if (rows[y * stride + 1 + x * 4 + 3] >= 128) ink++
  }
  return { width, height, ink: ink / (width * height), bytes: buf.length }
}

describe('tab bar', () => {
  it('gives every tab an icon and a selected icon, each an 81×81 PNG under 40 KB', () => {
    const list = tabs()
    expect(list.length).toBeGreaterThan(0)
    for (const tab of list) {
      expect(tab.iconPath).toMatch(/\.png$/)
      expect(tab.selectedIconPath).toMatch(/\.png$/)
      expect(tab.selectedIconPath).not.toBe(tab.iconPath)
      for (const file of [tab.iconPath as string, tab.selectedIconPath as string]) {
        const png = readPng(file)
        expect([png.width, png.height]).toEqual([81, 81])
        expect(png.bytes).toBeLessThan(40 * 1024)
      }
    }
  })

  it('shows the selected tab by shape too: its icon is filled, the others outlined', () => {
    for (const tab of tabs()) {
      const plain = readPng(tab.iconPath as string)
      const selected = readPng(tab.selectedIconPath as string)
      expect(plain.ink).toBeGreaterThan(0.05)
      expect(selected.ink).toBeGreaterThan(plain.ink * 1.3)
    }
  })
})
