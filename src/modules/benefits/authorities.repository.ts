import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { benefitAuthorities } from './authorities.table.js';
import type { BenefitKey } from './benefits.js';

export type Authority = typeof benefitAuthorities.$inferSelect;
export type AuthorityFields = Pick<Authority, 'name' | 'address' | 'openingHours' | 'phone' | 'email' | 'onlineService'>;

export async function authoritiesOf(db: Db, organisationId: number): Promise<Map<string, Authority>> {
  const rows = await db.select().from(benefitAuthorities).where(eq(benefitAuthorities.organisationId, organisationId));
  return new Map(rows.map((row) => [row.benefit, row]));
}

export async function authorityFor(db: Db, organisationId: number, benefit: BenefitKey): Promise<Authority | undefined> {
  const [row] = await db.select().from(benefitAuthorities)
    .where(and(eq(benefitAuthorities.organisationId, organisationId), eq(benefitAuthorities.benefit, benefit)));
  return row;
}

/** Saves one benefit's authority; an empty name removes the entry (the aid then says to ask at the desk). */
export async function saveAuthority(db: Db, organisationId: number, benefit: BenefitKey, fields: AuthorityFields): Promise<void> {
  if (!fields.name) {
    await db.delete(benefitAuthorities).where(and(eq(benefitAuthorities.organisationId, organisationId), eq(benefitAuthorities.benefit, benefit)));
    return;
  }
  await db.insert(benefitAuthorities).values({ organisationId, benefit, ...fields })
    .onConflictDoUpdate({ target: [benefitAuthorities.organisationId, benefitAuthorities.benefit], set: { ...fields, updatedAt: sql`now()` } });
}
