import type { LocalizedText } from '../../lib/localized.js';
import type { BenefitKey } from './benefits.js';
import type { Condition, FamilyFact } from './documents.data.js';

/**
 * The official forms of each benefit, section by section, with their fields' labels as the forms print them
 * (German) and in English. The aid's web form and its PDF both follow this order. Field types drive validation.
 */
type FieldType = 'text' | 'date' | 'iban' | 'taxId' | 'postcode' | 'amount' | 'yesno' | 'choice';

export type FormField = {
  name: string;
  label: LocalizedText;
  type: FieldType;
  options?: Array<{ value: string; label: LocalizedText }>;
  /** A "yes" makes this fact true for the documents checklist and the hints. */
  fact?: FamilyFact;
  /** For a choice: the fact each answer makes true. */
  factsByValue?: Record<string, FamilyFact>;
};

/** `childAges`: in a child's form, only for children of those ages (or whose age is not known). */
type FormSection = { id: string; title: LocalizedText; fields: FormField[]; childAges?: { from?: number; to?: number } };

/** `repeat`: one copy per child (optionally only within an age range) or per further adult. */
export type OfficialForm = {
  id: string;
  code: string;
  name: LocalizedText;
  repeat?: 'child' | 'adult';
  childAges?: { from?: number; to?: number };
  when?: Condition;
  sections: FormSection[];
};

/** A note that appears on the aid when a condition holds, e.g. "add annex KiZ 5c". */
type AidHint = { id: string; when: Condition; text: LocalizedText };

export type AidDefinition = { benefit: BenefitKey; forms: OfficialForm[]; hints: AidHint[] };

const text = (name: string, de: string, en: string): FormField => ({ name, label: { de, en }, type: 'text' });
const typed = (type: FieldType, name: string, de: string, en: string): FormField => ({ name, label: { de, en }, type });
const yesNo = (name: string, de: string, en: string, fact?: FamilyFact): FormField => ({ name, label: { de, en }, type: 'yesno', ...(fact ? { fact } : {}) });
const choice = (name: string, de: string, en: string, options: Array<[string, string, string]>, factsByValue?: Record<string, FamilyFact>): FormField => ({
  name, label: { de, en }, type: 'choice', options: options.map(([value, optionDe, optionEn]) => ({ value, label: { de: optionDe, en: optionEn } })),
  ...(factsByValue ? { factsByValue } : {}),
});
const section = (id: string, de: string, en: string, fields: FormField[]): FormSection => ({ id, title: { de, en }, fields });
const fact = (name: FamilyFact): Condition => ({ kind: 'fact', fact: name });

const MARITAL = choice('maritalStatus', 'Familienstand', 'Marital status', [
  ['single', 'ledig', 'single'], ['married', 'verheiratet / eingetragene Lebenspartnerschaft', 'married / civil partnership'],
  ['separated', 'dauernd getrennt lebend', 'permanently separated'], ['divorced', 'geschieden', 'divorced'], ['widowed', 'verwitwet', 'widowed'],
]);
const CITIZENSHIP = choice('citizenshipGroup', 'Staatsangehörigkeit: Staat', 'Citizenship: country', [
  ['de', 'deutsch', 'German'], ['euEeaCh', 'EU-/EWR-Staat oder Schweiz', 'EU/EEA country or Switzerland'], ['other', 'anderer Staat', 'another country'],
], { euEeaCh: 'euEeaCitizen', other: 'nonEuEeaCh' });
const PERSON = [
  text('familyName', 'Familienname', 'Surname'), text('givenName', 'Vorname', 'First name'),
  typed('date', 'birthDate', 'Geburtsdatum', 'Date of birth'),
];
const ADDRESS = [
  text('street', 'Straße, Hausnummer', 'Street and number'), typed('postcode', 'postcode', 'Postleitzahl', 'Postcode'), text('town', 'Wohnort', 'Town'),
];
const BANK = section('bank', 'Zahlungsweg / Bankverbindung', 'Payment / bank details', [
  typed('iban', 'iban', 'IBAN', 'IBAN'), text('accountHolder', 'Kontoinhaber/in', 'Account holder'),
]);
const CHILD = [
  text('givenName', 'Vorname des Kindes', 'Child’s first name'), text('familyName', 'Familienname des Kindes', 'Child’s surname'),
  typed('date', 'birthDate', 'Geburtsdatum', 'Date of birth'),
];

export const AIDS: Record<BenefitKey, AidDefinition> = {
  kindergeld: {
    benefit: 'kindergeld',
    forms: [
      {
        id: 'kg1', code: 'KG 1', name: { de: 'Antrag auf Kindergeld', en: 'Application for child benefit' },
        sections: [
          section('applicant', 'Angaben zur antragstellenden Person', 'About the applicant', [
            ...PERSON, text('birthName', 'Geburtsname', 'Name at birth'), text('birthPlace', 'Geburtsort', 'Place of birth'),
            text('nationality', 'Staatsangehörigkeit', 'Nationality'), CITIZENSHIP, ...ADDRESS, MARITAL,
            typed('taxId', 'taxId', 'Steuerliche Identifikationsnummer', 'Tax ID (Steuer-ID)'),
          ]),
          section('partner', 'Angaben zum Ehegatten / anderen Elternteil', 'About the spouse / other parent', [
            ...PERSON, typed('taxId', 'taxId', 'Steuerliche Identifikationsnummer', 'Tax ID (Steuer-ID)'),
            text('address', 'Anschrift, wenn abweichend', 'Address, if different'),
            yesNo('separated', 'Berechtigtenwechsel oder Trennung (bisher erhält eine andere Person Kindergeld)', 'Change of claimant or separation (someone else has been getting the benefit)', 'separated'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kg1-child', code: 'Anlage Kind', name: { de: 'Anlage Kind zum Antrag auf Kindergeld', en: 'Child annex to the child benefit application' }, repeat: 'child',
        sections: [
          section('child', 'Angaben zum Kind', 'About the child', [
            ...CHILD, typed('taxId', 'taxId', 'Steuerliche Identifikationsnummer des Kindes', 'Child’s tax ID'),
            choice('relationship', 'Kindschaftsverhältnis zur antragstellenden Person', 'Relationship to the applicant', [
              ['birth', 'leibliches Kind', 'own child'], ['adopted', 'Adoptivkind', 'adopted child'], ['foster', 'Pflegekind', 'foster child'],
              ['step', 'Stiefkind', 'stepchild'], ['grand', 'Enkelkind', 'grandchild'],
            ]),
            yesNo('inHousehold', 'Das Kind lebt in meinem Haushalt', 'The child lives in my household'),
            yesNo('bornAbroad', 'Im Ausland geboren', 'Born abroad', 'childBornAbroad'),
          ]),
          { ...section('over18', 'Nur für volljährige Kinder: Schule, Ausbildung, Studium', 'Only for children over 18: school, training, studies', [
            text('training', 'Schul- oder Berufsausbildung, Studium (Art, Einrichtung)', 'School, training or studies (kind, institution)'),
            typed('date', 'trainingEnds', 'Voraussichtliches Ende', 'Expected end'),
          ]), childAges: { from: 18 } },
        ],
      },
    ],
    hints: [
      { id: 'anlage-eu', when: fact('euEeaCitizen'), text: { de: 'Mit der Staatsangehörigkeit eines anderen EU-/EWR-Staates oder der Schweiz: Anlage EU ausfüllen.', en: 'With the citizenship of another EU/EEA country or Switzerland: fill in the annex Anlage EU.' } },
      { id: 'residence-permit', when: fact('nonEuEeaCh'), text: { de: 'Ohne EU-/EWR-/Schweizer Staatsangehörigkeit: Aufenthaltstitel beifügen.', en: 'Without EU/EEA/Swiss citizenship: add the residence permit.' } },
      { id: 'kg3a', when: fact('separated'), text: { de: 'Nach einer Trennung oder einem Berechtigtenwechsel: Haushaltsbescheinigung KG 3a beifügen; KG 1 fragt nach der Steuer-ID des anderen Elternteils.', en: 'After a separation or change of claimant: add household certificate KG 3a; KG 1 asks for the other parent’s tax ID.' } },
    ],
  },
  kinderzuschlag: {
    benefit: 'kinderzuschlag',
    forms: [
      {
        id: 'kiz1', code: 'KiZ 1', name: { de: 'Antrag auf Kinderzuschlag', en: 'Application for the child supplement' },
        sections: [
          section('applicant', 'Angaben zur antragstellenden Person', 'About the applicant', [
            ...PERSON, ...ADDRESS, MARITAL, text('kindergeldNumber', 'Kindergeldnummer', 'Child benefit number'),
          ]),
          section('partner', 'Angaben zum Partner / zur Partnerin', 'About the partner', [...PERSON]),
          section('income', 'Einkommen der Eltern in den letzten 6 Monaten (Bemessungszeitraum)', 'Parents’ income in the last 6 months', [
            typed('amount', 'grossIncome', 'Bruttoeinkommen im Monat (Durchschnitt)', 'Gross monthly income (average)'),
            typed('amount', 'netIncome', 'Nettoeinkommen im Monat (Durchschnitt)', 'Net monthly income (average)'),
          ]),
          section('housing', 'Wohnkosten', 'Housing costs', [
            choice('housingType', 'Wohnverhältnis', 'Housing', [['tenant', 'Miete', 'rented'], ['owner', 'Eigentum', 'owned']], { tenant: 'tenant', owner: 'owner' }),
            typed('amount', 'rent', 'Miete (Kaltmiete) im Monat', 'Rent (excluding heating and services) per month'),
            typed('amount', 'serviceCharges', 'Nebenkosten im Monat', 'Service charges per month'),
            typed('amount', 'heating', 'Heizkosten im Monat', 'Heating per month'),
          ]),
          section('status', 'Vermögen und andere Leistungen', 'Assets and other benefits', [
            yesNo('assetsAboveLimit', 'Erhebliches Vermögen vorhanden', 'Substantial assets'),
            yesNo('wohngeld', 'Wohngeld beantragt oder bewilligt', 'Housing benefit applied for or granted'),
            yesNo('sgb2', 'Bürgergeld (SGB II) beantragt oder bewilligt', 'Bürgergeld applied for or granted'),
            yesNo('dietaryNeeds', 'Mehrbedarf für kostenaufwändige Ernährung', 'Extra need for a costly diet', 'dietaryNeeds'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kiz1-child', code: 'KiZ 1 Anlage Kind', name: { de: 'Anlage Kind zum Antrag auf Kinderzuschlag', en: 'Child annex to the child supplement application' }, repeat: 'child',
        sections: [
          section('child', 'Angaben zum Kind', 'About the child', [
            ...CHILD,
            text('school', 'Schule, Ausbildung oder Kita', 'School, training or nursery'),
          ]),
          section('childIncome', 'Einnahmen des Kindes in den letzten 6 Monaten', 'The child’s income in the last 6 months', [
            yesNo('otherParentElsewhere', 'Der andere Elternteil lebt nicht im Haushalt', 'The other parent does not live in the household', 'otherParentElsewhere'),
            typed('amount', 'maintenance', 'Unterhalt oder Unterhaltsvorschuss im Monat', 'Maintenance or advance maintenance per month'),
            yesNo('lowMaintenance', 'Kein oder weniger Unterhalt als der Unterhaltsvorschuss', 'No maintenance, or less than advance maintenance', 'lowMaintenance'),
            yesNo('ownIncome', 'Eigenes Einkommen (Ausbildungsvergütung, Waisenrente)', 'Own income (training pay, orphan’s pension)', 'childIncome'),
          ]),
        ],
      },
    ],
    hints: [
      { id: 'kiz-5c', when: { kind: 'all', of: [fact('otherParentElsewhere'), fact('lowMaintenance')] }, text: { de: 'Für jedes Kind, dessen anderer Elternteil woanders lebt und das keinen oder zu wenig Unterhalt bekommt: Anlage KiZ 5c „Anlage zu Unterhalt und Unterhaltsvorschuss“ ausfüllen.', en: 'For each child whose other parent lives elsewhere and who gets no or too little maintenance: fill in annex KiZ 5c (“Anlage zu Unterhalt und Unterhaltsvorschuss”).' } },
      { id: 'kiz-7', when: fact('dietaryNeeds'), text: { de: 'Mehrbedarf für kostenaufwändige Ernährung: Anlage KiZ 7 mit ärztlicher Bescheinigung.', en: 'Extra need for a costly diet: annex KiZ 7 with a doctor’s certificate.' } },
    ],
  },
  wohngeld: {
    benefit: 'wohngeld',
    forms: [
      {
        id: 'wg-miete', code: 'Mietzuschuss', name: { de: 'Antrag auf Mietzuschuss (Hessen), Erstantrag', en: 'Application for rent subsidy (Hessen), first application' },
        sections: [
          section('applicant', 'Angaben zur antragstellenden Person', 'About the applicant', [
            ...PERSON, MARITAL, text('occupation', 'Ausgeübte Tätigkeit / Beruf', 'Occupation'), ...ADDRESS,
          ]),
          section('dwelling', 'Angaben zur Wohnung', 'About the home', [
            typed('date', 'movedIn', 'Eingezogen am', 'Moved in on'),
            choice('tenancy', 'Mietverhältnis', 'Tenancy', [['main', 'Hauptmieter/in', 'main tenant'], ['sub', 'Untermieter/in', 'subtenant']]),
            text('landlord', 'Name und Anschrift des Vermieters', 'Landlord’s name and address'),
            text('area', 'Wohnfläche in m²', 'Living space in m²'),
            typed('amount', 'rent', 'Miete ohne Heizkosten (Kaltmiete und kalte Nebenkosten) im Monat', 'Rent without heating (rent and cold service charges) per month'),
          ]),
          section('household', 'Haushaltsmitglieder und Einkommen', 'Household and income', [
            text('members', 'Zahl der Haushaltsmitglieder', 'Number of people in the household'),
            typed('amount', 'householdIncome', 'Bruttoeinkommen aller Haushaltsmitglieder im Monat', 'Gross monthly income of the whole household'),
            yesNo('childcareCosts', 'Kosten für Kinderbetreuung', 'Childcare costs', 'childcareCosts'),
            yesNo('disability', 'Schwerbehinderung oder Pflegegrad eines Haushaltsmitglieds', 'Severe disability or care grade of a household member', 'disability'),
            yesNo('sgb2', 'Bezug von Bürgergeld oder Sozialhilfe (schließt Wohngeld aus)', 'Receives Bürgergeld or social assistance (rules out Wohngeld)'),
          ]),
          section('bank', 'Zahlungsweg / Bankverbindung', 'Payment / bank details', [
            typed('iban', 'iban', 'IBAN', 'IBAN'), text('accountHolder', 'Kontoinhaber/in', 'Account holder'),
            choice('payee', 'Zahlung an', 'Pay to', [['applicant', 'mich', 'me'], ['landlord', 'den Vermieter', 'the landlord']]),
          ]),
        ],
      },
      {
        id: 'wg-child', code: 'Haushaltsmitglied', name: { de: 'Angaben zu jedem Kind im Haushalt', en: 'About each child in the household' }, repeat: 'child',
        sections: [section('child', 'Kind im Haushalt', 'Child in the household', [...CHILD, text('occupation', 'Schule, Ausbildung oder Tätigkeit', 'School, training or occupation')])],
      },
    ],
    hints: [
      { id: 'rent-certificate', when: { kind: 'all', of: [] }, text: { de: 'Die Mietbescheinigung füllt der Vermieter aus. Heizkosten zählen beim Wohngeld nicht zur Miete.', en: 'The landlord fills in the rent certificate. Heating costs do not count as rent for Wohngeld.' } },
    ],
  },
  unterhaltsvorschuss: {
    benefit: 'unterhaltsvorschuss',
    forms: [
      {
        id: 'uvg', code: 'UVG', name: { de: 'Antrag auf Leistungen nach dem Unterhaltsvorschussgesetz', en: 'Application for advance maintenance (UVG)' },
        sections: [
          section('applicant', 'Angaben zum antragstellenden Elternteil', 'About the applying parent', [
            ...PERSON, ...ADDRESS, MARITAL, typed('date', 'separatedSince', 'Getrennt lebend seit', 'Living apart since'),
          ]),
          section('otherParent', 'Angaben zum anderen Elternteil', 'About the other parent', [
            ...PERSON, text('address', 'Letzte bekannte Anschrift', 'Last known address'), text('employer', 'Arbeitgeber', 'Employer'),
            yesNo('maintenanceTitle', 'Unterhaltstitel vorhanden (Urkunde, Beschluss)', 'Maintenance order exists'),
            typed('amount', 'paid', 'Gezahlter Unterhalt im Monat', 'Maintenance paid per month'),
            yesNo('efforts', 'Ich habe den anderen Elternteil zur Zahlung aufgefordert', 'I have asked the other parent to pay', 'maintenanceEfforts'),
          ]),
          section('benefits', 'Weitere Leistungen', 'Other benefits', [
            yesNo('orphan', 'Waisenbezüge für das Kind', 'Orphan’s benefits for the child', 'orphan'),
            yesNo('sgb2', 'Bürgergeld (SGB II) beantragt oder bewilligt', 'Bürgergeld applied for or granted'),
          ]),
          BANK,
        ],
      },
      {
        id: 'uvg-child', code: 'UVG Kind', name: { de: 'Angaben zum Kind (je Kind ein Antrag)', en: 'About the child (one application per child)' }, repeat: 'child', childAges: { to: 17 },
        sections: [section('child', 'Angaben zum Kind', 'About the child', [
          ...CHILD, text('birthPlace', 'Geburtsort', 'Place of birth'), text('nationality', 'Staatsangehörigkeit', 'Nationality'),
          text('contact', 'Umgang mit dem anderen Elternteil', 'Contact with the other parent'),
        ])],
      },
      {
        id: 'uvg-12', code: 'Ergänzende Angaben', name: { de: 'Ergänzende Angaben für Kinder ab 12 Jahren', en: 'Additional details for children aged 12 or over' }, repeat: 'child', childAges: { from: 12, to: 17 },
        sections: [section('from12', 'Ergänzende Angaben', 'Additional details', [
          typed('amount', 'parentIncome', 'Bruttoeinkommen des Elternteils im Monat (mindestens 600 € oder kein Bürgergeld)', 'Parent’s gross monthly income (at least €600, or no Bürgergeld)'),
          text('schoolOrTraining', 'Ab 15: Schule oder Ausbildung des Kindes', 'From 15: the child’s school or training'),
          typed('amount', 'childIncome', 'Ab 15: Einkommen des Kindes im Monat', 'From 15: the child’s monthly income'),
        ])],
      },
    ],
    hints: [],
  },
  buergergeld: {
    benefit: 'buergergeld',
    forms: [
      {
        id: 'ha', code: 'HA', name: { de: 'Hauptantrag Grundsicherung (früher Bürgergeld)', en: 'Main application, basic income support (formerly Bürgergeld)' },
        sections: [
          section('applicant', 'Persönliche Daten', 'Personal details', [
            ...PERSON, text('birthPlace', 'Geburtsort', 'Place of birth'), text('nationality', 'Staatsangehörigkeit', 'Nationality'), CITIZENSHIP,
            ...ADDRESS, text('phone', 'Telefon', 'Phone'), MARITAL, text('pensionNumber', 'Rentenversicherungsnummer', 'Pension insurance number'),
          ]),
          section('partner', 'Partner/in in der Bedarfsgemeinschaft', 'Partner in the household', [...PERSON]),
          section('situation', 'Einkommen und Vermögen', 'Income and assets', [
            yesNo('earnings', 'Einkommen aus Erwerbstätigkeit', 'Income from work'),
            yesNo('assets', 'Vermögen über den Freibeträgen', 'Assets above the allowances'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kdu', code: 'KDU', name: { de: 'Anlage KDU: Kosten der Unterkunft und Heizung', en: 'Annex KDU: housing and heating costs' },
        sections: [section('housing', 'Unterkunft und Heizung', 'Housing and heating', [
          typed('amount', 'rent', 'Grundmiete im Monat', 'Basic rent per month'), typed('amount', 'serviceCharges', 'Nebenkosten im Monat', 'Service charges per month'),
          typed('amount', 'heating', 'Heizkosten im Monat', 'Heating per month'), text('area', 'Wohnfläche in m²', 'Living space in m²'),
          text('landlord', 'Vermieter', 'Landlord'),
        ])],
      },
      {
        id: 'ki', code: 'KI', name: { de: 'Anlage KI für jedes Kind unter 15 Jahren', en: 'Annex KI for each child under 15' }, repeat: 'child', childAges: { to: 14 },
        sections: [section('child', 'Angaben zum Kind', 'About the child', [
          ...CHILD, text('school', 'Schule oder Kita', 'School or nursery'),
          typed('amount', 'childIncome', 'Einkommen des Kindes im Monat (Kindergeld, Unterhalt, Unterhaltsvorschuss)', 'Child’s monthly income (child benefit, maintenance, advance maintenance)'),
        ])],
      },
      {
        id: 'wep-child', code: 'WEP', name: { de: 'Anlage WEP für jedes weitere Kind ab 15 Jahren', en: 'Annex WEP for each further child aged 15 or over' }, repeat: 'child', childAges: { from: 15 },
        sections: [section('person', 'Weitere Person ab 15 Jahren', 'Further person aged 15 or over', [...CHILD, text('school', 'Schule, Ausbildung oder Arbeit', 'School, training or work')])],
      },
      {
        id: 'wep', code: 'WEP', name: { de: 'Anlage WEP für jede weitere erwachsene Person', en: 'Annex WEP for each further adult' }, repeat: 'adult',
        sections: [section('person', 'Weitere Person', 'Further person', [
          ...PERSON, text('relationship', 'Verhältnis zur antragstellenden Person', 'Relationship to the applicant'),
          yesNo('ableToWork', 'Erwerbsfähig', 'Able to work'), typed('amount', 'income', 'Einkommen im Monat', 'Monthly income'),
        ])],
      },
    ],
    hints: [
      { id: 'reform', when: { kind: 'all', of: [] }, text: { de: 'Seit der Reform „Neue Grundsicherung“ (ab 1.7.2026) können Formulare und Freibeträge anders heißen: bitte beim Jobcenter bestätigen lassen.', en: 'Since the “Neue Grundsicherung” reform (from 1 July 2026) forms and allowances may have new names: please have the Jobcenter confirm them.' } },
    ],
  },
  but: {
    benefit: 'but',
    forms: [
      {
        id: 'but', code: 'BuT', name: { de: 'Antrag auf Leistungen für Bildung und Teilhabe', en: 'Application for education and participation benefits' },
        sections: [
          section('applicant', 'Angaben zur antragstellenden Person', 'About the applicant', [...PERSON, ...ADDRESS, text('phone', 'Telefon', 'Phone')]),
          section('route', 'Bezug von Leistungen', 'Benefits received', [
            choice('route', 'Ich erhalte', 'I receive', [
              ['sgb2', 'Bürgergeld / Grundsicherung (Jobcenter)', 'Bürgergeld / basic income support (Jobcenter)'],
              ['kizWohngeld', 'Kinderzuschlag oder Wohngeld', 'Kinderzuschlag or Wohngeld'],
            ], { sgb2: 'routeSgb2', kizWohngeld: 'routeKizWohngeld' }),
            typed('date', 'noticeDate', 'Bescheid vom', 'Notice dated'),
            text('reference', 'Aktenzeichen / Kindergeldnummer', 'Reference / child benefit number'),
          ]),
          BANK,
        ],
      },
      {
        id: 'but-child', code: 'BuT Kind', name: { de: 'Angaben je Kind und gewünschte Leistungen', en: 'Each child and the benefits asked for' }, repeat: 'child', childAges: { to: 24 },
        sections: [section('child', 'Angaben zum Kind', 'About the child', [
          ...CHILD, text('school', 'Schule oder Kita, Klasse', 'School or nursery, class'),
          yesNo('lunch', 'Gemeinschaftliches Mittagessen', 'School or nursery lunch', 'mittagessen'),
          yesNo('tutoring', 'Lernförderung', 'Tutoring', 'lernfoerderung'),
          yesNo('participation', 'Teilhabe (Verein, Musikschule, Kurs; 15 € im Monat, unter 18)', 'Participation (club, music school, course; €15 a month, under 18)', 'teilhabe'),
          yesNo('trips', 'Ausflüge und Klassenfahrten', 'Trips and class outings'),
          yesNo('transport', 'Schülerbeförderung', 'School transport'),
        ])],
      },
    ],
    hints: [
      { id: 'sgb2-route', when: fact('routeSgb2'), text: { de: 'Mit Bürgergeld deckt der Hauptantrag Bildung und Teilhabe ab; nur Lernförderung braucht einen eigenen Antrag beim Jobcenter.', en: 'With Bürgergeld the main application covers education and participation; only tutoring needs its own application at the Jobcenter.' } },
      { id: 'kiz-route', when: fact('routeKizWohngeld'), text: { de: 'Mit Kinderzuschlag oder Wohngeld immer ein eigener Antrag beim Kreis (§ 9 Abs. 3 BKGG), mit den Anlagen für Lernförderung, Mittagessen und Teilhabe.', en: 'With Kinderzuschlag or Wohngeld always a separate application to the county (§ 9(3) BKGG), with the annexes for tutoring, lunch and participation.' } },
    ],
  },
};
