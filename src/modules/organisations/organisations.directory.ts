import type { Database } from '../../db/client.js';
import { type Organisation, findOrganisationBySlug } from './organisations.repository.js';

const CHANNEL = 'familientag_organisations';
/** A safety net only: a change normally reaches every process at once through the signal. */
const MAX_AGE_MS = 60_000;

type Remembered = Map<string, { organisation: Organisation; readAt: number }>;
/** This process's directories per database, so a change forgets in all of them before it returns. */
const directoriesOf = new WeakMap<Database, Set<Remembered>>();

export type OrganisationDirectory = {
  /** The organisation behind a URL's slug, from memory when this process has read it recently. */
  bySlug(slug: string): Promise<Organisation | undefined>;
  close(): Promise<void>;
};

/**
 * Every public request starts by resolving its county from the URL. Counties change a few times a year
 * (a coordinator's settings), so each process keeps the ones it has found and forgets them all when any
 * changes (`organisationsChanged`); on PostgreSQL the signal goes through NOTIFY, so a change made on one
 * process reaches all. Unknown slugs are not remembered: anyone can make up any number of them.
 */
export async function organisationDirectory(database: Database): Promise<OrganisationDirectory> {
  const known: Remembered = new Map();
  const directories = directoriesOf.get(database) ?? new Set();
  directoriesOf.set(database, directories.add(known));
  const unlisten = await database.listen(CHANNEL, () => known.clear());
  return {
    async bySlug(slug) {
      const hit = known.get(slug);
      if (hit && Date.now() - hit.readAt < MAX_AGE_MS) return hit.organisation;
      const organisation = await findOrganisationBySlug(database.db, slug);
      if (organisation) known.set(slug, { organisation, readAt: Date.now() });
      return organisation;
    },
    async close() {
      directories.delete(known);
      await unlisten();
    },
  };
}

/** Call after an organisation's row changed (committed): this process at once, and every other one, reads it afresh. */
export async function organisationsChanged(database: Database): Promise<void> {
  for (const known of directoriesOf.get(database) ?? []) known.clear();
  await database.notify(CHANNEL, 'changed');
}
