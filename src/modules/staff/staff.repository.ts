import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type StaffRole, staff, staffTopics } from './staff.table.js';

export { STAFF_ROLES, type StaffRole } from './staff.table.js';

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findStaffForLogin(db: Db, organisationId: number, email: string) {
  const [row] = await db
    .select({ id: staff.id, passwordHash: staff.passwordHash, active: staff.active })
    .from(staff)
    .where(and(eq(staff.organisationId, organisationId), eq(staff.email, normaliseEmail(email))));
  return row;
}

export async function listStaff(db: Db, organisationId: number) {
  const people = await db
    .select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role, active: staff.active })
    .from(staff)
    .where(eq(staff.organisationId, organisationId))
    .orderBy(asc(staff.role), asc(staff.name));
  const topics = people.length
    ? await db.select().from(staffTopics).where(inArray(staffTopics.staffId, people.map((p) => p.id)))
    : [];
  return people.map((person) => ({
    ...person,
    topicIds: topics.filter((t) => t.staffId === person.id).map((t) => t.topicId),
  }));
}

export async function findStaff(db: Db, organisationId: number, staffId: number) {
  return (await listStaff(db, organisationId)).find((person) => person.id === staffId);
}

export async function listExperts(db: Db, organisationId: number) {
  return (await listStaff(db, organisationId)).filter((person) => person.role === 'expert' && person.active);
}

export type NewStaff = {
  organisationId: number;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  topicIds: number[];
  /** True for a one-time password that the person must replace at first sign-in. */
  mustChangePassword?: boolean;
};

export async function insertStaff(tx: Db, person: NewStaff): Promise<number> {
  const [created] = await tx
    .insert(staff)
    .values({
      organisationId: person.organisationId, email: normaliseEmail(person.email), name: person.name,
      role: person.role, passwordHash: person.passwordHash, mustChangePassword: person.mustChangePassword ?? false,
    })
    .returning({ id: staff.id });
  await setStaffTopics(tx, created!.id, person.role === 'expert' ? person.topicIds : []);
  return created!.id;
}

async function setStaffTopics(tx: Db, staffId: number, topicIds: number[]) {
  await tx.delete(staffTopics).where(eq(staffTopics.staffId, staffId));
  if (topicIds.length) await tx.insert(staffTopics).values(topicIds.map((topicId) => ({ staffId, topicId })));
}

export async function updateStaff(
  tx: Db, organisationId: number, staffId: number, person: { name: string; role: StaffRole; active: boolean; topicIds: number[] },
) {
  await tx.update(staff).set({ name: person.name, role: person.role, active: person.active })
    .where(and(eq(staff.id, staffId), eq(staff.organisationId, organisationId)));
  await setStaffTopics(tx, staffId, person.role === 'expert' ? person.topicIds : []);
}

/** A one-time password (reset by a coordinator) must be replaced at the next sign-in; one's own choice need not. */
export async function setPasswordHash(tx: Db, staffId: number, passwordHash: string, options: { oneTime: boolean }) {
  await tx.update(staff).set({ passwordHash, mustChangePassword: options.oneTime }).where(eq(staff.id, staffId));
}

export async function findPasswordHash(db: Db, staffId: number): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: staff.passwordHash }).from(staff).where(eq(staff.id, staffId));
  return row?.passwordHash;
}

/** Names by id, whatever the organisation or whether the person is still active. */
export async function staffNames(db: Db, staffIds: number[]): Promise<Map<number, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, [...new Set(staffIds)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** An active expert, of the given organisation if one is named. */
export async function findActiveExpert(db: Db, staffId: number, organisationId?: number) {
  const [expert] = await db.select({ id: staff.id }).from(staff).where(and(
    eq(staff.id, staffId), organisationId === undefined ? undefined : eq(staff.organisationId, organisationId),
    eq(staff.role, 'expert'), eq(staff.active, true),
  ));
  return expert;
}
