import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { Browser, text } from '../helpers/browser.js';
import { BEFORE_EVENT, createEvent, createOrganisation } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let eventId: number;

beforeAll(async () => {
  const wmk = await createOrganisation(env.database.db, 'wmk');
  await createOrganisation(env.database.db, 'kassel');
  eventId = (await createEvent(env.database.db, wmk)).event.id;
});

describe('who runs these pages', () => {
  it('the county chooser links each county\'s imprint and privacy notice', async () => {
    for (const lang of ['de', 'en']) {
      const browser = new Browser(env.app);
      await browser.get(`/${lang}`);
      expect(browser.last.statusCode).toBe(200);
      const hrefs = browser.html().querySelectorAll('main a').map((a) => a.getAttribute('href'));
      for (const slug of ['wmk', 'kassel']) {
        expect(hrefs).toContain(`/${lang}/${slug}/imprint`);
        expect(hrefs).toContain(`/${lang}/${slug}/privacy`);
        expect((await new Browser(env.app).get(`/${lang}/${slug}/imprint`)).statusCode).toBe(200);
      }
    }
    const browser = new Browser(env.app);
    await browser.get('/de');
    const imprint = browser.html().querySelector('a[href="/de/kassel/imprint"]')!;
    expect(imprint.text).toBe('Impressum – Kreis kassel');
    expect(text(browser.html(), 'footer')).toContain('Impressum und Datenschutzhinweise finden Sie bei jedem Landkreis oben.');
  });

  it('the header of a county\'s pages names the county as well as its event', async () => {
    const browser = new Browser(env.app);
    for (const url of ['/de/wmk', `/de/wmk/events/${eventId}`, `/de/wmk/events/${eventId}/book/topics`, '/de/wmk/privacy', '/en/wmk']) {
      await browser.get(url);
      expect(text(browser.html(), '.site-header__authority'), url).toBe('Kreis wmk');
    }
    await browser.get('/de/kassel');
    expect(text(browser.html(), '.site-header__authority')).toBe('Kreis kassel');
    await browser.get('/de');
    expect(browser.html().querySelector('.site-header__authority')).toBeNull();
  });
});

describe('favicon', () => {
  it('/favicon.ico is a small icon, cached for long', async () => {
    const response = await env.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000');
    expect(response.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expect(response.rawPayload.length).toBeLessThan(2048);
  });

  it('every page links the SVG icon, served with a year-long cache', async () => {
    const browser = new Browser(env.app);
    for (const url of ['/de', '/de/wmk', '/de/does-not-exist']) {
      await browser.get(url);
      const href = browser.html().querySelector('link[rel="icon"]')?.getAttribute('href');
      expect(href, url).toMatch(/^\/assets\/favicon\.svg\?v=[0-9a-f]{10}$/);
      const icon = await env.app.inject({ method: 'GET', url: href! });
      expect(icon.statusCode).toBe(200);
      expect(icon.headers['content-type']).toContain('image/svg+xml');
      expect(icon.headers['cache-control']).toContain('max-age=31536000');
    }
  });
});
