import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { Database } from '../../src/db/client.js';
import { type TestClock, buildTestApp } from '../helpers/app.js';

/** Debian's Chromium, started with the flags this closed network needs (see env's machine notes). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe violations on the current page, as short readable lines (empty when the page passes). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** True when the page needs sideways scrolling at its current width (WCAG 1.4.10 reflow). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/**
 * History Back once the current page has loaded. Chromium sometimes swaps the page's renderer right after a
 * POST-redirect-GET, and a Back sent in that moment fails with "Not attached to an active page" before anything
 * navigates; that one DevTools error is retried, every other failure is the test's.
 */
export async function goBackWhenLoaded(page: Page) {
  await page.waitForLoadState('load');
  try {
    return await page.goBack();
  } catch (error) {
    if (!String(error).includes('Not attached to an active page')) throw error;
    await page.waitForLoadState('load');
    return page.goBack();
  }
}

/** The real app listening on a free local port, and Chromium to visit it; `close` ends all three. */
export async function serveForChromium(database: Database, clock: TestClock) {
  const app = await buildTestApp(database, clock);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    app, origin, browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}
