import type { LocalizedText } from '../../lib/localized.js';
import type { BenefitKey } from './benefits.js';

/** What about a family adds a document: a fact from the aid's answers, or a child's age on the day. */
export type FamilyFact =
  | 'separated' | 'childBornAbroad' | 'nonEuEeaCh' | 'owner' | 'tenant' | 'otherParentElsewhere' | 'lowMaintenance'
  | 'dietaryNeeds' | 'childIncome' | 'orphan' | 'disability' | 'childcareCosts' | 'lernfoerderung' | 'mittagessen'
  | 'teilhabe' | 'routeSgb2' | 'routeKizWohngeld' | 'maintenanceEfforts' | 'euEeaCitizen';

export type Condition =
  | { kind: 'childAge'; from: number; to?: number }
  | { kind: 'fact'; fact: FamilyFact }
  | { kind: 'all'; of: Condition[] };

export type DocumentRule = { id: string; text: LocalizedText; when?: Condition };

const age = (from: number, to?: number): Condition => ({ kind: 'childAge', from, ...(to === undefined ? {} : { to }) });
const fact = (name: FamilyFact): Condition => ({ kind: 'fact', fact: name });

/** How a condition reads in front of a document in a list for a family whose details are not known. */
export const CONDITION_LABELS: Record<string, LocalizedText> = {
  'age:12': { de: 'Für Kinder ab 12 Jahren', en: 'For children aged 12 or over' },
  'age:15': { de: 'Für Kinder ab 15 Jahren', en: 'For children aged 15 or over' },
  'age:18': { de: 'Für Kinder ab 18 Jahren', en: 'For children aged 18 or over' },
  separated: { de: 'Nach einer Trennung oder wenn bisher jemand anderes das Kindergeld bekommt', en: 'After a separation, or if someone else has been getting the child benefit' },
  childBornAbroad: { de: 'Wenn ein Kind im Ausland geboren ist', en: 'If a child was born abroad' },
  nonEuEeaCh: { de: 'Ohne Staatsangehörigkeit eines EU-/EWR-Staates oder der Schweiz', en: 'Without citizenship of an EU/EEA country or Switzerland' },
  owner: { de: 'Für Eigentümer', en: 'For home owners' },
  tenant: { de: 'Für Mieter', en: 'For tenants' },
  otherParentElsewhere: { de: 'Wenn der andere Elternteil woanders lebt', en: 'If the other parent lives elsewhere' },
  lowMaintenance: { de: 'Wenn kein oder zu wenig Unterhalt gezahlt wird', en: 'If no or too little maintenance is paid' },
  dietaryNeeds: { de: 'Bei kostenaufwändiger Ernährung', en: 'For a costly special diet' },
  childIncome: { de: 'Wenn ein Kind eigenes Einkommen hat', en: 'If a child has income of their own' },
  orphan: { de: 'Wenn ein Elternteil gestorben ist', en: 'If a parent has died' },
  disability: { de: 'Bei Schwerbehinderung oder Pflegegrad', en: 'For a severe disability or a care grade' },
  childcareCosts: { de: 'Bei Kosten für Kinderbetreuung', en: 'If you pay for childcare' },
  lernfoerderung: { de: 'Für Lernförderung', en: 'For tutoring' },
  mittagessen: { de: 'Für das Mittagessen', en: 'For school or nursery lunch' },
  teilhabe: { de: 'Für Verein, Musikschule oder Kurs', en: 'For a club, music school or course' },
  routeSgb2: { de: 'Mit Bürgergeld', en: 'With Bürgergeld' },
  routeKizWohngeld: { de: 'Mit Kinderzuschlag oder Wohngeld', en: 'With Kinderzuschlag or Wohngeld' },
};

/** Documents several benefits share have one id and one wording, so a combined list names them once. */
const SHARED = {
  iban: { id: 'iban', text: { de: 'Bankverbindung (IBAN)', en: 'Bank details (IBAN)' } },
  assets: { id: 'assets', text: { de: 'Nachweise über Vermögen (Kontoauszüge, Sparbücher, Versicherungen)', en: 'Proof of savings and assets (bank statements, savings books, insurance policies)' } },
  registration: { id: 'registration', text: { de: 'Meldebescheinigung', en: 'Registration certificate (Meldebescheinigung)' } },
  idCard: { id: 'id-card', text: { de: 'Personalausweis oder Pass', en: 'ID card or passport' } },
  residencePermit: { id: 'residence-permit', text: { de: 'Aufenthaltstitel', en: 'Residence permit' }, when: fact('nonEuEeaCh') },
  sgb2Notice: { id: 'sgb2-notice', text: { de: 'Bürgergeld-Bescheid, falls vorhanden', en: 'Bürgergeld notice, if you have one' } },
  schoolCertificate: { id: 'school-certificate', text: { de: 'Schulbescheinigung', en: 'School certificate' } },
} satisfies Record<string, DocumentRule>;

export const DOCUMENTS: Record<BenefitKey, DocumentRule[]> = {
  kindergeld: [
    { id: 'tax-ids', text: { de: 'Steuer-Identifikationsnummern von Ihnen und jedem Kind', en: 'Tax ID numbers (Steuer-ID) of you and each child' } },
    { id: 'tax-id-other-parent', text: { de: 'Steuer-ID des anderen Elternteils oder Ihres Ehegatten', en: 'Tax ID of the other parent or your spouse' } },
    SHARED.iban,
    { id: 'kg3a', text: { de: 'Haushaltsbescheinigung KG 3a', en: 'Household certificate KG 3a' }, when: fact('separated') },
    { id: 'birth-certificate-abroad', text: { de: 'Ausländische Geburtsurkunde', en: 'Foreign birth certificate' }, when: fact('childBornAbroad') },
    { ...SHARED.residencePermit, text: { de: 'Aufenthaltstitel (nicht EU/EWR/Schweiz)', en: 'Residence permit (not EU/EEA/Switzerland)' } },
    { id: 'training-certificate', text: { de: 'Schul-, Ausbildungs- oder Studienbescheinigung', en: 'School, training or university certificate' }, when: age(18) },
  ],
  kinderzuschlag: [
    { id: 'income-6-months', text: { de: 'Einkommensnachweise der letzten 6 Monate', en: 'Proof of income for the last 6 months' } },
    SHARED.assets,
    { id: 'rent-costs', text: { de: 'Mietvertrag und Nachweis der Wohnkosten (Miete, Nebenkosten, Heizung)', en: 'Tenancy agreement and proof of housing costs (rent, service charges, heating)' }, when: fact('tenant') },
    { id: 'owner-costs', text: { de: 'Abgabenbescheid der Gemeinde, Nachweise über Schuldzinsen und Nebenkosten', en: 'Municipal charges notice, proof of mortgage interest and running costs' }, when: fact('owner') },
    { id: 'child-income-6-months', text: { de: 'Einkommen jedes Kindes der letzten 6 Monate (Ausbildungsvergütung, Waisenrente, Unterhalt, Unterhaltsvorschuss)', en: 'Each child’s income for the last 6 months (training pay, orphan’s pension, maintenance, advance maintenance)' }, when: fact('childIncome') },
    { id: 'maintenance-proof', text: { de: 'Nachweise über Unterhalt oder Unterhaltsvorschuss für jedes Kind', en: 'Proof of maintenance or advance maintenance for each child' }, when: fact('otherParentElsewhere') },
    { id: 'kiz-5c-efforts', text: { de: 'Nachweise über Ihre Bemühungen um Unterhalt oder Unterhaltsvorschuss (Anlage KiZ 5c)', en: 'Proof of your efforts to obtain maintenance or advance maintenance (annex KiZ 5c)' }, when: { kind: 'all', of: [fact('otherParentElsewhere'), fact('lowMaintenance')] } },
    { id: 'kiz-7-diet', text: { de: 'Ärztliche Bescheinigung über den Mehrbedarf (Anlage KiZ 7)', en: 'Doctor’s certificate of the extra need (annex KiZ 7)' }, when: fact('dietaryNeeds') },
    { id: 'wohngeld-notice', text: { de: 'Wohngeldbescheid, falls vorhanden', en: 'Housing benefit notice, if you have one' } },
    { id: 'kindergeld-number', text: { de: 'Kindergeldnummer', en: 'Child benefit number (Kindergeldnummer)' } },
    SHARED.iban,
  ],
  wohngeld: [
    { id: 'tenancy-agreement', text: { de: 'Mietvertrag', en: 'Tenancy agreement' } },
    { id: 'rent-certificate', text: { de: 'Mietbescheinigung des Vermieters', en: 'Landlord’s rent certificate (Mietbescheinigung)' } },
    { id: 'rent-payment', text: { de: 'Nachweis der Mietzahlung', en: 'Proof of rent payment' } },
    { id: 'bank-statements-all', text: { de: 'Kontoauszüge aller Haushaltsmitglieder der letzten 2 Monate, vollständig und ungeschwärzt', en: 'Bank statements of everyone in the household for the last 2 months, complete and unredacted' } },
    { id: 'registration-all', text: { de: 'Erweiterte Meldebescheinigung aller Haushaltsmitglieder', en: 'Extended registration certificate of everyone in the household' } },
    { id: 'income-all', text: { de: 'Einkommensnachweise aller Haushaltsmitglieder', en: 'Proof of income of everyone in the household' } },
    SHARED.assets,
    { id: 'family-benefit-notices', text: { de: 'Bescheide über Kindergeld, Unterhaltsvorschuss, Unterhalt und Elterngeld', en: 'Notices of child benefit, advance maintenance, maintenance and parental allowance' } },
    { id: 'childcare-costs', text: { de: 'Nachweise über Kinderbetreuungskosten', en: 'Proof of childcare costs' }, when: fact('childcareCosts') },
    { id: 'disability-proof', text: { de: 'Schwerbehindertenausweis oder Bescheid über den Pflegegrad', en: 'Severe disability card or care grade notice' }, when: fact('disability') },
    { id: 'residence-permit-all', text: { de: 'Aufenthaltstitel aller Haushaltsmitglieder', en: 'Residence permits of everyone in the household' }, when: fact('nonEuEeaCh') },
  ],
  unterhaltsvorschuss: [
    { id: 'birth-certificate', text: { de: 'Geburtsurkunde des Kindes, Vaterschaftsanerkennung', en: 'Child’s birth certificate, acknowledgement of paternity' } },
    SHARED.idCard,
    SHARED.residencePermit,
    SHARED.registration,
    { id: 'separation-proof', text: { de: 'Nachweis über Scheidung oder Trennung', en: 'Proof of divorce or separation' } },
    { id: 'maintenance-title', text: { de: 'Unterhaltstitel und Nachweise über Zahlungen', en: 'Maintenance order and proof of payments' } },
    { id: 'maintenance-efforts', text: { de: 'Nachweise über Ihre Bemühungen um Unterhalt (nötig für den Monat rückwirkend)', en: 'Proof of your efforts to obtain maintenance (needed for the month back)' } },
    SHARED.sgb2Notice,
    { id: 'uvg-from-12', text: { de: 'Ihr Einkommensnachweis oder Bürgergeld-Bescheid mit Berechnungsbogen, dazu die „Ergänzenden Angaben“', en: 'Your proof of income or Bürgergeld notice with its calculation sheet, and the “Ergänzende Angaben”' }, when: age(12, 17) },
    { id: 'uvg-from-15', text: { de: 'Schulbescheinigung oder Ausbildungsvertrag und Lohnabrechnung des Kindes', en: 'School certificate, or the child’s training contract and payslip' }, when: age(15, 17) },
    { id: 'orphan-benefits', text: { de: 'Nachweis über Waisenbezüge oder Sterbeurkunde', en: 'Proof of orphan’s benefits or the death certificate' }, when: fact('orphan') },
  ],
  buergergeld: [
    SHARED.idCard,
    SHARED.residencePermit,
    SHARED.registration,
    { id: 'health-insurance-card', text: { de: 'Krankenkassenkarte', en: 'Health insurance card' } },
    { id: 'pension-insurance-number', text: { de: 'Rentenversicherungsnummer', en: 'Pension insurance number' } },
    { id: 'bank-statements-3-months', text: { de: 'Kontoauszüge der letzten 3 Monate', en: 'Bank statements for the last 3 months' } },
    { id: 'rent-and-heating', text: { de: 'Mietvertrag, Nebenkosten- und Heizkostenabrechnung', en: 'Tenancy agreement, service charge and heating statements' } },
    { id: 'payslips', text: { de: 'Lohnabrechnungen', en: 'Payslips' } },
    { id: 'benefit-notices', text: { de: 'Bescheide (Kindergeld, Unterhalt, Unterhaltsvorschuss, Arbeitslosengeld)', en: 'Benefit notices (child benefit, maintenance, advance maintenance, unemployment benefit)' } },
    SHARED.assets,
    { id: 'birth-certificates', text: { de: 'Geburtsurkunden der Kinder', en: 'Children’s birth certificates' } },
  ],
  but: [
    { id: 'kiz-wohngeld-notice', text: { de: 'Bescheid über Kinderzuschlag oder Wohngeld', en: 'Notice of Kinderzuschlag or Wohngeld' }, when: fact('routeKizWohngeld') },
    { id: 'sgb2-notice-but', text: { de: 'Bürgergeld-Bescheid', en: 'Bürgergeld notice' }, when: fact('routeSgb2') },
    SHARED.schoolCertificate,
    { id: 'but-tutoring', text: { de: 'Bestätigung der Schule über den Bedarf an Lernförderung', en: 'The school’s confirmation that tutoring is needed' }, when: fact('lernfoerderung') },
    { id: 'but-lunch', text: { de: 'Anlage Mittagessen, von Schule oder Kita bestätigt', en: 'Lunch annex, confirmed by the school or nursery' }, when: fact('mittagessen') },
    { id: 'but-participation', text: { de: 'Anlage Teilhabe mit Rechnung oder Bestätigung des Vereins oder Kurses', en: 'Participation annex with the club’s or course’s invoice or confirmation' }, when: fact('teilhabe') },
    { id: 'but-receipts', text: { de: 'Belege über Kosten (Klassenfahrt, Ausflüge, Schülerbeförderung)', en: 'Receipts for costs (class trips, outings, school transport)' } },
  ],
};
