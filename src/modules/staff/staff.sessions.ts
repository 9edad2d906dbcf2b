import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hashToken } from '../../lib/tokens.js';
import { type StaffRole, staff, staffSessions } from './staff.table.js';

/** A session ends after 30 minutes without a request, and 10 hours after login whatever happens. */
const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
const ABSOLUTE_TIMEOUT_MS = 10 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export type SignedInStaff = {
  id: number;
  organisationId: number;
  name: string;
  email: string;
  role: StaffRole;
  /** Signed in with a one-time password: only the password page is open until a new one is chosen. */
  mustChangePassword: boolean;
};

/** Starts a session and returns the cookie's token; only its hash is stored. */
export async function startSession(db: Db, staffId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(staffSessions).values({ tokenHash: hashToken(token), staffId, createdAt: now, lastSeenAt: now });
  return token;
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; staff: SignedInStaff };

/** Finds the staff member behind a cookie, ending the session if it has timed out. */
export async function findSession(db: Db, token: string | undefined, now: Date): Promise<SessionLookup> {
  if (!token || token.length > 64) return { state: 'none' };
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
      staff: {
        id: staff.id, organisationId: staff.organisationId, name: staff.name, email: staff.email, role: staff.role,
        active: staff.active, mustChangePassword: staff.mustChangePassword,
      },
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(eq(staffSessions.tokenHash, tokenHash));
  if (!row) return { state: 'none' };
  const idle = now.getTime() - row.lastSeenAt.getTime();
  const age = now.getTime() - row.createdAt.getTime();
  if (idle >= IDLE_TIMEOUT_MS || age >= ABSOLUTE_TIMEOUT_MS || !row.staff.active) {
    await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
    return { state: 'expired' };
  }
  if (idle > TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
  }
  const { active: _active, ...signedIn } = row.staff;
  return { state: 'active', staff: signedIn };
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.delete(staffSessions).where(eq(staffSessions.tokenHash, hashToken(token)));
}

/** Ends every session of one person, e.g. when a coordinator deactivates the account or the password changes. */
export async function endAllSessions(db: Db, staffId: number): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}
