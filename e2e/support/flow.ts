import type { Browser, Page } from 'playwright-core'
import { launch } from './browser'

/** The shared stack's address, set by global-setup.ts. */
export function stackUrl(): string {
  const url = process.env.E2E_URL
  if (!url) throw new Error('E2E_URL is not set: run the e2e with `npm run e2e` (jest.e2e.config.js starts the stack)')
  return url
}

/** Taro H5 keeps earlier pages in the DOM, hidden: every lookup matches visible elements only. */
export const $ = (page: Page, selector: string, hasText?: string) =>
  page.locator(selector, hasText ? { hasText } : undefined).locator('visible=true')

export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(stackUrl())
  await $(page, `.aj-login-${userId}`).click()
}

export async function signOut(page: Page): Promise<void> {
  // Reopening the app lands on the signed-in user's start page (home or triage), which has 退出.
  await page.goto(stackUrl())
  await $(page, '.aj-logout').first().click()
  await $(page, '.aj-login-u-resident-1').waitFor()
}

/** One Chromium per file, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => browser
}
