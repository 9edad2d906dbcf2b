import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn } from '../helpers/browser.js';
import { STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { pdfPages, pdfText } from '../helpers/pdf.js';
import { evaluationFixture } from './fixture.js';

const env = useTestApp('2026-07-01T10:00:00Z');
let coordinator: Browser;
let otherCounty: Browser;
let desk: Browser;

beforeAll(async () => {
  const db = env.database.db;
  const fixture = await evaluationFixture(db);
  await createStaff(db, fixture.org, 'coordinator');
  await createStaff(db, fixture.org, 'desk');
  const kassel = await createOrganisation(db, 'kassel');
  await createStaff(db, kassel, 'coordinator');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
  desk = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
  otherCounty = await signIn(env.app, 'kassel', 'coordinator@kassel.example', STAFF_PASSWORD);
});

describe('the pilot report PDF', () => {
  it('is linked from the evaluation and holds its suppressed tables on at most two pages, in German and English', async () => {
    await coordinator.get('/de/wmk/staff/evaluation');
    const page = coordinator.html();
    const link = page.querySelector('a[href*="/evaluation/report.pdf"]');
    expect(link?.text).toBe('Pilotbericht als PDF (die Tabellen dieser Auswahl)');
    const response = await coordinator.get(link!.getAttribute('href')!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Pilotbericht Kreis wmk');
    expect(text).toContain('Jahr 1: Juni 2025 bis Mai 2026');
    // The same figures as the page's key-figures table (evaluation.test.ts), small counts as "<5".
    expect(text).toMatch(/gebuchte Beratungen 10/);
    expect(text).toMatch(/gebucht, aber nicht gekommen <5/);
    expect(text).toMatch(/Checklisten ausgefüllt 14/);
    expect(text).toContain('Seite 1 von');
    expect(pdfPages(response.rawPayload)).toBeLessThanOrEqual(2);
    // Every count cell of the page's tables is printed as the page shows it (suppressed there already).
    const cells = page.querySelectorAll('#table-heard-via tbody tr, #table-needs tbody tr')
      .map((row) => row.querySelectorAll('th, td').map((cell) => cell.text.trim()).join(' '));
    expect(cells.length).toBeGreaterThan(10);
    for (const row of cells) expect(text).toContain(row);

    const english = await coordinator.get('/en/wmk/staff/evaluation/report.pdf');
    expect(pdfText(english.rawPayload)).toContain('Pilot report Kreis wmk');
  });

  it('takes the page\'s filter, and is for coordinators of the county only', async () => {
    const filtered = await coordinator.get('/de/wmk/staff/evaluation/report.pdf?year=0&month=2025-06');
    expect(pdfText(filtered.rawPayload)).toContain('Juni 2025');
    expect((await desk.get('/de/wmk/staff/evaluation/report.pdf')).statusCode).toBe(403);
    expect((await otherCounty.get('/de/wmk/staff/evaluation/report.pdf')).statusCode).toBe(403);
  });
});
