import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { organisations, topics, venues } from '../../src/modules/organisations/organisations.table.js';
import { staff, staffTopics } from '../../src/modules/staff/staff.table.js';
import { buildTestApp, useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createOrganisation, createStaff } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
let org: OrganisationFixture;
let coordinator: Browser;

beforeEach(async () => {
  await resetDatabase(env.database);
  org = await createOrganisation(env.database.db);
  await createStaff(env.database.db, org, 'coordinator');
  coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
});

const errorsOn = (browser: Browser) => browser.html().querySelectorAll('.error-summary li').map((li) => li.text.trim());

describe('venues', () => {
  it('adds a venue with directions per language, keeping the input when something is wrong', async () => {
    await coordinator.get('/de/wmk/staff/venues/new');
    const typed = { name: 'Familienzentrum Witzenhausen', street: 'Am Markt 3', postcode: '3721', town: 'Witzenhausen', directions_de: 'Bus 210', directions_en: '' };
    const rejected = await coordinator.post('/de/wmk/staff/venues/new', typed);
    expect(rejected.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Geben Sie eine Postleitzahl mit 5 Ziffern ein.']);
    expect(coordinator.html().querySelector('#field-name')?.getAttribute('value')).toBe('Familienzentrum Witzenhausen');
    expect(coordinator.html().querySelector('#field-directions_de')?.text).toBe('Bus 210');

    const saved = await coordinator.post('/de/wmk/staff/venues/new', { ...typed, postcode: '37213', stepFree: 'on' });
    expect(saved.statusCode).toBe(303);
    await coordinator.follow();
    expect(coordinator.last.body).toContain('Familienzentrum Witzenhausen');
    const [row] = await env.database.db.select().from(venues).where(eq(venues.name, 'Familienzentrum Witzenhausen'));
    expect(row).toMatchObject({ postcode: '37213', stepFree: true, directions: { de: 'Bus 210' }, organisationId: org.organisation.id });
  });

  it('edits a venue, and a venue of another county is not found', async () => {
    const other = await createOrganisation(env.database.db, 'kassel');
    expect((await coordinator.get(`/de/wmk/staff/venues/${other.venue.id}`)).statusCode).toBe(404);
    await coordinator.get(`/de/wmk/staff/venues/${org.venue.id}`);
    expect(coordinator.html().querySelector('#field-street')?.getAttribute('value')).toBe('Marktplatz 1');
    await coordinator.post(`/de/wmk/staff/venues/${org.venue.id}`, {
      name: 'Mehrgenerationenhaus', street: 'Marktplatz 2', postcode: '37269', town: 'Eschwege', directions_de: 'Hinterhof', directions_en: 'Back yard',
    });
    const [row] = await env.database.db.select().from(venues).where(eq(venues.id, org.venue.id));
    expect(row).toMatchObject({ name: 'Mehrgenerationenhaus', stepFree: false, directions: { de: 'Hinterhof', en: 'Back yard' } });
  });
});

describe('topics', () => {
  it('adds a topic with names and documents per language, one document per line', async () => {
    await coordinator.get('/de/wmk/staff/topics/new');
    const response = await coordinator.post('/de/wmk/staff/topics/new', {
      name_de: 'Unterhaltsvorschuss', name_en: 'Child maintenance advance', description_de: '', description_en: '',
      documents_de: 'Geburtsurkunde\n\n Unterhaltstitel ', documents_en: 'Birth certificate', defaultSlotMinutes: '45', sortOrder: '5',
    });
    expect(response.statusCode).toBe(303);
    const [row] = await env.database.db.select().from(topics).where(eq(topics.key, 'unterhaltsvorschuss'));
    expect(row).toMatchObject({
      name: { de: 'Unterhaltsvorschuss', en: 'Child maintenance advance' }, description: null,
      documents: { de: ['Geburtsurkunde', 'Unterhaltstitel'], en: ['Birth certificate'] }, defaultSlotMinutes: 45,
    });
    await coordinator.follow();
    expect(coordinator.last.body).toContain('Unterhaltsvorschuss');
  });

  it('needs a German name, refuses a second topic of the same name, and keeps the key when renamed', async () => {
    await coordinator.get('/de/wmk/staff/topics/new');
    await coordinator.post('/de/wmk/staff/topics/new', { name_de: '', name_en: 'Only English', defaultSlotMinutes: '30', sortOrder: '1' });
    expect(coordinator.last.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Geben Sie den deutschen Namen des Themas ein.']);
    expect(coordinator.html().querySelector('#field-name_en')?.getAttribute('value')).toBe('Only English');
    await coordinator.post('/de/wmk/staff/topics/new', { name_de: 'Kindergeld', defaultSlotMinutes: '30', sortOrder: '1' });
    expect(coordinator.last.statusCode).toBe(409);
    expect(errorsOn(coordinator)).toEqual(['Ein Thema mit diesem Namen gibt es schon.']);

    const kindergeld = org.topic('kindergeld');
    await coordinator.get(`/de/wmk/staff/topics/${kindergeld.id}`);
    expect(coordinator.html().querySelector('#field-documents_de')?.text).toBe('Steuer-ID jedes Kindes');
    await coordinator.post(`/de/wmk/staff/topics/${kindergeld.id}`, {
      name_de: 'Kindergeld (Familienkasse)', documents_de: 'Steuer-ID jedes Kindes\nGeburtsurkunde', defaultSlotMinutes: '20', sortOrder: '1',
    });
    const [row] = await env.database.db.select().from(topics).where(eq(topics.id, kindergeld.id));
    expect(row).toMatchObject({ key: 'kindergeld', name: { de: 'Kindergeld (Familienkasse)' }, defaultSlotMinutes: 20 });
    expect(row!.documents.de).toEqual(['Steuer-ID jedes Kindes', 'Geburtsurkunde']);
  });
});

describe('people', () => {
  it('creates an expert with a one-time password shown once, with which they can sign in', async () => {
    await coordinator.get('/de/wmk/staff/people/new');
    const created = await coordinator.post('/de/wmk/staff/people/new', {
      name: 'Sara Yilmaz', email: 'Sara.Yilmaz@Kreis.example', role: 'expert', topicIds: [String(org.topic('wohngeld').id)], active: 'on',
    });
    expect(created.statusCode).toBe(303);
    const personUrl = created.headers.location as string;
    await coordinator.follow();
    const password = text(coordinator.html(), '.one-time-password code')!;
    expect(password).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    await coordinator.get(personUrl);
    expect(coordinator.html().querySelector('.one-time-password')).toBeNull();

    const [person] = await env.database.db.select().from(staff).where(eq(staff.email, 'sara.yilmaz@kreis.example'));
    expect(person).toMatchObject({ role: 'expert', active: true });
    expect(person!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await env.database.db.select().from(staffTopics).where(eq(staffTopics.staffId, person!.id))).toEqual([{ staffId: person!.id, topicId: org.topic('wohngeld').id }]);
    expect(person!.mustChangePassword).toBe(true);
    const sara = await signIn(env.app, 'wmk', 'sara.yilmaz@kreis.example', password);
    expect((await sara.get('/de/wmk/staff')).headers.location).toBe('/de/wmk/staff/password');
  });

  it('refuses a second account with the same address, keeping what was typed', async () => {
    await coordinator.get('/de/wmk/staff/people/new');
    await coordinator.post('/de/wmk/staff/people/new', { name: 'Noch einmal', email: 'COORDINATOR@wmk.example', role: 'desk' });
    expect(coordinator.last.statusCode).toBe(409);
    expect(errorsOn(coordinator)).toEqual(['Mit dieser E-Mail-Adresse gibt es schon einen Zugang.']);
    expect(coordinator.html().querySelector('#field-name')?.getAttribute('value')).toBe('Noch einmal');
  });

  it('blocks a person at once: their open session ends', async () => {
    const { id } = await createStaff(env.database.db, org, 'desk');
    const desk = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
    await coordinator.get(`/de/wmk/staff/people/${id}`);
    const saved = await coordinator.post(`/de/wmk/staff/people/${id}`, { name: 'desk wmk', role: 'desk' });
    expect(saved.statusCode).toBe(303);
    const [row] = await env.database.db.select().from(staff).where(eq(staff.id, id));
    expect(row!.active).toBe(false);
    const afterwards = await desk.get('/de/wmk/staff');
    expect(afterwards.statusCode).toBe(303);
    expect(afterwards.headers.location).toBe('/de/wmk/staff/login');
    await desk.get('/de/wmk/staff/login');
    expect((await desk.post('/de/wmk/staff/login', { email: 'desk@wmk.example', password: STAFF_PASSWORD })).statusCode).toBe(401);
  });

  it('does not let coordinators lock themselves out', async () => {
    const [me] = await env.database.db.select().from(staff).where(eq(staff.email, 'coordinator@wmk.example'));
    await coordinator.get(`/de/wmk/staff/people/${me!.id}`);
    await coordinator.post(`/de/wmk/staff/people/${me!.id}`, { name: 'coordinator wmk', role: 'desk', active: 'on' });
    expect(coordinator.last.statusCode).toBe(409);
    const [after] = await env.database.db.select().from(staff).where(eq(staff.id, me!.id));
    expect(after).toMatchObject({ role: 'coordinator', active: true });
  });

  it('resets a forgotten password only when confirmed, and the old one stops working', async () => {
    const { id } = await createStaff(env.database.db, org, 'expert');
    const expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    await coordinator.get(`/de/wmk/staff/people/${id}`);
    expect((await coordinator.post(`/de/wmk/staff/people/${id}/password`, {})).statusCode).toBe(400);
    await coordinator.post(`/de/wmk/staff/people/${id}/password`, { confirm: 'yes' });
    await coordinator.follow();
    const password = text(coordinator.html(), '.one-time-password code')!;
    expect((await expert.get('/de/wmk/staff')).headers.location).toBe('/de/wmk/staff/login');
    await expect(signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD)).rejects.toThrow(/401/);
    await signIn(env.app, 'wmk', 'expert@wmk.example', password);
    const [after] = await env.database.db.select().from(staff).where(eq(staff.id, id));
    expect(after!.mustChangePassword).toBe(true);
  });
});

describe('audit log page', () => {
  it('shows who did what, without any family data', async () => {
    await coordinator.get('/de/wmk/staff/audit');
    const rows = coordinator.html().querySelectorAll('tbody tr').map((tr) => tr.text.replace(/\s+/g, ' '));
    expect(rows[0]).toContain('coordinator wmk');
    expect(rows[0]).toContain('Anmeldung');
  });
});

describe('the county\'s settings', () => {
  it('change contact, legal details and the rules of the day, refuse what is out of range, and show up on the public pages', async () => {
    await coordinator.get('/de/wmk/staff/settings');
    expect(coordinator.html().querySelector('#field-retentionDays')?.getAttribute('value')).toBe('14');
    const fields = {
      contactPhone: '05651 302-1234', contactEmail: 'familie@kreis.example', postalAddress: 'Schlossplatz 1, 37269 Eschwege',
      representedBy: 'den Landrat', dataProtectionContact: 'Frau Datenschutz, datenschutz@kreis.example',
      bookingOpensDaysBefore: '45', bookingClosesHoursBefore: '3', reminderHoursBefore: '24', retentionDays: '120', callsBeforeNoShow: '2',
    };
    await coordinator.post('/de/wmk/staff/settings', fields);
    expect(coordinator.last.statusCode).toBe(400);
    expect(errorsOn(coordinator)).toEqual(['Geben Sie eine Zahl von 1 bis 90 ein.']);
    expect(coordinator.html().querySelector('#field-postalAddress')?.getAttribute('value')).toBe('Schlossplatz 1, 37269 Eschwege');

    await coordinator.post('/de/wmk/staff/settings', { ...fields, retentionDays: '7' });
    expect(coordinator.last.statusCode).toBe(303);
    const [row] = await env.database.db.select().from(organisations).where(eq(organisations.id, org.organisation.id));
    expect(row).toMatchObject({
      contactPhone: '05651 302-1234', retentionDays: 7, reminderHoursBefore: 24, callsBeforeNoShow: 2, bookingOpensDaysBefore: 45, representedBy: 'den Landrat',
    });
    const imprint = await env.app.inject('/de/wmk/imprint');
    expect(imprint.body).toContain('Vertreten durch den Landrat.');
    expect((await env.app.inject('/de/wmk/privacy')).body).toContain('7 Tage nach dem Termin');
  });
});

describe('the county as every server process knows it', () => {
  it('a settings change made on one process shows at once on the pages of another process on the same database', async () => {
    const other = await buildTestApp(env.database, env.clock);
    try {
      // The other process has read the county (and would keep it) before the change.
      expect((await other.inject('/de/wmk/imprint')).body).not.toContain('Vertreten durch die Landrätin.');
      await coordinator.get('/de/wmk/staff/settings');
      const current = Object.fromEntries(
        coordinator.html().querySelectorAll('input[id^="field-"]').map((input) => [input.getAttribute('name')!, input.getAttribute('value') ?? '']),
      );
      await coordinator.post('/de/wmk/staff/settings', { ...current, representedBy: 'die Landrätin' });
      expect(coordinator.last.statusCode).toBe(303);
      // On PostgreSQL the signal travels through LISTEN/NOTIFY: the other process hears it within moments.
      await expect.poll(async () => (await other.inject('/de/wmk/imprint')).body, { timeout: 5_000 }).toContain('Vertreten durch die Landrätin.');
      expect((await env.app.inject('/de/wmk/imprint')).body).toContain('Vertreten durch die Landrätin.');
    } finally {
      await other.close();
    }
  });
});
