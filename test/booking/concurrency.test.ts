import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { confirmBooking } from '../../src/modules/booking/booking.service.js';
import { bookingItems, bookings } from '../../src/modules/booking/booking.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import { BEFORE_EVENT, createEvent, createOrganisation, slotsOfDesk } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;

describe(`one slot, many families (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('50 parallel bookings of the same slot: exactly one succeeds, 49 are sent to the "just taken" page', async () => {
    await resetDatabase(env.database);
    const org = await createOrganisation(env.database.db);
    const { event } = await createEvent(env.database.db, org, { desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'] }] });
    const base = `/de/wmk/events/${event.id}/book`;

    const families = Array.from({ length: 50 }, () => new Browser(env.app));
    let chosen = '';
    for (const [index, family] of families.entries()) {
      await family.get(`${base}/topics`);
      await family.post(`${base}/topics`, { topics: String(org.topic('kindergeld').id) });
      await family.follow();
      chosen ||= family.html().querySelector('input[name="itinerary"]')!.getAttribute('value')!;
      await family.post(`${base}/time`, { itinerary: chosen });
      await family.post(`${base}/contact`, { name: `Family ${index}` });
      await family.post(`${base}/needs`, { language: 'de', interpreter: 'none' });
      await family.follow();
    }

    const responses = await Promise.all(families.map((family) => family.post(`${base}/check`, { consent: 'yes' })));
    const targets = responses.map((r) => r.headers.location as string);
    expect(responses.every((r) => r.statusCode === 303)).toBe(true);
    expect(targets.filter((t) => t.includes('?confirmed=1'))).toHaveLength(1);
    expect(targets.filter((t) => t === `${base}/time?change=1`)).toHaveLength(49);
    const late = families[targets.findIndex((t) => t.endsWith('/time?change=1'))]!;
    expect((await late.follow()).body).toContain('Diese Zeit ist gerade vergeben worden');

    const [slotId] = chosen.split('.').slice(1).map(Number);
    const holders = await env.database.db.select().from(bookingItems).where(eq(bookingItems.slotId, slotId!));
    expect(holders).toHaveLength(1);
    expect(await env.database.db.select().from(bookings)).toHaveLength(1);
  });

  it('the database itself refuses a second active item on a slot, whatever the application checks', async () => {
    await resetDatabase(env.database);
    const org = await createOrganisation(env.database.db);
    const { event, deskIds } = await createEvent(env.database.db, org, { desks: [{ label: 'Tisch 1', topicKeys: ['kindergeld'] }] });
    const [slot] = await slotsOfDesk(env.database.db, deskIds[0]!);
    const input = {
      event, topicIds: [org.topic('kindergeld').id], stops: [{ topicId: org.topic('kindergeld').id, slotId: slot!.id }],
      contact: { name: 'A', email: '', phone: '' }, needs: { language: 'de' as const, interpreter: 'none' as const, childcare: false, stepFree: false },
      now: clock(),
      bookingsPerEmail: 2,
    };
    const { bookingId } = await confirmBooking(env.database.db, input);
    await expect(
      env.database.db.insert(bookingItems).values({ bookingId, topicId: org.topic('kindergeld').id, slotId: slot!.id }),
    ).rejects.toMatchObject({ cause: { code: '23505' } });
    await env.database.db.update(bookingItems).set({ active: false });
    await expect(
      env.database.db.insert(bookingItems).values({ bookingId, topicId: org.topic('kindergeld').id, slotId: slot!.id }),
    ).resolves.toBeDefined();
  });
});
