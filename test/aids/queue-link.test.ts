import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import {
  STAFF_PASSWORD, assignExpert, createBooking, createEvent, createOrganisation, createStaff, slotsOfDesk,
} from '../helpers/fixtures.js';
import { checkIn } from '../../src/modules/queue/checkin.service.js';
import { callNext } from '../../src/modules/queue/calling.service.js';

// On the event day, shortly before the first appointment.
const env = useTestApp('2027-03-10T12:55:00Z');

describe('the aids from the expert’s queue page', () => {
  it('links the aids for the desk’s topics in the family’s language while a family is at the desk', async () => {
    const db = env.database.db;
    const org = await createOrganisation(db);
    const { event, deskIds } = await createEvent(db, org);
    const expert = await createStaff(db, org, 'expert');
    const desk = await createStaff(db, org, 'desk');
    await assignExpert(db, deskIds[0]!, expert.id);
    const [slot] = await slotsOfDesk(db, deskIds[0]!);
    const booking = await createBooking(db, org, event, [{ topicKey: 'kindergeld', slotId: slot!.id }]);
    const now = env.clock();
    await checkIn(db, { organisationId: org.organisation.id, staffId: desk.id, eventId: event.id, bookingId: booking.bookingId, now });
    const browser = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    const queueUrl = `/de/wmk/staff/events/${event.id}/desks/${deskIds[0]}/queue`;
    await browser.get(queueUrl);
    expect(browser.html().querySelectorAll('a').some((a) => a.text === 'Ausfüllhilfe für diese Familie')).toBe(false);
    await callNext(db, { organisationId: org.organisation.id, eventId: event.id, deskId: deskIds[0]!, now });
    await browser.get(queueUrl);
    const link = browser.html().querySelectorAll('a').find((a) => a.text === 'Ausfüllhilfe für diese Familie');
    expect(link?.getAttribute('href')).toBe('/de/wmk/staff/aids?for=kindergeld&lang=de');
    await browser.get(link!.getAttribute('href')!);
    const lists = browser.html().querySelectorAll('main ul.aid-list');
    expect(lists[0]!.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')])).toEqual([['Kindergeld', '/de/wmk/staff/aids/kindergeld?lang=de']]);
    expect(lists[1]!.querySelectorAll('a')).toHaveLength(5);
    await browser.get('/de/wmk/staff/aids/kindergeld?lang=en');
    expect(browser.html().querySelector('#field-familyLang option[selected]')?.getAttribute('value')).toBe('en');
  });
});
