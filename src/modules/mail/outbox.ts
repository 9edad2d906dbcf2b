import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailJobs } from './mail.table.js';

export type NewMail = {
  organisationId: number;
  bookingId: number;
  kind: string;
  /** The cause: the same key twice is one mail. */
  idempotencyKey: string;
  recipient: string;
  language: string;
  manageToken?: string;
  now: Date;
};

/** The same cause always has the same Message-ID (the development mail page also finds a mail's county by it). */
export const messageIdOf = (idempotencyKey: string) => `<${idempotencyKey.replace(/[^\w.-]/g, '.')}@familientag>`;

/** Writes a mail into the outbox; call it with the transaction of its cause. A known key is ignored. */
export async function enqueueMail(tx: Db, mail: NewMail): Promise<void> {
  await tx.insert(mailJobs).values({
    organisationId: mail.organisationId, bookingId: mail.bookingId, kind: mail.kind, idempotencyKey: mail.idempotencyKey,
    recipient: mail.recipient, language: mail.language, manageToken: mail.manageToken ?? null,
    nextAttemptAt: mail.now, createdAt: mail.now,
  }).onConflictDoNothing();
}

/** Minutes to wait after the 1st, 2nd… failed attempt; after the last one the mail is given up. */
const RETRY_MINUTES = [1, 5, 15, 60, 240, 720, 1440];
const LEASE_MS = 5 * 60 * 1000;

export type ClaimedMail = typeof mailJobs.$inferSelect;

/**
 * Takes up to `limit` due mails for this worker. Rows another worker holds are skipped (SKIP LOCKED), and a
 * lease marks them taken until the worker reports back; a worker that dies mid-send loses them after 5 minutes.
 */
export async function claimDueMail(db: Db, now: Date, limit = 20): Promise<ClaimedMail[]> {
  return db.transaction(async (tx) => {
    const due = await tx.select({ id: mailJobs.id }).from(mailJobs)
      .where(and(
        eq(mailJobs.status, 'pending'), lte(mailJobs.nextAttemptAt, now),
        or(isNull(mailJobs.lockedUntil), lt(mailJobs.lockedUntil, now)),
      ))
      .orderBy(asc(mailJobs.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx.update(mailJobs)
      .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${mailJobs.attempts} + 1` })
      .where(inArray(mailJobs.id, due.map((job) => job.id)))
      .returning();
  });
}

/** Sent: the address and the manage token are not needed any more. */
export async function markSent(db: Db, id: number, now: Date) {
  await db.update(mailJobs).set({ status: 'sent', sentAt: now, lockedUntil: null, recipient: null, manageToken: null, lastError: null })
    .where(eq(mailJobs.id, id));
}

/** Nothing to send any more (booking deleted, no address): closed without a mail. */
export async function markSkipped(db: Db, id: number) {
  await db.update(mailJobs).set({ status: 'skipped', lockedUntil: null, recipient: null, manageToken: null }).where(eq(mailJobs.id, id));
}

/** A failed attempt: try again later, or give up after the last retry. The error text holds no address. */
export async function markAttemptFailed(db: Db, job: ClaimedMail, error: string, now: Date) {
  const wait = RETRY_MINUTES[job.attempts - 1];
  await db.update(mailJobs).set(wait === undefined
    ? { status: 'failed', lockedUntil: null, lastError: error, recipient: null, manageToken: null }
    : { lockedUntil: null, lastError: error, nextAttemptAt: new Date(now.getTime() + wait * 60_000) })
    .where(eq(mailJobs.id, job.id));
}

/** The families' data is going: their unsent mail is dropped, and no row keeps their address or link. */
export async function dropMailOf(tx: Db, bookingIds: number[]) {
  if (bookingIds.length === 0) return;
  await tx.update(mailJobs).set({ status: 'skipped', lockedUntil: null })
    .where(and(inArray(mailJobs.bookingId, bookingIds), eq(mailJobs.status, 'pending')));
  await tx.update(mailJobs).set({ recipient: null, manageToken: null }).where(inArray(mailJobs.bookingId, bookingIds));
}

/** Mail that is out (or given up) needs no address any more; returns how many rows lost one. */
export async function forgetDeliveredAddresses(tx: Db): Promise<number> {
  const wiped = await tx.update(mailJobs).set({ recipient: null, manageToken: null })
    .where(and(ne(mailJobs.status, 'pending'), or(sql`${mailJobs.recipient} is not null`, sql`${mailJobs.manageToken} is not null`)))
    .returning({ id: mailJobs.id });
  return wiped.length;
}

/** The mails about these bookings, newest first, without any address. */
export async function mailAbout(db: Db, bookingIds: number[]) {
  if (bookingIds.length === 0) return [];
  return db
    .select({ id: mailJobs.id, bookingId: mailJobs.bookingId, kind: mailJobs.kind, status: mailJobs.status, createdAt: mailJobs.createdAt })
    .from(mailJobs)
    .where(inArray(mailJobs.bookingId, bookingIds))
    .orderBy(desc(mailJobs.createdAt), desc(mailJobs.id));
}
