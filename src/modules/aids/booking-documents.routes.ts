import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { pick } from '../../lib/localized.js';
import { hashToken, isManageTokenShape } from '../../lib/tokens.js';
import { missedLookups } from '../../plugins/security.js';
import { bookingStops, findBookingByTokenHash } from '../booking/booking.repository.js';
import { inlineFile } from '../../lib/download.js';

/**
 * The documents-to-bring PDF of a booking, behind the same private link as the manage page (linked from the
 * confirmation and manage pages by URL). Unknown links get the usual 404 and count as missed look-ups.
 */
export default async function bookingDocumentsRoutes(scope: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  scope.get('/booking/:token/documents.pdf', { config: { limits: [missedLookups(config.rateLimits.lookupsPerMinute)] } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const booking = isManageTokenShape(token) ? await findBookingByTokenHash(db, request.organisation.id, hashToken(token)) : undefined;
    if (!booking || booking.status !== 'confirmed') return reply.callNotFound();
    const stops = await bookingStops(db, booking.id, true);
    // Each booked topic once, in visiting order.
    const topics = [...new Map(stops.map((s) => [s.topic.id, s.topic])).values()];
    const venue = booking.event.venue;
    const { bookingDocumentsPdf } = await import('./booking-documents.pdf.js'); // pdf-lib loads at the first PDF, not at start
    const pdf = await bookingDocumentsPdf({
      t: request.t,
      lang: request.lang,
      organisationName: request.organisation.name,
      eventTitle: pick(request.organisation.eventTitle, request.lang),
      code: booking.code,
      localDate: booking.event.localDate,
      venue: { name: venue.name, street: venue.street, postcode: venue.postcode, town: venue.town, ...(venue.directions ? { directions: pick(venue.directions, request.lang) } : {}) },
      stops: stops.map((s) => ({ startsAt: s.startsAt, topic: pick(s.topic.name, request.lang), desk: localDeskLabel(s.deskLabel, request.lang) })),
      topics: topics.map((topic) => ({ topic: pick(topic.name, request.lang), documents: pick(topic.documents, request.lang) })),
    });
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', inlineFile(`${request.t('aids.bookingDocuments.filename')}-${booking.event.localDate}.pdf`))
      .send(Buffer.from(pdf));
  });
}
