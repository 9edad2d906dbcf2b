import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from './audit.table.js';

type AuditAction =
  | 'login' | 'login_failed' | 'logout' | 'check_in' | 'walk_in' | 'open_booking' | 'name_search' | 'print_slip' | 'export'
  | 'staff_created' | 'staff_changed' | 'event_moved' | 'event_cancelled';

export type AuditEntry = {
  organisationId: number;
  staffId: number | null;
  action: AuditAction;
  subjectType?: 'booking' | 'ticket' | 'event' | 'staff';
  subjectId?: number;
  resultCount?: number;
  at: Date;
};

/** Writes one audit entry; pass the transaction when the action itself is in one. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: entry.organisationId,
    staffId: entry.staffId,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    resultCount: entry.resultCount ?? null,
    at: entry.at,
  });
}

/** The latest entries of an organisation, newest first; `staffId` is the person who acted, if known. */
export async function recentAudit(db: Db, organisationId: number, limit = 200) {
  return db
    .select({
      at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId,
      resultCount: auditLog.resultCount, staffId: auditLog.staffId,
    })
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, organisationId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Removes audit entries older than the cut-off; returns how many. */
export async function pruneAudit(tx: Db, before: Date): Promise<number> {
  const pruned = await tx.delete(auditLog).where(lt(auditLog.at, before)).returning({ id: auditLog.id });
  return pruned.length;
}
