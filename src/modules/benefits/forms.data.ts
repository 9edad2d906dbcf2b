import type { BenefitKey } from './benefits.js';
import type { Condition, FamilyFact } from './documents.data.js';

/** A key of the locales' `aidForms` namespace; German is the form's own wording. */
type TextKey = string;

/**
 * The official forms of each benefit, section by section, with their fields' labels (keys of the locales, whose
 * German is what the forms print). The aid's web form and its PDF both follow this order. Field types drive validation.
 */
type FieldType = 'text' | 'date' | 'iban' | 'taxId' | 'postcode' | 'amount' | 'yesno' | 'choice';

export type FormField = {
  name: string;
  label: TextKey;
  type: FieldType;
  options?: Array<{ value: string; label: TextKey }>;
  /** A "yes" makes this fact true for the documents checklist and the hints. */
  fact?: FamilyFact;
  /** For a choice: the fact each answer makes true. */
  factsByValue?: Record<string, FamilyFact>;
};

/** `childAges`: in a child's form, only for children of those ages (or whose age is not known). */
type FormSection = { id: string; title: TextKey; fields: FormField[]; childAges?: { from?: number; to?: number } };

/** `repeat`: one copy per child (optionally only within an age range) or per further adult. */
export type OfficialForm = {
  id: string;
  code: string;
  name: TextKey;
  repeat?: 'child' | 'adult';
  childAges?: { from?: number; to?: number };
  when?: Condition;
  sections: FormSection[];
};

/** A note that appears on the aid when a condition holds, e.g. "add annex KiZ 5c". */
type AidHint = { id: string; when: Condition; text: TextKey };

export type AidDefinition = { benefit: BenefitKey; forms: OfficialForm[]; hints: AidHint[] };

/** Label keys are the field's name, or a name of their own where one field name is labelled differently. */
const text = (name: string, label = name): FormField => ({ name, label: `aidForms.fields.${label}`, type: 'text' });
const typed = (type: FieldType, name: string, label = name): FormField => ({ name, label: `aidForms.fields.${label}`, type });
const yesNo = (name: string, fact?: FamilyFact, label = name): FormField => ({ name, label: `aidForms.fields.${label}`, type: 'yesno', ...(fact ? { fact } : {}) });
const choice = (name: string, values: string[], factsByValue?: Record<string, FamilyFact>, label = name): FormField => ({
  name, label: `aidForms.fields.${label}`, type: 'choice', options: values.map((value) => ({ value, label: `aidForms.options.${name}.${value}` })),
  ...(factsByValue ? { factsByValue } : {}),
});
const section = (id: string, title: string | FormField[], fields?: FormField[]): FormSection =>
  typeof title === 'string' ? { id, title: `aidForms.sections.${title}`, fields: fields! } : { id, title: `aidForms.sections.${id}`, fields: title };
const fact = (name: FamilyFact): Condition => ({ kind: 'fact', fact: name });

const MARITAL = choice('maritalStatus', [
  'single', 'married',
  'separated', 'divorced', 'widowed',
]);
const CITIZENSHIP = choice('citizenshipGroup', [
  'de', 'euEeaCh', 'other',
], { euEeaCh: 'euEeaCitizen', other: 'nonEuEeaCh' });
const PERSON = [
  text('familyName'), text('givenName'),
  typed('date', 'birthDate'),
];
const ADDRESS = [
  text('street'), typed('postcode', 'postcode'), text('town'),
];
const BANK = section('bank', [
  typed('iban', 'iban'), text('accountHolder'),
]);
const CHILD = [
  text('givenName', 'childGivenName'), text('familyName', 'childFamilyName'),
  typed('date', 'birthDate'),
];

export const AIDS: Record<BenefitKey, AidDefinition> = {
  kindergeld: {
    benefit: 'kindergeld',
    forms: [
      {
        id: 'kg1', code: 'KG 1', name: 'aidForms.forms.kg1',
        sections: [
          section('applicant', [
            ...PERSON, text('birthName'), text('birthPlace'),
            text('nationality'), CITIZENSHIP, ...ADDRESS, MARITAL,
            typed('taxId', 'taxId'),
          ]),
          section('partner', 'spouseOrOtherParent', [
            ...PERSON, typed('taxId', 'taxId'),
            text('address', 'addressIfDifferent'),
            yesNo('separated', 'separated'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kg1-child', code: 'Anlage Kind', name: 'aidForms.forms.kg1-child', repeat: 'child',
        sections: [
          section('child', [
            ...CHILD, typed('taxId', 'taxId', 'childTaxId'),
            choice('relationship', [
              'birth', 'adopted', 'foster',
              'step', 'grand',
            ], undefined, 'childRelationship'),
            yesNo('inHousehold'),
            yesNo('bornAbroad', 'childBornAbroad'),
          ]),
          { ...section('over18', [
            text('training'),
            typed('date', 'trainingEnds'),
          ]), childAges: { from: 18 } },
        ],
      },
    ],
    hints: [
      { id: 'anlage-eu', when: fact('euEeaCitizen'), text: 'aidForms.hints.anlage-eu' },
      { id: 'residence-permit', when: fact('nonEuEeaCh'), text: 'aidForms.hints.residence-permit' },
      { id: 'kg3a', when: fact('separated'), text: 'aidForms.hints.kg3a' },
    ],
  },
  kinderzuschlag: {
    benefit: 'kinderzuschlag',
    forms: [
      {
        id: 'kiz1', code: 'KiZ 1', name: 'aidForms.forms.kiz1',
        sections: [
          section('applicant', [
            ...PERSON, ...ADDRESS, MARITAL, text('kindergeldNumber'),
          ]),
          section('partner', [...PERSON]),
          section('income', [
            typed('amount', 'grossIncome'),
            typed('amount', 'netIncome'),
          ]),
          section('housing', [
            choice('housingType', ['tenant', 'owner'], { tenant: 'tenant', owner: 'owner' }),
            typed('amount', 'rent', 'rentCold'),
            typed('amount', 'serviceCharges'),
            typed('amount', 'heating'),
          ]),
          section('status', [
            yesNo('assetsAboveLimit'),
            yesNo('wohngeld'),
            yesNo('sgb2'),
            yesNo('dietaryNeeds', 'dietaryNeeds'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kiz1-child', code: 'KiZ 1 Anlage Kind', name: 'aidForms.forms.kiz1-child', repeat: 'child',
        sections: [
          section('child', [
            ...CHILD,
            text('school', 'schoolTrainingNursery'),
          ]),
          section('childIncome', [
            yesNo('otherParentElsewhere', 'otherParentElsewhere'),
            typed('amount', 'maintenance'),
            yesNo('lowMaintenance', 'lowMaintenance'),
            yesNo('ownIncome', 'childIncome'),
          ]),
        ],
      },
    ],
    hints: [
      { id: 'kiz-5c', when: { kind: 'all', of: [fact('otherParentElsewhere'), fact('lowMaintenance')] }, text: 'aidForms.hints.kiz-5c' },
      { id: 'kiz-7', when: fact('dietaryNeeds'), text: 'aidForms.hints.kiz-7' },
    ],
  },
  wohngeld: {
    benefit: 'wohngeld',
    forms: [
      {
        id: 'wg-miete', code: 'Mietzuschuss', name: 'aidForms.forms.wg-miete',
        sections: [
          section('applicant', [
            ...PERSON, MARITAL, text('occupation'), ...ADDRESS,
          ]),
          section('dwelling', [
            typed('date', 'movedIn'),
            choice('tenancy', ['main', 'sub']),
            text('landlord', 'landlordNameAddress'),
            text('area'),
            typed('amount', 'rent', 'rentWithoutHeating'),
          ]),
          section('household', [
            text('members'),
            typed('amount', 'householdIncome'),
            yesNo('childcareCosts', 'childcareCosts'),
            yesNo('disability', 'disability'),
            yesNo('sgb2', undefined, 'sgb2RulesOutWohngeld'),
          ]),
          section('bank', [
            typed('iban', 'iban'), text('accountHolder'),
            choice('payee', ['applicant', 'landlord']),
          ]),
        ],
      },
      {
        id: 'wg-child', code: 'Haushaltsmitglied', name: 'aidForms.forms.wg-child', repeat: 'child',
        sections: [section('child', 'childInHousehold', [...CHILD, text('occupation', 'childOccupation')])],
      },
    ],
    hints: [
      { id: 'rent-certificate', when: { kind: 'all', of: [] }, text: 'aidForms.hints.rent-certificate' },
    ],
  },
  unterhaltsvorschuss: {
    benefit: 'unterhaltsvorschuss',
    forms: [
      {
        id: 'uvg', code: 'UVG', name: 'aidForms.forms.uvg',
        sections: [
          section('applicant', 'applyingParent', [
            ...PERSON, ...ADDRESS, MARITAL, typed('date', 'separatedSince'),
          ]),
          section('otherParent', [
            ...PERSON, text('address', 'lastKnownAddress'), text('employer'),
            yesNo('maintenanceTitle'),
            typed('amount', 'paid'),
            yesNo('efforts', 'maintenanceEfforts'),
          ]),
          section('benefits', [
            yesNo('orphan', 'orphan'),
            yesNo('sgb2'),
          ]),
          BANK,
        ],
      },
      {
        id: 'uvg-child', code: 'UVG Kind', name: 'aidForms.forms.uvg-child', repeat: 'child', childAges: { to: 17 },
        sections: [section('child', [
          ...CHILD, text('birthPlace'), text('nationality'),
          text('contact'),
        ])],
      },
      {
        id: 'uvg-12', code: 'Ergänzende Angaben', name: 'aidForms.forms.uvg-12', repeat: 'child', childAges: { from: 12, to: 17 },
        sections: [section('from12', [
          typed('amount', 'parentIncome'),
          text('schoolOrTraining'),
          typed('amount', 'childIncome', 'childIncomeFrom15'),
        ])],
      },
    ],
    hints: [],
  },
  buergergeld: {
    benefit: 'buergergeld',
    forms: [
      {
        id: 'ha', code: 'HA', name: 'aidForms.forms.ha',
        sections: [
          section('applicant', 'personalDetails', [
            ...PERSON, text('birthPlace'), text('nationality'), CITIZENSHIP,
            ...ADDRESS, text('phone'), MARITAL, text('pensionNumber'),
          ]),
          section('partner', 'householdPartner', [...PERSON]),
          section('situation', [
            yesNo('earnings'),
            yesNo('assets'),
          ]),
          BANK,
        ],
      },
      {
        id: 'kdu', code: 'KDU', name: 'aidForms.forms.kdu',
        sections: [section('housing', 'housingAndHeating', [
          typed('amount', 'rent', 'basicRent'), typed('amount', 'serviceCharges'),
          typed('amount', 'heating'), text('area'),
          text('landlord'),
        ])],
      },
      {
        id: 'ki', code: 'KI', name: 'aidForms.forms.ki', repeat: 'child', childAges: { to: 14 },
        sections: [section('child', [
          ...CHILD, text('school', 'schoolNursery'),
          typed('amount', 'childIncome'),
        ])],
      },
      {
        id: 'wep-child', code: 'WEP', name: 'aidForms.forms.wep-child', repeat: 'child', childAges: { from: 15 },
        sections: [section('person', 'furtherPersonFrom15', [...CHILD, text('school', 'schoolTrainingWork')])],
      },
      {
        id: 'wep', code: 'WEP', name: 'aidForms.forms.wep', repeat: 'adult',
        sections: [section('person', [
          ...PERSON, text('relationship'),
          yesNo('ableToWork'), typed('amount', 'income'),
        ])],
      },
    ],
    hints: [
      { id: 'reform', when: { kind: 'all', of: [] }, text: 'aidForms.hints.reform' },
    ],
  },
  but: {
    benefit: 'but',
    forms: [
      {
        id: 'but', code: 'BuT', name: 'aidForms.forms.but',
        sections: [
          section('applicant', [...PERSON, ...ADDRESS, text('phone')]),
          section('route', [
            choice('route', [
              'sgb2',
              'kizWohngeld',
            ], { sgb2: 'routeSgb2', kizWohngeld: 'routeKizWohngeld' }),
            typed('date', 'noticeDate'),
            text('reference'),
          ]),
          BANK,
        ],
      },
      {
        id: 'but-child', code: 'BuT Kind', name: 'aidForms.forms.but-child', repeat: 'child', childAges: { to: 24 },
        sections: [section('child', [
          ...CHILD, text('school', 'schoolNurseryClass'),
          yesNo('lunch', 'mittagessen'),
          yesNo('tutoring', 'lernfoerderung'),
          yesNo('participation', 'teilhabe'),
          yesNo('trips'),
          yesNo('transport'),
        ])],
      },
    ],
    hints: [
      { id: 'sgb2-route', when: fact('routeSgb2'), text: 'aidForms.hints.sgb2-route' },
      { id: 'kiz-route', when: fact('routeKizWohngeld'), text: 'aidForms.hints.kiz-route' },
    ],
  },
};
