import type { LocalizedList, LocalizedText } from '../../lib/localized.js';
import type { AuthorityFields } from '../benefits/authorities.repository.js';
import type { BenefitKey } from '../benefits/benefits.js';
import { generalDocumentList } from '../benefits/rules.js';

/**
 * Demo content for a fresh installation. Venue addresses are invented; the benefit topics' documents come
 * from the rules table (src/modules/benefits), which follows shared/spec/DOMAIN.md. Staff edit all of this
 * later; it is data, not user-interface text.
 */
export type DemoTopic = {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  slotMinutes: number;
  documents: LocalizedList;
};

export const TOPICS: DemoTopic[] = [
  {
    key: 'kindergeld',
    name: { de: 'Kindergeld', en: 'Child benefit (Kindergeld)' },
    description: { de: 'Antrag KG 1 mit Anlage Kind, Familienkasse', en: 'Form KG 1 with Anlage Kind, Familienkasse' },
    slotMinutes: 30,
    documents: generalDocumentList('kindergeld'),
  },
  {
    key: 'kinderzuschlag',
    name: { de: 'Kinderzuschlag', en: 'Child supplement (Kinderzuschlag)' },
    description: { de: 'Antrag KiZ 1 mit Anlage Kind, Familienkasse', en: 'Form KiZ 1 with Anlage Kind, Familienkasse' },
    slotMinutes: 30,
    documents: generalDocumentList('kinderzuschlag'),
  },
  {
    key: 'wohngeld',
    name: { de: 'Wohngeld', en: 'Housing benefit (Wohngeld)' },
    description: { de: 'Mietzuschuss oder Lastenzuschuss, Wohngeldbehörde des Kreises', en: 'Rent or ownership subsidy, the county housing benefit office' },
    slotMinutes: 30,
    documents: generalDocumentList('wohngeld'),
  },
  {
    key: 'buergergeld',
    name: { de: 'Grundsicherung (Jobcenter)', en: 'Basic income support (Jobcenter)' },
    description: { de: 'Früher Bürgergeld: Hauptantrag und Anlagen, beim Jobcenter des Kreises', en: 'Formerly Bürgergeld: main application and annexes, at the county’s Jobcenter' },
    slotMinutes: 30,
    documents: generalDocumentList('buergergeld'),
  },
  {
    key: 'unterhaltsvorschuss',
    name: { de: 'Unterhaltsvorschuss', en: 'Advance maintenance (Unterhaltsvorschuss)' },
    description: { de: 'Für Kinder von Alleinerziehenden, Unterhaltsvorschussstelle des Kreises', en: 'For children of single parents, the county’s advance maintenance office' },
    slotMinutes: 30,
    documents: generalDocumentList('unterhaltsvorschuss'),
  },
  {
    key: 'but',
    name: { de: 'Bildung und Teilhabe', en: 'Education and participation (BuT)' },
    description: { de: 'Schulbedarf, Mittagessen, Ausflüge, Lernförderung', en: 'School supplies, lunch, trips, tutoring' },
    slotMinutes: 20,
    documents: generalDocumentList('but'),
  },
  {
    key: 'stromspar',
    name: { de: 'Stromspar-Check', en: 'Energy-saving check (Stromspar-Check)' },
    description: { de: 'Kostenlose Beratung zum Strom- und Heizkostensparen', en: 'Free advice on saving electricity and heating costs' },
    slotMinutes: 20,
    documents: {
      de: ['Letzte Strom- und Heizkostenabrechnung', 'Zählernummer Ihres Stromzählers'],
      en: ['Latest electricity and heating bills', 'Your electricity meter number'],
    },
  },
];

type DemoVenue = {
  name: string;
  street: string;
  postcode: string;
  town: string;
  stepFree: boolean;
  directions: LocalizedText;
};

export type DemoOrganisation = {
  slug: string;
  name: string;
  eventTitle: LocalizedText;
  contactPhone: string;
  contactEmail: string;
  postalAddress: string;
  representedBy: string;
  dataProtectionContact: string;
  /** Which weekday (1 = Monday) of which week of the month events fall on, and their hours. */
  rule: { week: number; weekday: number; startsLocal: string; endsLocal: string };
  topicKeys: string[];
  venues: DemoVenue[];
};

export const ORGANISATIONS: DemoOrganisation[] = [
  {
    slug: 'wmk',
    name: 'Werra-Meißner-Kreis',
    eventTitle: { de: 'Tag der Familienleistungen', en: 'Family Benefits Day' },
    contactPhone: '05651 302-0',
    contactEmail: 'familienleistungen@example.org',
    postalAddress: 'Werra-Meißner-Kreis (Demo), Schlossplatz 1, 37269 Eschwege',
    representedBy: 'den Landrat (Demo)',
    dataProtectionContact: 'Datenschutzbeauftragte (Demo), datenschutz@example.org',
    rule: { week: 2, weekday: 3, startsLocal: '14:00', endsLocal: '18:00' },
    topicKeys: ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss', 'but', 'stromspar'],
    venues: [
      { name: 'Familienzentrum Eschwege', street: 'Marktplatz 8', postcode: '37269', town: 'Eschwege', stepFree: true,
        directions: { de: '5 Minuten zu Fuß vom Bahnhof Eschwege, Bus 200 bis Marktplatz.', en: '5 minutes on foot from Eschwege station, bus 200 to Marktplatz.' } },
      { name: 'Mehrgenerationenhaus Witzenhausen', street: 'Walburger Straße 12', postcode: '37213', town: 'Witzenhausen', stepFree: true,
        directions: { de: 'Bus 210 bis Haltestelle Walburger Straße, Eingang im Hof.', en: 'Bus 210 to the Walburger Straße stop, entrance in the courtyard.' } },
      { name: 'Familienzentrum Hessisch Lichtenau', street: 'Landgrafenstraße 3', postcode: '37235', town: 'Hessisch Lichtenau', stepFree: false,
        directions: { de: 'Tram 4 bis Hessisch Lichtenau Mitte. Der Beratungsraum liegt im 1. Stock ohne Aufzug.', en: 'Tram 4 to Hessisch Lichtenau Mitte. The advice room is on the first floor, no lift.' } },
      { name: 'Begegnungszentrum Sontra', street: 'Niederstadt 20', postcode: '36205', town: 'Sontra', stepFree: true,
        directions: { de: 'Vom Bahnhof Sontra 10 Minuten zu Fuß, Parkplätze am Haus.', en: '10 minutes on foot from Sontra station, parking next to the building.' } },
      { name: 'Familienzentrum Wanfried', street: 'Marktstraße 5', postcode: '37281', town: 'Wanfried', stepFree: true,
        directions: { de: 'Bus 203 bis Wanfried Markt.', en: 'Bus 203 to Wanfried Markt.' } },
      { name: 'Mehrgenerationenhaus Bad Sooden-Allendorf', street: 'Kirchstraße 14', postcode: '37242', town: 'Bad Sooden-Allendorf', stepFree: true,
        directions: { de: 'Vom Bahnhof Bad Sooden-Allendorf 8 Minuten zu Fuß über die Werrabrücke.', en: '8 minutes on foot from Bad Sooden-Allendorf station across the Werra bridge.' } },
    ],
  },
  {
    slug: 'kassel',
    name: 'Landkreis Kassel',
    eventTitle: { de: 'Markt der Familienleistungen', en: 'Family Benefits Market' },
    contactPhone: '0561 1003-0',
    contactEmail: 'familienmarkt@example.org',
    postalAddress: 'Landkreis Kassel (Demo), Wilhelmshöher Allee 19–21, 34117 Kassel',
    representedBy: 'den Landrat (Demo)',
    dataProtectionContact: 'Datenschutzbeauftragter (Demo), datenschutz@example.org',
    rule: { week: 1, weekday: 4, startsLocal: '10:00', endsLocal: '14:00' },
    topicKeys: ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss'],
    venues: [
      { name: 'Familienzentrum Hofgeismar', street: 'Bahnhofstraße 2', postcode: '34369', town: 'Hofgeismar', stepFree: true,
        directions: { de: 'Gegenüber dem Bahnhof Hofgeismar.', en: 'Opposite Hofgeismar station.' } },
      { name: 'Bürgerhaus Wolfhagen', street: 'Burgstraße 9', postcode: '34466', town: 'Wolfhagen', stepFree: true,
        directions: { de: 'RegioTram RT4 bis Wolfhagen, dann 6 Minuten zu Fuß.', en: 'RegioTram RT4 to Wolfhagen, then 6 minutes on foot.' } },
      { name: 'Familienzentrum Baunatal', street: 'Marktplatz 1', postcode: '34225', town: 'Baunatal', stepFree: true,
        directions: { de: 'Tram 5 bis Baunatal Stadtmitte.', en: 'Tram 5 to Baunatal Stadtmitte.' } },
    ],
  },
];

export { DEMO_PASSWORD } from '../staff/passwords.js';

export const DEMO_STAFF: Array<{ role: 'coordinator' | 'desk' | 'expert'; local: string; name: string }> = [
  { role: 'coordinator', local: 'koordination', name: 'Kora Koordination' },
  { role: 'desk', local: 'empfang', name: 'Emil Empfang' },
  { role: 'expert', local: 'beratung', name: 'Bea Beratung' },
];

export const demoStaffEmail = (local: string, slug: string) => `${local}@${slug}.demo`;

/** Families on today's practice day, so that the front desk has someone to check in. */
export const DEMO_FAMILIES = ['Aylin Kaya', 'Olena Kovalenko', 'Familie Schneider', 'Reza Ahmadi', 'Maria Popescu'];

const familienkasse: AuthorityFields = {
  name: 'Familienkasse Hessen (Bundesagentur für Arbeit)', address: '', openingHours: '', phone: '', email: '',
  onlineService: 'https://www.familienkasse.de',
};

/**
 * Where each county's families send their applications. Werra-Meißner follows DOMAIN.md §0 (street addresses
 * and hours marked Demo are invented); Landkreis Kassel's are invented and marked Demo throughout.
 */
export const DEMO_AUTHORITIES: Record<string, Partial<Record<BenefitKey, AuthorityFields>>> = {
  wmk: {
    kindergeld: familienkasse,
    kinderzuschlag: familienkasse,
    wohngeld: {
      name: 'Kreisverwaltung Werra-Meißner-Kreis, Fachbereich 4, Fachdienst 4.7 Wohngeld', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr, Do 14–17 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: 'https://verwaltungsportal.hessen.de',
    },
    unterhaltsvorschuss: {
      name: 'Werra-Meißner-Kreis, Fachbereich 4, 4.2 Unterhaltsangelegenheiten / Unterhaltsvorschuss', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: '',
    },
    buergergeld: {
      name: 'Jobcenter Werra-Meißner', address: 'Fuldaer Straße 6, 37269 Eschwege\nWalburger Straße 41, 37213 Witzenhausen',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '', email: '', onlineService: 'https://www.jobcenter.digital',
    },
    but: {
      name: 'Werra-Meißner-Kreis, Fachbereich 6 Soziales und Senioren, Fachdienst 6.1 (Bildung und Teilhabe)', address: 'Schlossplatz 1\n37269 Eschwege (Demo)',
      openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '05651 302-0', email: '', onlineService: '',
    },
  },
  kassel: {
    kindergeld: familienkasse,
    kinderzuschlag: familienkasse,
    wohngeld: { name: 'Landkreis Kassel, Wohngeldstelle (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: 'https://verwaltungsportal.hessen.de' },
    unterhaltsvorschuss: { name: 'Landkreis Kassel, Unterhaltsvorschussstelle (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: '' },
    buergergeld: { name: 'Jobcenter Landkreis Kassel (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '', email: '', onlineService: 'https://www.jobcenter.digital' },
    but: { name: 'Landkreis Kassel, Bildung und Teilhabe (Demo)', address: 'Wilhelmshöher Allee 19–21\n34117 Kassel (Demo)', openingHours: 'Mo–Fr 8–12 Uhr (Demo)', phone: '0561 1003-0', email: '', onlineService: '' },
  },
};
