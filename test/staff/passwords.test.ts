import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.data.js';
import { passwordProblem } from '../../src/modules/staff/passwords.js';
import { staff } from '../../src/modules/staff/staff.table.js';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn, text } from '../helpers/browser.js';
import { BEFORE_EVENT, STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';

const env = useTestApp(BEFORE_EVENT);
const anna = { email: 'anna.schmidt@wmk.example', name: 'Anna Schmidt', organisationName: 'Werra-Meißner-Kreis', organisationSlug: 'wmk' };
const errorsOn = (browser: Browser) => browser.html().querySelectorAll('.error-summary li').map((li) => li.text.trim());

describe('password rules', () => {
  it('refuse common, breached-style and personal passwords', async () => {
    for (const password of [
      'passwort12345', 'Passwort1234!', 'Sommer2026!!', 'Hallo1234567!', 'qwertzuiop123', 'iloveyou12345', 'Schmetterling123',
      DEMO_PASSWORD, `${DEMO_PASSWORD}!`, 'Familientag2026', 'Werra-Meissner-Kreis',
    ]) expect(await passwordProblem(password, anna), password).toBe('staff.password.errors.weak');
    for (const password of ['anna.schmidt@wmk.example', 'ANNA.SCHMIDT2026!', 'xx-anna.schmidt-xx', 'Anna Schmidt 1980']) {
      expect(await passwordProblem(password, anna), password).toBe('staff.password.errors.personal');
    }
  });

  it('accept passphrases and random passwords', async () => {
    for (const password of ['Teekanne fliegt über Kassel', 'a much longer passphrase', 'Zj4k-p9Lq-x7Wm-R3tc']) {
      expect(await passwordProblem(password, anna), password).toBeUndefined();
    }
  });
});

describe('the password page', () => {
  it('refuses a weak password with the reason, on the same page with an error summary', async () => {
    const org = await createOrganisation(env.database.db, 'weak');
    await createStaff(env.database.db, org, 'desk');
    const browser = await signIn(env.app, 'weak', 'desk@weak.example', STAFF_PASSWORD);
    await browser.get('/en/weak/staff/password');
    const refused = await browser.post('/en/weak/staff/password', { current: STAFF_PASSWORD, password: 'Passwort1234!', repeat: 'Passwort1234!' });
    expect(refused.statusCode).toBe(400);
    expect(errorsOn(browser)).toEqual(['This password is too easy to guess: it is well known, too short or follows a pattern. Use several unusual words.']);
    expect(browser.html().querySelector('.error-summary a')!.getAttribute('href')).toBe('#field-password');
    await browser.post('/en/weak/staff/password', { current: STAFF_PASSWORD, password: 'desk@weak.example!', repeat: 'desk@weak.example!' });
    expect(errorsOn(browser)).toEqual(['The password must not contain your name or e-mail address.']);
    await browser.post('/en/weak/staff/password', { current: STAFF_PASSWORD, password: STAFF_PASSWORD, repeat: STAFF_PASSWORD });
    expect(errorsOn(browser)).toEqual(['The new password must differ from the current one.']);
  });
});

describe('a one-time password', () => {
  it('must be replaced at the first sign-in before any other staff page opens', async () => {
    const org = await createOrganisation(env.database.db, 'first');
    await createStaff(env.database.db, org, 'coordinator');
    const coordinator = await signIn(env.app, 'first', 'coordinator@first.example', STAFF_PASSWORD);
    await coordinator.get('/de/first/staff/people/new');
    await coordinator.post('/de/first/staff/people/new', { name: 'Lena Neu', email: 'lena@first.example', role: 'coordinator', active: 'on' });
    await coordinator.follow();
    const oneTime = text(coordinator.html(), '.one-time-password code')!;

    const lena = await signIn(env.app, 'first', 'lena@first.example', oneTime);
    for (const url of ['/de/first/staff', '/de/first/staff/people', '/de/first/staff/events', '/de/first/staff/audit']) {
      const response = await lena.get(url);
      expect([url, response.statusCode, response.headers.location]).toEqual([url, 303, '/de/first/staff/password']);
    }
    await lena.get('/de/first/staff/password');
    expect(lena.html().querySelector('.kern-alert--info')!.text).toContain('Einmal-Passwort');
    const post = await lena.post('/de/first/staff/people/new', { name: 'Heimlich', email: 'x@first.example', role: 'coordinator' });
    expect([post.statusCode, post.headers.location]).toEqual([303, '/de/first/staff/password']);
    expect(await env.database.db.select().from(staff).where(eq(staff.email, 'x@first.example'))).toEqual([]);

    await lena.get('/de/first/staff/password');
    const changed = await lena.post('/de/first/staff/password', { current: oneTime, password: 'Teekanne fliegt über Kassel', repeat: 'Teekanne fliegt über Kassel' });
    expect(changed.statusCode).toBe(200);
    expect((await lena.get('/de/first/staff/people')).statusCode).toBe(200);
    const [row] = await env.database.db.select().from(staff).where(eq(staff.email, 'lena@first.example'));
    expect(row!.mustChangePassword).toBe(false);
  });

  it('can still sign out before changing it', async () => {
    const org = await createOrganisation(env.database.db, 'out');
    const { id } = await createStaff(env.database.db, org, 'desk');
    await env.database.db.update(staff).set({ mustChangePassword: true }).where(eq(staff.id, id));
    const browser = await signIn(env.app, 'out', 'desk@out.example', STAFF_PASSWORD);
    await browser.get('/de/out/staff/password');
    const out = await browser.post('/de/out/staff/logout');
    expect([out.statusCode, out.headers.location]).toEqual([303, '/de/out/staff/login']);
  });
});
