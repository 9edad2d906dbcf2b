import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { BOM, csvField } from '../../src/modules/evaluation/csv.js';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn, text } from '../helpers/browser.js';
import { STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { evaluationFixture } from './fixture.js';

const env = useTestApp('2026-07-01T10:00:00Z');
let coordinator: Browser;
let fixture: Awaited<ReturnType<typeof evaluationFixture>>;

beforeAll(async () => {
  const db = env.database.db;
  fixture = await evaluationFixture(db);
  await createStaff(db, fixture.org, 'coordinator');
  const kassel = await createOrganisation(db, 'kassel');
  await createStaff(db, kassel, 'coordinator');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
});

/** A table of the page as rows of cell texts, the row header first. */
function table(html: ReturnType<typeof parse>, id: string) {
  return html.querySelectorAll(`#table-${id} tbody tr`).map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.replace(/\s+/g, ' ').trim()));
}

describe('evaluation figures on a known fixture', () => {
  it('shows each figure of the year, with small counts as "<5" and one complementary cell as "×"', async () => {
    const db = env.database.db;
    expect((await db.select().from(bookings)).every((b) => b.anonymisedAt !== null && b.childcare === false && b.interpreterLanguage === null)).toBe(true);
    await coordinator.get('/de/wmk/staff/evaluation');
    expect(coordinator.last.statusCode).toBe(200);
    const html = coordinator.html();
    expect(html.querySelector('select[name="year"] option[selected]')!.text).toBe('Jahr 1: Juni 2025 bis Mai 2026');
    expect(table(html, 'key-figures')).toEqual([
      ['Termine', '1'], ['online angebotene Zeiten', '12'], ['gebuchte Beratungen', '10'], ['Auslastung der angebotenen Zeiten', '83 %'],
      ['Beratungen ohne Termin', '7'], ['von einem anderen Tisch geschickt', '5'], ['Beratungen durchgeführt', '19'],
      ['gebucht, aber nicht gekommen', '<5'], ['Anteil nicht gekommen (an den gebuchten)', '–'], ['vor dem Aufruf gegangen', '<5'],
      ['Wartezeit bis zum Aufruf (Median)', '9 Minuten'], ['Wartezeit bis zum Aufruf (90 % warteten höchstens)', '16 Minuten'],
      ['Checklisten ausgefüllt', '14'], ['Familie wollte nicht antworten', '<5'], ['Checkliste übersprungen', '<5'],
      ['Anteil zum ersten Mal da (der Gefragten)', '–'],
    ]);
    const trend = table(html, 'trend');
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual(['Juni 2025', '1', '12', '10', '7', '19', '14']);
    expect(trend[1]).toEqual(['Juli 2025', '0', '0', '–', '–', '–', '–']);
    expect(table(html, 'heard-via')).toEqual([
      ['Flyer oder Plakat', '6'], ['QR-Code', '5'], ['soziale Medien', '<5'], ['Presse', '<5'], ['Kita oder Schule', '<5'], ['Jobcenter', '<5'],
      ['Familienzentrum', '<5'], ['von Bekannten', '<5'], ['anders', '<5'], ['nicht gefragt', '<5'],
    ]);
    // "not asked" (0) is the only small answer: with 14 in all and "yes" shown, "no" has to be hidden too.
    expect(table(html, 'first-visit')).toEqual([['ja', '9'], ['nein', '×'], ['nicht gefragt', '<5']]);
    expect(table(html, 'household')).toEqual([['alleinerziehend', '7'], ['Paar', '7'], ['andere', '<5'], ['nicht gefragt', '<5']]);
    expect(table(html, 'children')).toEqual([['1', '5'], ['2', '9'], ['3', '<5'], ['4 oder mehr', '<5'], ['nicht gefragt', '<5']]);
    expect(table(html, 'youngest-age')[0]).toEqual(['0–2 Jahre', '14']);
    expect(table(html, 'youngest-age').slice(1).every((row) => row[1] === '<5')).toBe(true);
    const languages = table(html, 'languages');
    expect(languages[0]).toEqual(['Deutsch', '10']);
    expect(languages.find((r) => r[0] === 'Arabisch')).toEqual(['Arabisch', '<5']);
    expect(languages.at(-1)).toEqual(['davon mit Dolmetschung', '<5']);
    expect(table(html, 'duration').find((r) => r[0] === '15–19 Minuten')).toEqual(['15–19 Minuten', '14']);
    expect(table(html, 'outcomes')).toEqual([
      ['Kindergeld', '14', '8', '6', '<5', '<5', '<5', '<5'],
      ['=HYPERLINK("http://x.invalid")', '<5', '<5', '<5', '<5', '<5', '<5', '<5'],
    ]);
    expect(table(html, 'referrals').every((row) => row[1] === '<5')).toBe(true);
    expect(table(html, 'needs')).toEqual([
      ['Buchungen', '10'], ['Kinderbetreuung gewünscht', '5'], ['barrierefreier Zugang gewünscht', '<5'], ['Dolmetschung gewünscht', '<5'],
      ['Dolmetschung: Arabisch', '<5'],
    ]);
  });

  it('shows no count below 5 anywhere on the page: not in a table, not in a chart', async () => {
    for (const query of ['', '?month=2025-06', `?venue=${fixture.org.venue.id}`, `?topic=${fixture.org.topic('kindergeld').id}`, `?topic=${fixture.org.topic('wohngeld').id}`]) {
      await coordinator.get(`/de/wmk/staff/evaluation${query}`);
      const html = coordinator.html();
      const cells = html.querySelectorAll('td.evaluation-table__count');
      expect(cells.length).toBeGreaterThan(20);
      for (const cell of cells) {
        const kind = cell.getAttribute('data-kind');
        const value = cell.text.trim();
        if (/^\d+$/.test(value) && Number(value) < 5) expect(kind, `${value} in ${query}`).toBe('public');
        if (kind === 'shown') expect(Number(value.replace(/\D/g, ''))).toBeGreaterThanOrEqual(5);
      }
      const labels = html.querySelectorAll('svg .evaluation-chart__value').map((t) => t.text.trim());
      for (const label of labels) expect(label === '<5' || label === '×' || label === '–' || Number(label) >= 5, `chart ${label}`).toBe(true);
      // No script draws the charts; each names the table that holds its numbers.
      expect(html.querySelectorAll('main script')).toHaveLength(0);
    }
    await coordinator.get('/de/wmk/staff/evaluation');
    const html = coordinator.html();
    const charts = html.querySelectorAll('figure.evaluation-chart');
    expect(charts.length).toBe(3);
    for (const chart of charts) {
      const link = chart.querySelector('figcaption a')!.getAttribute('href')!;
      expect(html.querySelector(link.replace('#', '#'))).not.toBeNull();
      expect(chart.querySelector('svg')!.getAttribute('role')).toBe('img');
    }
    // Hidden counts get no bar: the trend chart draws June's two bars and nothing for the months without an event.
    expect(html.querySelectorAll('#chart-trend-title').length).toBe(1);
    expect(charts[0]!.querySelectorAll('rect').length).toBe(2 + 2);
  });

  it('reads the same cells through the filters: a month, the venue, a topic not offered', async () => {
    await coordinator.get('/de/wmk/staff/evaluation?month=2025-06');
    expect(table(coordinator.html(), 'key-figures')[2]).toEqual(['gebuchte Beratungen', '10']);
    expect(coordinator.html().querySelector('#table-trend')).toBeNull();
    await coordinator.get(`/de/wmk/staff/evaluation?topic=${fixture.org.topic('wohngeld').id}`);
    expect(table(coordinator.html(), 'key-figures')[2]).toEqual(['gebuchte Beratungen', '–']);
    await coordinator.get('/de/wmk/staff/evaluation?month=2025-07');
    expect(text(coordinator.html(), 'main [role="status"]')).toContain('keinen Termin');
    await coordinator.get('/de/wmk/staff/evaluation?year=x&month=1999-01&venue=abc&topic=%27');
    expect(coordinator.last.statusCode).toBe(200);
    expect(table(coordinator.html(), 'key-figures')[2]).toEqual(['gebuchte Beratungen', '10']);
  });

  it('exports each table as CSV with a byte order mark, semicolons and the same suppressed cells', async () => {
    const response = await coordinator.get('/de/wmk/staff/evaluation/heard-via.csv?year=0');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="auswertung-wmk-heard-via-jahr1.csv"');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body).toBe(`${BOM}Antwort;Anzahl\r\nFlyer oder Plakat;6\r\nQR-Code;5\r\nsoziale Medien;<5\r\nPresse;<5\r\nKita oder Schule;<5\r\n`
      + 'Jobcenter;<5\r\nFamilienzentrum;<5\r\nvon Bekannten;<5\r\nanders;<5\r\nnicht gefragt;<5\r\n');
    const outcomes = await coordinator.get('/de/wmk/staff/evaluation/outcomes.csv');
    const lines = outcomes.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('Leistung;besprochen;Antrag ausgefüllt;Antrag begonnen;Unterlagen fehlen;wahrscheinlich kein Anspruch;bezieht die Leistung schon;weitervermittelt');
    expect(lines[1]).toBe('Kindergeld;14;8;6;<5;<5;<5;<5');
    // The staff-typed name cannot run as a formula in a spreadsheet.
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x.invalid"")";<5;<5;<5;<5;<5;<5;<5`);
    const keyFigures = await coordinator.get('/de/wmk/staff/evaluation/key-figures.csv');
    expect(keyFigures.body).toContain('Wartezeit bis zum Aufruf (Median);9 Minuten\r\n');
    expect((await coordinator.get('/de/wmk/staff/evaluation/nothing.csv')).statusCode).toBe(404);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", `"'\r=1"`]);
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('<5')).toBe('<5');
    expect(csvField('Kindergeld')).toBe('Kindergeld');
  });

  it('shows another county nothing of this one', async () => {
    const kassel = await signIn(env.app, 'kassel', 'coordinator@kassel.example', STAFF_PASSWORD);
    await kassel.get('/de/kassel/staff/evaluation');
    expect(kassel.last.statusCode).toBe(200);
    expect(kassel.html().querySelectorAll('table')).toHaveLength(0);
    expect(text(kassel.html(), 'main')).toContain('Noch kein Auswertungsjahr ist abgeschlossen');
    expect((await kassel.get('/de/wmk/staff/evaluation')).statusCode).toBe(403);
    expect((await kassel.get('/de/wmk/staff/evaluation/heard-via.csv')).statusCode).toBe(403);
  });
});
