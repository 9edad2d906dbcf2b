import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENEFITS } from '../../src/modules/benefits/benefits.js';
import { saveAuthority } from '../../src/modules/benefits/authorities.repository.js';
import { useTestApp } from '../helpers/app.js';
import { type Browser, signIn } from '../helpers/browser.js';
import { STAFF_PASSWORD, createOrganisation, createStaff } from '../helpers/fixtures.js';
import { pdfText } from '../helpers/pdf.js';

const env = useTestApp('2026-11-21T10:00:00Z');
let expert: Browser;

beforeAll(async () => {
  const db = env.database.db;
  const org = await createOrganisation(db);
  await createStaff(db, org, 'expert');
  await createStaff(db, org, 'desk');
  await saveAuthority(db, org.organisation.id, 'kindergeld', {
    name: 'Familienkasse Hessen', address: 'Postfach 1\n34000 Kassel', openingHours: 'Mo–Fr 8–18 Uhr', phone: '0800 4 5555 30', email: '', onlineService: '',
  });
  expert = await signIn(env.app, 'wmk', 'expert@wmk.example', STAFF_PASSWORD);
});

const fieldNames = async (bytes: Buffer) => (await PDFDocument.load(bytes)).getForm().getFields().map((f) => f.getName());

describe('the Kindergeld aid', () => {
  it('answers the form with the PDF inline: answers and official labels in German and English, open fields as AcroForm fields, deadline, documents, where to send it', async () => {
    await expert.get('/de/wmk/staff/aids/kindergeld');
    expect(expert.last.statusCode).toBe(200);
    expect(expert.html().querySelector('h1')?.text).toBe('Ausfüllhilfe Kindergeld');
    expect(expert.html().querySelectorAll('legend').map((l) => l.text.trim())).toEqual(expect.arrayContaining([
      'Angaben zur antragstellenden Person', 'Angaben zum Ehegatten / anderen Elternteil', 'Zahlungsweg / Bankverbindung', 'Kind 1',
    ]));
    const response = await expert.post('/de/wmk/staff/aids/kindergeld', {
      familyLang: 'en', children: '1', _action: 'pdf',
      applicant_familyName: 'Kaya', applicant_givenName: 'Aylin', applicant_birthDate: '03.04.1990', applicant_citizenshipGroup: 'other',
      applicant_postcode: '37269', applicant_town: 'Eschwege', applicant_maritalStatus: 'separated', applicant_taxId: '86095742719',
      partner_separated: 'yes', bank_iban: 'de89370400440532013000',
      c0_givenName: 'Deniz', c0_birthDate: '10.08.2026', c0_bornAbroad: 'no',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toBe('inline; filename="ausfuellhilfe-kindergeld.pdf"');
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Kreis wmk · Ausfüllhilfe — kein amtliches Formular · Application aid — not an official form');
    expect(text).toContain('Ausfüllhilfe Kindergeld');
    expect(text).toContain('KG 1: Antrag auf Kindergeld');
    expect(text).toContain('Familienname · Surname Kaya');
    expect(text).toContain('Geburtsdatum · Date of birth 03.04.1990');
    expect(text).toContain('Steuerliche Identifikationsnummer · Tax ID (Steuer-ID) 86 095 742 719');
    expect(text).toContain('Familienstand · Marital status dauernd getrennt lebend (permanently separated)');
    expect(text).toContain('IBAN · IBAN DE89 3704 0044 0532 0130 00');
    expect(text).toContain('Anlage Kind: Anlage Kind zum Antrag auf Kindergeld · Kind 1');
    expect(text).toContain('Vorname des Kindes · Child’s first name Deniz');
    // Deniz was born in August 2026: six months back from the application month, so no month is lost until February.
    expect(text).toContain('Kindergeld: Antrag bis 28. Februar 2027 stellen, um Geld rückwirkend ab August 2026 zu bekommen.');
    expect(text).toContain('Child benefit: apply by 28 February 2027 to get money back to August 2026.');
    expect(text).toContain('Kindergeld 2026: 259 € im Monat für jedes Kind.');
    // The checklist follows the answers: a separation adds KG 3a, a non-EU citizen the residence permit; the child is under 18.
    expect(text).toContain('Haushaltsbescheinigung KG 3a');
    expect(text).toContain('Aufenthaltstitel (nicht EU/EWR/Schweiz)');
    expect(text).toContain('Ohne EU-/EWR-/Schweizer Staatsangehörigkeit: Aufenthaltstitel beifügen.');
    expect(text).not.toContain('Anlage EU ausfüllen');
    expect(text).not.toContain('Ausländische Geburtsurkunde');
    expect(text).not.toContain('Schul-, Ausbildungs- oder Studienbescheinigung');
    expect(text).not.toContain('Nur für volljährige Kinder');
    expect(text).toContain('Familienkasse Hessen Postfach 1 34000 Kassel Öffnungszeiten: Mo–Fr 8–18 Uhr Telefon 0800 4 5555 30');
    expect(text).toMatch(/Seite 1 von \d · Page 1 of \d/);
    const fields = await fieldNames(response.rawPayload);
    expect(fields).toEqual(expect.arrayContaining(['kg1.applicant.birthName', 'kg1.partner.taxId', 'kg1-child.1.child.taxId']));
    expect(fields).not.toContain('kg1.applicant.familyName');
    expect(response.rawPayload.length).toBeLessThan(150_000);
  });

  it('asks an EU citizen for the Anlage EU instead of a residence permit', async () => {
    const text = pdfText((await expert.post('/de/wmk/staff/aids/kindergeld', { familyLang: 'de', children: '1', applicant_citizenshipGroup: 'euEeaCh', _action: 'pdf' })).rawPayload);
    expect(text).toContain('Mit der Staatsangehörigkeit eines anderen EU-/EWR-Staates oder der Schweiz: Anlage EU ausfüllen.');
    expect(text).not.toContain('Aufenthaltstitel');
  });

  it('prints names in any script without failing: letters the font lacks become empty boxes, never a 500', async () => {
    const response = await expert.post('/de/wmk/staff/aids/kindergeld', {
      familyLang: 'de', children: '1', applicant_familyName: 'أحمدي', applicant_givenName: 'Олена 😀', c0_givenName: '陈', _action: 'pdf',
    });
    expect(response.statusCode).toBe(200);
    expect(pdfText(response.rawPayload)).toContain('Олена');
  });

  it('refuses a wrong IBAN, Steuer-ID, date and postcode on the same page, in the page’s language, with the input kept', async () => {
    await expert.get('/en/wmk/staff/aids/kindergeld');
    const typed = {
      familyLang: 'de', children: '1', _action: 'pdf', applicant_familyName: 'Kaya', applicant_postcode: '3726',
      applicant_taxId: '86095742718', bank_iban: 'DE89 3704 0044 0532 0130 01', c0_birthDate: '31.02.2020',
    };
    const response = await expert.post('/en/wmk/staff/aids/kindergeld', typed);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = expert.html();
    expect(html.querySelector('title')?.text).toMatch(/^Error:/);
    expect(html.querySelectorAll('.error-summary li').map((li) => li.text.trim())).toEqual([
      'About the applicant: Postcode – Enter a postcode of 5 digits, or leave the field empty.',
      'About the applicant: Tax ID (Steuer-ID) – Enter a valid tax ID of 11 digits (the check digit is wrong), or leave the field empty.',
      'Payment / bank details: IBAN – Enter a valid IBAN (the check digits or the length are wrong), or leave the field empty.',
      'Child 1: Date of birth – Enter a date as DD.MM.YYYY, e.g. 31.01.2018, or leave the field empty.',
    ]);
    expect(html.querySelector('.error-summary a')?.getAttribute('href')).toBe('#field-applicant_postcode');
    expect(html.querySelector('#field-applicant_familyName')?.getAttribute('value')).toBe('Kaya');
    expect(html.querySelector('#field-bank_iban')?.getAttribute('value')).toBe('DE89 3704 0044 0532 0130 01');
    expect(html.querySelector('#field-bank_iban')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds and removes children without JavaScript, keeping what was typed', async () => {
    await expert.get('/de/wmk/staff/aids/kindergeld');
    await expert.post('/de/wmk/staff/aids/kindergeld', { children: '1', _action: 'add-child', c0_givenName: 'Deniz', applicant_familyName: 'Kaya' });
    expect(expert.last.statusCode).toBe(200);
    expect(expert.html().querySelector('#field-c1_givenName')).not.toBeNull();
    expect(expert.html().querySelector('#field-c0_givenName')?.getAttribute('value')).toBe('Deniz');
    expect(expert.html().querySelector('input[name="children"]')?.getAttribute('value')).toBe('2');
    await expert.post('/de/wmk/staff/aids/kindergeld', { children: '2', _action: 'remove-child-0', c0_givenName: 'Deniz', c1_givenName: 'Elif', applicant_familyName: 'Kaya' });
    expect(expert.html().querySelector('#field-c0_givenName')?.getAttribute('value')).toBe('Elif');
    expect(expert.html().querySelector('#field-c1_givenName')).toBeNull();
    expect(expert.html().querySelector('#field-applicant_familyName')?.getAttribute('value')).toBe('Kaya');
  });
});

describe('every aid', () => {
  it('renders its form in German and English and makes a PDF of an empty form with every field open', async () => {
    for (const benefit of BENEFITS) {
      for (const lang of ['de', 'en']) {
        expect((await expert.get(`/${lang}/wmk/staff/aids/${benefit}`)).statusCode, `${benefit} ${lang}`).toBe(200);
        const response = await expert.post(`/${lang}/wmk/staff/aids/${benefit}`, { familyLang: lang, _action: 'pdf' });
        expect(response.statusCode, `${benefit} ${lang}`).toBe(200);
        const text = pdfText(response.rawPayload);
        expect(text).toContain('Ausfüllhilfe — kein amtliches Formular');
        if (benefit !== 'kindergeld') expect(text).toContain('Die Beratung nennt Ihnen die zuständige Stelle.');
        if (lang === 'en') expect(text).toContain('Application aid — not an official form');
        expect((await fieldNames(response.rawPayload)).length, benefit).toBeGreaterThan(5);
      }
    }
  });

  it('KiZ: the 5c and 7 hints appear when the answers call for them; "never back" deadline', async () => {
    const response = await expert.post('/de/wmk/staff/aids/kinderzuschlag', {
      familyLang: 'de', children: '1', _action: 'pdf', status_dietaryNeeds: 'yes', housing_housingType: 'tenant',
      c0_givenName: 'Mila', c0_birthDate: '2019-05-01', c0_otherParentElsewhere: 'yes', c0_lowMaintenance: 'yes', c0_maintenance: '100',
    });
    const text = pdfText(response.rawPayload);
    expect(text).toContain('Anlage KiZ 5c „Anlage zu Unterhalt und Unterhaltsvorschuss“ ausfüllen');
    expect(text).toContain('Anlage KiZ 7 mit ärztlicher Bescheinigung');
    expect(text).toContain('Unterhalt oder Unterhaltsvorschuss im Monat 100,00 €');
    expect(text).toContain('Kinderzuschlag wird nie für Monate vor dem Antrag gezahlt: Antrag in diesem Monat stellen (bis 30. November 2026)');
    expect(text).toContain('Mietvertrag und Nachweis der Wohnkosten');
    expect(text).not.toContain('Abgabenbescheid');
  });

  it('UVG: the "Ergänzende Angaben" only for a child of 12 or more; Bürgergeld: KI under 15, WEP from 15 and per further adult', async () => {
    const uvg = pdfText((await expert.post('/de/wmk/staff/aids/unterhaltsvorschuss', {
      familyLang: 'de', children: '2', _action: 'pdf', c0_givenName: 'Ana', c0_birthDate: '01.01.2013', c1_givenName: 'Ben', c1_birthDate: '01.01.2020',
    })).rawPayload);
    expect(uvg.match(/Ergänzende Angaben: Ergänzende Angaben für Kinder ab 12 Jahren · Kind (\d)/g)).toEqual(['Ergänzende Angaben: Ergänzende Angaben für Kinder ab 12 Jahren · Kind 1']);
    expect(uvg).toContain('Ihr Einkommensnachweis oder Bürgergeld-Bescheid mit Berechnungsbogen');
    expect(uvg).not.toContain('Schulbescheinigung oder Ausbildungsvertrag');
    const jobcenter = pdfText((await expert.post('/de/wmk/staff/aids/buergergeld', {
      familyLang: 'de', children: '2', adults: '1', _action: 'pdf', c0_birthDate: '01.01.2010', c1_birthDate: '01.06.2016', a0_givenName: 'Oma',
    })).rawPayload);
    expect(jobcenter).toContain('KI: Anlage KI für jedes Kind unter 15 Jahren · Kind 2');
    expect(jobcenter).not.toContain('KI: Anlage KI für jedes Kind unter 15 Jahren · Kind 1');
    expect(jobcenter).toContain('WEP: Anlage WEP für jedes weitere Kind ab 15 Jahren · Kind 1');
    expect(jobcenter).toContain('WEP: Anlage WEP für jede weitere erwachsene Person · Person 1');
    expect(jobcenter).toContain('KDU: Anlage KDU');
    expect(jobcenter).toContain('Seit der Reform „Neue Grundsicherung“');
  });

  it('takes a large family: eight children and four adults with every text field full', async () => {
    const { AIDS } = await import('../../src/modules/benefits/forms.data.js');
    const { inputsOf } = await import('../../src/modules/aids/aid.fields.js');
    const counts = { children: 8, adults: 4 };
    const typed: Record<string, string> = { familyLang: 'en', children: '8', adults: '4', _action: 'pdf' };
    for (const input of inputsOf(AIDS.buergergeld, counts)) {
      if (input.field.type === 'text') typed[input.name] = 'Müller-Lüdenscheidt ÄÖÜäöüß'.repeat(6).slice(0, 150);
      if (input.field.name === 'birthDate') typed[input.name] = '01.01.2012';
    }
    expect(new URLSearchParams(typed).toString().length).toBeGreaterThan(16_384);
    const response = await expert.post('/de/wmk/staff/aids/buergergeld', typed);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeLessThan(400_000);
  });

  it('is for experts and coordinators, not the front desk', async () => {
    const desk = await signIn(env.app, 'wmk', 'desk@wmk.example', STAFF_PASSWORD);
    expect((await desk.get('/de/wmk/staff/aids/kindergeld')).statusCode).toBe(403);
    const roles = env.app.staffRoutes.find((r) => r.method === 'POST' && r.url === '/:lang/:org/staff/aids/:benefit')?.roles;
    expect(roles).toEqual(['coordinator', 'expert']);
    expect((await expert.get('/de/wmk/staff/aids/stromspar')).statusCode).toBe(404);
  });
});
