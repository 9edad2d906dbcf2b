import type { Db } from '../../db/client.js';
import { type DeskBreak, deskTopics, desks, slots } from './events.table.js';
import { generateSlots } from './slots.rules.js';

export type NewDesk = {
  eventId: number;
  localDate: string;
  label: string;
  startsLocal: string;
  endsLocal: string;
  slotMinutes: number;
  breaks: DeskBreak[];
  walkInPercent: number;
  topicIds: number[];
  expertId?: number | null;
};

/** Creates a desk with its topics and its slots; pass the transaction it belongs to. */
export async function createDeskWithSlots(tx: Db, desk: NewDesk): Promise<number> {
  const [created] = await tx
    .insert(desks)
    .values({
      eventId: desk.eventId,
      label: desk.label,
      startsLocal: desk.startsLocal,
      endsLocal: desk.endsLocal,
      slotMinutes: desk.slotMinutes,
      breaks: desk.breaks,
      walkInPercent: desk.walkInPercent,
      expertId: desk.expertId ?? null,
    })
    .returning({ id: desks.id });
  const deskId = created!.id;
  await tx.insert(deskTopics).values(desk.topicIds.map((topicId) => ({ deskId, topicId })));
  const generated = generateSlots(desk);
  if (generated.length > 0) {
    await tx.insert(slots).values(generated.map((s) => ({ ...s, eventId: desk.eventId, deskId })));
  }
  return deskId;
}
