import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { bookings } from '../../src/modules/booking/booking.table.js';
import { tickets } from '../../src/modules/queue/queue.table.js';
import { useTestApp } from '../helpers/app.js';
import { Browser, signIn, text } from '../helpers/browser.js';
import { resetDatabase } from '../helpers/db.js';
import {
  BEFORE_EVENT, STAFF_PASSWORD, type OrganisationFixture, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const { clock } = env;

let org: OrganisationFixture;
let eventId: number;
let family: { bookingId: number; code: string };
let front: Browser;

beforeEach(async () => {
  clock.set(BEFORE_EVENT);
  await resetDatabase(env.database);
  const db = env.database.db;
  org = await createOrganisation(db);
  const created = await createEvent(db, org);
  eventId = created.event.id;
  const [first] = await slotsOfDesk(db, created.deskIds[0]!);
  family = await createBooking(db, org, created.event, [{ topicKey: 'kindergeld', slotId: first!.id }], 'Jane Doe');
  // The family booked in English.
  await db.update(bookings).set({ language: 'en' }).where(eq(bookings.id, family.bookingId));
  await createStaff(db, org, 'desk');
  await createStaff(db, org, 'coordinator');
  clock.set('2027-03-10T12:50:00Z');
  front = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
});

const staffUrl = (path: string) => `/de/wmk/staff/events/${eventId}${path}`;
const ticketPath = (browser: Browser) => new URL(text(browser.html(), '.slip__link')!).pathname;

async function checkIn() {
  await front.get(staffUrl('/board'));
  await front.post(staffUrl('/check-in'), { bookingId: String(family.bookingId) });
  await front.follow();
}

describe('the ticket slip', () => {
  it('is printed in the booking\'s language, and so is the ticket page it leads to, while the desk\'s screen stays German', async () => {
    await checkIn();
    const slip = front.html().querySelector('article.slip')!;
    expect(slip.getAttribute('lang')).toBe('en');
    expect(text(slip, '.slip__label')).toBe('Your number');
    expect(text(slip, '.slip__hint')).toContain('Scan the code');
    expect(slip.querySelector('.qr-code')!.getAttribute('aria-label')).toBe('QR code to your waiting time');
    expect(text(front.html(), '.back-link')).toBe('Zurück zur Tagesübersicht');
    expect(front.html().querySelector('html')!.getAttribute('lang')).toBe('de');

    const path = ticketPath(front);
    expect(path).toMatch(/^\/en\/wmk\/ticket\//);
    const phone = new Browser(env.app);
    await phone.get(path);
    expect(phone.html().querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(text(phone.html(), 'h1')).toContain('Your number');
    expect(text(phone.html(), 'main')).toContain('You are next.');
    expect(phone.last.body).not.toContain('Ihre Nummer');
    expect(text(phone.html(), 'main')).toContain('Desk 1');
    expect(phone.last.body).not.toContain('Tisch');
  });

  it('is printed for a walk-in in the language chosen at the desk', async () => {
    await front.get(staffUrl('/walk-in'));
    await front.post(staffUrl('/walk-in'), { language: 'en', topicIds: String(org.topic('kindergeld').id) });
    await front.follow();
    expect(front.html().querySelector('article.slip')!.getAttribute('lang')).toBe('en');
    expect(text(front.html(), '.slip__label')).toBe('Your number');
    const phone = new Browser(env.app);
    await phone.get(ticketPath(front));
    expect(text(phone.html(), 'h1')).toContain('Your number');
  });

  it('can be reprinted with a QR code: the same code at the desk that made it, a new one elsewhere, and the old one then stops working', async () => {
    await checkIn();
    const [ticket] = await env.database.db.select().from(tickets);
    const firstPath = ticketPath(front);

    // Printed again at the same desk: the same code.
    await front.get(staffUrl(`/tickets/${ticket!.id}`));
    expect(front.html().querySelector('.slip .qr-code svg')).not.toBeNull();
    expect(ticketPath(front)).toBe(firstPath);

    // Another screen cannot know the code (only its hash is stored): one button makes a new slip with a new code.
    const other = await signIn(env.app, 'wmk', 'coordinator@wmk.example', STAFF_PASSWORD);
    await other.get(staffUrl(`/tickets/${ticket!.id}`));
    expect(other.html().querySelector('.slip .qr-code')).toBeNull();
    const reprint = other.html().querySelector(`form[action="${staffUrl(`/tickets/${ticket!.id}/new-link`)}"] button`);
    expect(reprint).not.toBeNull();
    expect((await other.post(staffUrl(`/tickets/${ticket!.id}/new-link`))).statusCode).toBe(303);
    await other.follow();
    expect(other.html().querySelector('.slip .qr-code svg')).not.toBeNull();
    const secondPath = ticketPath(other);
    expect(secondPath).not.toBe(firstPath);
    expect(secondPath).toMatch(/^\/en\/wmk\/ticket\//);

    const phone = new Browser(env.app);
    expect((await phone.get(firstPath)).statusCode).toBe(404);
    expect((await phone.get(secondPath)).statusCode).toBe(200);
    // Reloaded for a second print, the new slip keeps its code.
    await other.get(staffUrl(`/tickets/${ticket!.id}`));
    expect(ticketPath(other)).toBe(secondPath);
  });
});
