import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/lib/i18n.js';
import { authoritiesOf } from '../../src/modules/benefits/authorities.repository.js';
import { generalDocumentList } from '../../src/modules/benefits/rules.js';
import { seedDemo } from '../../src/modules/demo/demo.seed.js';
import { organisations, topics } from '../../src/modules/organisations/organisations.table.js';
import { useTestApp } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);

describe('authorities per benefit, kept by the coordinator', () => {
  it('saves them, keeps the input with a translated error when an address is wrong, and keeps each county to its own', async () => {
    const db = env.database.db;
    const org = await createOrganisation(db, 'wmk');
    const other = await createOrganisation(db, 'kassel');
    await createStaff(db, org, 'coordinator');
    const coordinator = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await coordinator.get('/en/wmk/staff/authorities');
    expect(coordinator.html().querySelectorAll('fieldset legend').map((l) => l.text)).toEqual([
      'Child benefit (Kindergeld)', 'Child supplement (Kinderzuschlag)', 'Housing benefit (Wohngeld)',
      'Advance maintenance (Unterhaltsvorschuss)', 'Basic income support (Jobcenter, formerly Bürgergeld)', 'Education and participation (BuT)',
    ]);
    const typed = {
      name_wohngeld: 'Fachdienst 4.7 Wohngeld', address_wohngeld: 'Schlossplatz 1\r\n37269 Eschwege', openingHours_wohngeld: 'Mo–Fr 8–12 Uhr',
      phone_wohngeld: '05651 302-0', email_wohngeld: 'wohngeld@example', onlineService_wohngeld: 'http://wohngeld.example',
    };
    expect((await coordinator.post('/en/wmk/staff/authorities', typed)).statusCode).toBe(400);
    expect(coordinator.html().querySelectorAll('.error-summary li').map((li) => li.text.trim())).toEqual([
      'Enter a valid e-mail address or leave the field empty.', 'Enter an address starting with https://, or leave the field empty.',
    ]);
    expect(coordinator.html().querySelector('#field-name_wohngeld')?.getAttribute('value')).toBe('Fachdienst 4.7 Wohngeld');
    expect(await authoritiesOf(db, org.organisation.id)).toEqual(new Map());

    const saved = await coordinator.post('/en/wmk/staff/authorities', { ...typed, email_wohngeld: 'wohngeld@example.org', onlineService_wohngeld: 'https://wohngeld.example' });
    expect(saved.statusCode).toBe(303);
    await coordinator.follow();
    expect(coordinator.html().querySelector('.kern-alert--success')?.text.trim()).toBe('The authorities are saved.');
    expect(coordinator.html().querySelector('#field-address_wohngeld')?.text).toBe('Schlossplatz 1\n37269 Eschwege');
    const rows = await authoritiesOf(db, org.organisation.id);
    expect([...rows.keys()]).toEqual(['wohngeld']);
    expect(rows.get('wohngeld')).toMatchObject({ name: 'Fachdienst 4.7 Wohngeld', email: 'wohngeld@example.org', openingHours: 'Mo–Fr 8–12 Uhr' });
    expect(await authoritiesOf(db, other.organisation.id)).toEqual(new Map());

    // An empty name removes the entry.
    await coordinator.post('/en/wmk/staff/authorities', { name_wohngeld: '' });
    expect(await authoritiesOf(db, org.organisation.id)).toEqual(new Map());
  });

  it('declares the page for coordinators only', () => {
    const roles = (method: string) => env.app.staffRoutes.find((r) => r.method === method && r.url === '/:lang/:org/staff/authorities')?.roles;
    expect(roles('GET')).toEqual(['coordinator']);
    expect(roles('POST')).toEqual(['coordinator']);
  });
});

describe('the demo takes its documents and authorities from the rules table', () => {
  it('fills each county’s topics from the rules, names each county’s own Jobcenter and no other', async () => {
    const db = env.database.db;
    await resetDatabase(env.database);
    expect(await seedDemo(db, new Date('2026-11-21T09:00:00Z'))).toBe(true);
    for (const slug of ['wmk', 'kassel']) {
      const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
      const rows = await db.select().from(topics).where(eq(topics.organisationId, org!.id));
      const kindergeld = rows.find((t) => t.key === 'kindergeld')!;
      expect(kindergeld.documents).toEqual(generalDocumentList('kindergeld'));
      expect(rows.find((t) => t.key === 'unterhaltsvorschuss')!.documents).toEqual(generalDocumentList('unterhaltsvorschuss'));
      const authorities = await authoritiesOf(db, org!.id);
      expect([...authorities.keys()].sort()).toEqual(['buergergeld', 'but', 'kindergeld', 'kinderzuschlag', 'unterhaltsvorschuss', 'wohngeld']);
      if (slug === 'kassel') {
        expect(JSON.stringify(rows)).not.toMatch(/Werra|Meißner/);
        expect(JSON.stringify([...authorities.values()])).not.toMatch(/Werra|Meißner|Eschwege/);
      } else {
        expect(authorities.get('buergergeld')!.name).toBe('Jobcenter Werra-Meißner');
      }
      const buergergeld = rows.find((t) => t.key === 'buergergeld')!.name;
      expect(buergergeld).toMatchObject({ de: 'Grundsicherung (Jobcenter)', en: 'Basic income support (Jobcenter)' });
      expect(Object.keys(buergergeld).sort()).toEqual([...LANGUAGES].sort()); // the demo names its topics in every family language
      for (const name of Object.values(buergergeld)) expect(name).toContain('Jobcenter');
    }
  });
});
