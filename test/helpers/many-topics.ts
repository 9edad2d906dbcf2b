import type { Db } from '../../src/db/client.js';
import { topics } from '../../src/modules/organisations/organisations.table.js';
import { type DeskSpec, type OrganisationFixture, createOrganisation } from './fixtures.js';

const DEMO_NAMES: Record<string, { de: string; en: string }> = {
  kinderzuschlag: { de: 'Kinderzuschlag', en: 'Child supplement' },
  buergergeld: { de: 'Bürgergeld', en: 'Citizen’s income' },
  unterhaltsvorschuss: { de: 'Unterhaltsvorschuss', en: 'Advance maintenance' },
  but: { de: 'Bildung und Teilhabe', en: 'Education and participation' },
};

/** The fixture organisation with the demo's seven topics, and `extra` more (extra1, extra2, …) to pass the limit. */
export async function organisationWithSevenTopics(db: Db, extra = 0, slug = 'wmk'): Promise<OrganisationFixture> {
  const fixture = await createOrganisation(db, slug);
  const keys = [...Object.keys(DEMO_NAMES), ...Array.from({ length: extra }, (_, i) => `extra${i + 1}`)];
  const rows = await db.insert(topics).values(keys.map((key, i) => ({
    organisationId: fixture.organisation.id, key, name: DEMO_NAMES[key] ?? { de: `Thema ${key}`, en: `Topic ${key}` },
    documents: { de: [], en: [] }, sortOrder: 10 + i,
  }))).returning();
  return { ...fixture, topic: (key: string) => rows.find((t) => t.key === key) ?? fixture.topic(key) };
}

export const ALL_SEVEN = ['kindergeld', 'kinderzuschlag', 'wohngeld', 'buergergeld', 'unterhaltsvorschuss', 'but', 'stromspar'];

/**
 * The demo's desks (src/modules/demo): two of them serve two topics, the Stromspar-Check has 20-minute slots,
 * and a quarter of each desk's slots is kept for walk-ins, which puts the 30-minute desks' walk-in slots at the same times.
 */
export const demoDesks = (endsLocal: string, walkInPercent = 25): DeskSpec[] => [
  { label: 'Tisch 1 · Familienkasse', topicKeys: ['kindergeld', 'kinderzuschlag'], endsLocal, walkInPercent },
  { label: 'Tisch 2 · Wohngeld', topicKeys: ['wohngeld'], endsLocal, walkInPercent },
  { label: 'Tisch 3 · Jobcenter', topicKeys: ['buergergeld'], endsLocal, walkInPercent },
  { label: 'Tisch 4 · Jugendamt', topicKeys: ['unterhaltsvorschuss', 'but'], endsLocal, walkInPercent },
  { label: 'Tisch 5 · Stromspar-Check', topicKeys: ['stromspar'], endsLocal, walkInPercent, slotMinutes: 20 },
];
