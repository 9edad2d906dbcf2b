import type { Database } from '../../db/client.js';

const CHANNEL = 'familientag_queue';

export type LiveUpdates = {
  /** Tell every process that an event's queues changed; call after the transaction committed. */
  changed(eventId: number): Promise<void>;
  /** Hear about changes of one event; returns the function that stops listening. */
  subscribe(eventId: number, onChange: () => void): () => void;
  close(): Promise<void>;
};

/**
 * Fans queue changes out to every open display, ticket page and queue screen. On PostgreSQL the
 * signal goes through NOTIFY, so a call made on one server process reaches screens served by another.
 */
export async function liveUpdates(database: Database): Promise<LiveUpdates> {
  const subscribers = new Map<number, Set<() => void>>();
  const unlisten = await database.listen(CHANNEL, (payload) => {
    for (const onChange of subscribers.get(Number(payload)) ?? []) onChange();
  });
  return {
    changed: (eventId) => database.notify(CHANNEL, String(eventId)),
    subscribe(eventId, onChange) {
      const set = subscribers.get(eventId) ?? new Set();
      set.add(onChange);
      subscribers.set(eventId, set);
      return () => {
        set.delete(onChange);
        if (set.size === 0) subscribers.delete(eventId);
      };
    },
    close: unlisten,
  };
}
