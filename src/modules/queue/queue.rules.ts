/**
 * Who is called next at a desk, and when each waiting family can expect their turn.
 *
 * Booked families are served at their time. Walk-ins (and families sent on from another desk) fill the
 * walk-in share and every gap, but only when serving them cannot push a booked family past its time:
 * a walk-in is called only if no booked family is due, or expected, within one slot from now.
 */
export type QueueEntry = {
  id: number;
  ticketId: number;
  kind: 'booked' | 'walk_in' | 'sent_on';
  /** Slot start of a booked family; null for others. */
  dueAt: Date | null;
  queuedAt: Date;
  /** false for a booked family that has not checked in yet: it holds its time but cannot be called. */
  arrived: boolean;
};

type Options = {
  slotMinutes: number;
  /** In estimates, families still on their way are assumed to arrive on time. */
  assumeExpectedArrive?: boolean;
};

export function nextInQueue<T extends QueueEntry>(entries: readonly T[], at: Date, options: Options): T | undefined {
  const slotEnd = at.getTime() + options.slotMinutes * 60_000;
  const booked = entries.filter((e) => e.kind === 'booked').sort(byDue);
  const present = (e: T) => e.arrived || (options.assumeExpectedArrive === true && e.dueAt!.getTime() <= at.getTime());
  const due = booked.find((e) => e.dueAt!.getTime() < slotEnd && present(e));
  if (due) return due;
  const heldForSomeoneElse = booked.some(
    (e) => !e.arrived && e.dueAt!.getTime() >= at.getTime() && e.dueAt!.getTime() < slotEnd,
  );
  if (heldForSomeoneElse) return undefined;
  const others = entries.filter((e) => e.kind !== 'booked').sort(byArrival);
  return others[0] ?? booked.find((e) => e.arrived);
}

export type PlannedTurn<T> = { entry: T; startsAt: Date; ahead: number };

/**
 * Plays the queue forward slot by slot from the moment the desk is free, giving each waiting
 * family an expected start. Families on their way count as arriving on time.
 */
export function planQueue<T extends QueueEntry>(
  entries: readonly T[],
  options: { slotMinutes: number; now: Date; deskFreeAt: Date },
): Array<PlannedTurn<T>> {
  const slotMs = options.slotMinutes * 60_000;
  let at = new Date(Math.max(options.now.getTime(), options.deskFreeAt.getTime()));
  let remaining = [...entries];
  const plan: Array<PlannedTurn<T>> = [];
  let ahead = 0;
  while (remaining.length > 0) {
    const next = nextInQueue(remaining, at, { slotMinutes: options.slotMinutes, assumeExpectedArrive: true });
    if (!next) {
      const later = remaining.filter((e) => e.dueAt && e.dueAt > at).map((e) => e.dueAt!.getTime());
      if (later.length === 0) break;
      // Nobody may be served before the next family on its way: wait until its time.
      at = new Date(Math.min(...later));
      continue;
    }
    plan.push({ entry: next, startsAt: at, ahead });
    ahead += 1;
    remaining = remaining.filter((e) => e !== next);
    at = new Date(at.getTime() + slotMs);
  }
  return plan.filter((turn) => turn.entry.arrived);
}

/** A visit as far as taking back a step needs it. */
type StepOfDesk = { id: number; status: string; calledAt: Date | null; finishedAt: Date | null };

/** How long a finish or a "did not come" can be taken back, unless the desk has called someone since. */
export const UNDO_MINUTES = 5;

/**
 * Whether the desk's last finish or "did not come" can still be taken back: within UNDO_MINUTES,
 * and only while the desk has not called anybody since (the next call ends the chance to undo).
 */
export function canUndo(visit: StepOfDesk, deskVisits: readonly StepOfDesk[], now: Date): boolean {
  if (!['done', 'no_show'].includes(visit.status) || !visit.finishedAt) return false;
  if (now.getTime() - visit.finishedAt.getTime() > UNDO_MINUTES * 60_000) return false;
  return !deskVisits.some((other) => other.id !== visit.id && (
    ['called', 'serving'].includes(other.status) || (other.calledAt !== null && other.calledAt >= visit.finishedAt!)
  ));
}


const byDue = (a: QueueEntry, b: QueueEntry) => a.dueAt!.getTime() - b.dueAt!.getTime() || a.id - b.id;
const byArrival = (a: QueueEntry, b: QueueEntry) =>
  rank(a) - rank(b) || a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id;
// Families sent on from another desk have already waited once.
const rank = (e: QueueEntry) => (e.kind === 'sent_on' ? 0 : 1);
