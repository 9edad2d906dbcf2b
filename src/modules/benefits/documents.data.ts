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

/** `text`: a key of the locales' `documents` namespace (a shared document keeps its id when its wording differs). */
export type DocumentRule = { id: string; text: string; when?: Condition };

const age = (from: number, to?: number): Condition => ({ kind: 'childAge', from, ...(to === undefined ? {} : { to }) });
const fact = (name: FamilyFact): Condition => ({ kind: 'fact', fact: name });

/** Documents several benefits share have one id and one wording, so a combined list names them once. */
const SHARED = {
  iban: { id: 'iban', text: 'documents.iban' },
  assets: { id: 'assets', text: 'documents.assets' },
  registration: { id: 'registration', text: 'documents.registration' },
  idCard: { id: 'id-card', text: 'documents.id-card' },
  residencePermit: { id: 'residence-permit', text: 'documents.residence-permit', when: fact('nonEuEeaCh') },
  sgb2Notice: { id: 'sgb2-notice', text: 'documents.sgb2-notice' },
  schoolCertificate: { id: 'school-certificate', text: 'documents.school-certificate' },
} satisfies Record<string, DocumentRule>;

export const DOCUMENTS: Record<BenefitKey, DocumentRule[]> = {
  kindergeld: [
    { id: 'tax-ids', text: 'documents.tax-ids' },
    { id: 'tax-id-other-parent', text: 'documents.tax-id-other-parent' },
    SHARED.iban,
    { id: 'kg3a', text: 'documents.kg3a', when: fact('separated') },
    { id: 'birth-certificate-abroad', text: 'documents.birth-certificate-abroad', when: fact('childBornAbroad') },
    { ...SHARED.residencePermit, text: 'documents.residence-permit-not-eu' },
    { id: 'training-certificate', text: 'documents.training-certificate', when: age(18) },
  ],
  kinderzuschlag: [
    { id: 'income-6-months', text: 'documents.income-6-months' },
    SHARED.assets,
    { id: 'rent-costs', text: 'documents.rent-costs', when: fact('tenant') },
    { id: 'owner-costs', text: 'documents.owner-costs', when: fact('owner') },
    { id: 'child-income-6-months', text: 'documents.child-income-6-months', when: fact('childIncome') },
    { id: 'maintenance-proof', text: 'documents.maintenance-proof', when: fact('otherParentElsewhere') },
    { id: 'kiz-5c-efforts', text: 'documents.kiz-5c-efforts', when: { kind: 'all', of: [fact('otherParentElsewhere'), fact('lowMaintenance')] } },
    { id: 'kiz-7-diet', text: 'documents.kiz-7-diet', when: fact('dietaryNeeds') },
    { id: 'wohngeld-notice', text: 'documents.wohngeld-notice' },
    { id: 'kindergeld-number', text: 'documents.kindergeld-number' },
    SHARED.iban,
  ],
  wohngeld: [
    { id: 'tenancy-agreement', text: 'documents.tenancy-agreement' },
    { id: 'rent-certificate', text: 'documents.rent-certificate' },
    { id: 'rent-payment', text: 'documents.rent-payment' },
    { id: 'bank-statements-all', text: 'documents.bank-statements-all' },
    { id: 'registration-all', text: 'documents.registration-all' },
    { id: 'income-all', text: 'documents.income-all' },
    SHARED.assets,
    { id: 'family-benefit-notices', text: 'documents.family-benefit-notices' },
    { id: 'childcare-costs', text: 'documents.childcare-costs', when: fact('childcareCosts') },
    { id: 'disability-proof', text: 'documents.disability-proof', when: fact('disability') },
    { id: 'residence-permit-all', text: 'documents.residence-permit-all', when: fact('nonEuEeaCh') },
  ],
  unterhaltsvorschuss: [
    { id: 'birth-certificate', text: 'documents.birth-certificate' },
    SHARED.idCard,
    SHARED.residencePermit,
    SHARED.registration,
    { id: 'separation-proof', text: 'documents.separation-proof' },
    { id: 'maintenance-title', text: 'documents.maintenance-title' },
    { id: 'maintenance-efforts', text: 'documents.maintenance-efforts' },
    SHARED.sgb2Notice,
    { id: 'uvg-from-12', text: 'documents.uvg-from-12', when: age(12, 17) },
    { id: 'uvg-from-15', text: 'documents.uvg-from-15', when: age(15, 17) },
    { id: 'orphan-benefits', text: 'documents.orphan-benefits', when: fact('orphan') },
  ],
  buergergeld: [
    SHARED.idCard,
    SHARED.residencePermit,
    SHARED.registration,
    { id: 'health-insurance-card', text: 'documents.health-insurance-card' },
    { id: 'pension-insurance-number', text: 'documents.pension-insurance-number' },
    { id: 'bank-statements-3-months', text: 'documents.bank-statements-3-months' },
    { id: 'rent-and-heating', text: 'documents.rent-and-heating' },
    { id: 'payslips', text: 'documents.payslips' },
    { id: 'benefit-notices', text: 'documents.benefit-notices' },
    SHARED.assets,
    { id: 'birth-certificates', text: 'documents.birth-certificates' },
  ],
  but: [
    { id: 'kiz-wohngeld-notice', text: 'documents.kiz-wohngeld-notice', when: fact('routeKizWohngeld') },
    { id: 'sgb2-notice-but', text: 'documents.sgb2-notice-but', when: fact('routeSgb2') },
    SHARED.schoolCertificate,
    { id: 'but-tutoring', text: 'documents.but-tutoring', when: fact('lernfoerderung') },
    { id: 'but-lunch', text: 'documents.but-lunch', when: fact('mittagessen') },
    { id: 'but-participation', text: 'documents.but-participation', when: fact('teilhabe') },
    { id: 'but-receipts', text: 'documents.but-receipts' },
  ],
};
