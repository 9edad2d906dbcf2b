import type { FastifyInstance, FastifyReply } from 'fastify';
import type { LiveUpdates } from './live.js';

/**
 * Streams "something changed" to a page as Server-Sent Events. The page then fetches itself again,
 * so the stream never carries data, let alone personal data; without JavaScript pages refresh themselves.
 */
export async function streamChanges(reply: FastifyReply, live: LiveUpdates, eventId: number) {
  reply.sse.keepAlive();
  const stop = live.subscribe(eventId, () => {
    if (reply.sse.isConnected) void reply.sse.send({ event: 'changed', data: String(eventId) }).catch(() => {});
  });
  reply.sse.onClose(stop);
  await reply.sse.send({ event: 'ready', data: String(eventId), retry: 5000 });
}

/** Open streams are closed when the server shuts down, so that it does not wait for them. */
export function closeStreamsOnShutdown(app: FastifyInstance) {
  const open = new Set<FastifyReply>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.accept?.includes('text/event-stream')) {
      open.add(reply);
      reply.raw.on('close', () => open.delete(reply));
    }
  });
  app.addHook('preClose', async () => {
    for (const reply of open) reply.sse?.close();
  });
}
