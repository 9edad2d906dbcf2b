import { describe, expect, it } from 'vitest';
import { BENEFITS } from '../../src/modules/benefits/benefits.js';
import { AIDS } from '../../src/modules/benefits/forms.data.js';
import { hasRepeat, inputsOf } from '../../src/modules/aids/aid.fields.js';
import { taxIdCheckDigit } from '../../src/modules/benefits/identifiers.js';
import { useLoggingTestApp } from '../helpers/app.js';
import { signIn } from '../helpers/browser.js';
import { wholeDatabaseAsText } from '../helpers/db-dump.js';
import { STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

/** A German IBAN for a made-up account, with its true check digits. */
function iban(bankCode: string, account: string) {
  const bban = `${bankCode}${account.padStart(10, '0')}`;
  const check = 98 - Number(BigInt(`${bban}131400`) % 97n);
  return `DE${String(check).padStart(2, '0')}${bban}`;
}

const TAX_ID = `5739184627${taxIdCheckDigit('5739184627')}`;
const IBAN = iban('52060410', '7788990011');
/** Values no fixture or translation contains, so any trace of them anywhere is a leak. */
const DISTINCTIVE = {
  familyName: 'Quxwelbrandt', givenName: 'Zorvina', childName: 'Yppolinde', town: 'Fliederhausenstadt',
  street: 'Mohnblumenweg 77', taxId: TAX_ID, iban: IBAN, amount: '4321,98', employer: 'Krummholzwerke Ostbrück',
};
const needles = [
  ...Object.values(DISTINCTIVE), IBAN.replace(/(.{4})/g, '$1 ').trim(), '4321.98', TAX_ID.replace(/^(\d{2})(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3 $4'),
];

const env = useLoggingTestApp('2026-11-21T10:00:00Z', async (database) => {
  const org = await createOrganisation(database.db);
  await createStaff(database.db, org, 'expert');
});

describe('an application aid leaves no trace', () => {
  it('stores nothing in any table and logs nothing of what was typed, for every aid, its errors and its added children', async () => {
    const expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
    for (const benefit of BENEFITS) {
      await expert.get(`/de/wmk/staff/aids/${benefit}`);
      const inputs = inputsOf(AIDS[benefit], { children: 1, adults: hasRepeat(AIDS[benefit], 'adult') ? 1 : 0 });
      const typed: Record<string, string> = { familyLang: 'en', children: '1', adults: hasRepeat(AIDS[benefit], 'adult') ? '1' : '0' };
      for (const { name, field, group } of inputs) {
        const byName: Record<string, string> = {
          familyName: DISTINCTIVE.familyName, givenName: group === 'child' ? DISTINCTIVE.childName : DISTINCTIVE.givenName,
          street: DISTINCTIVE.street, employer: DISTINCTIVE.employer,
        };
        typed[name] = {
          taxId: DISTINCTIVE.taxId, iban: DISTINCTIVE.iban, postcode: '37299', date: '01.02.2016', amount: DISTINCTIVE.amount,
          yesno: 'yes', choice: field.options?.[0]?.value ?? '', text: byName[field.name] ?? DISTINCTIVE.town,
        }[field.type];
      }
      const pdf = await expert.post(`/de/wmk/staff/aids/${benefit}`, { ...typed, _action: 'pdf' });
      expect(pdf.statusCode, `${benefit}: ${pdf.body.slice(0, 300)}`).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdfText(pdf.rawPayload), benefit).toContain(DISTINCTIVE.familyName);
      expect(pdfText(pdf.rawPayload), benefit).toContain(DISTINCTIVE.childName);
      const rejected = await expert.post(`/de/wmk/staff/aids/${benefit}`, { ...typed, applicant_postcode: '1', _action: 'pdf' });
      expect(rejected.statusCode).toBe(400);
      expect((await expert.post(`/de/wmk/staff/aids/${benefit}`, { ...typed, _action: 'add-child' })).statusCode).toBe(200);
      // The answer pages never set a cookie that could carry the answers.
      for (const response of [pdf, rejected]) expect(String(response.headers['set-cookie'] ?? '')).not.toMatch(/Quxwelbrandt/);
    }
    const everything = await wholeDatabaseAsText(env.database);
    expect(everything).toContain('expert@wmk.example'); // the search does see the data
    const log = env.lines.join('');
    expect(log).toContain('/de/wmk/staff/aids/kindergeld');
    for (const needle of needles) {
      expect(everything, `database holds ${needle}`).not.toContain(needle);
      expect(log, `log holds ${needle}`).not.toContain(needle);
    }
  });
});
