import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { availableLanguages, nativeLanguageName, translatorFor } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import { idParam } from '../../lib/params.js';
import { recordAudit } from '../audit/audit.js';
import { expectedFamilies } from '../booking/day-list.repository.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { inlineFile } from '../../lib/download.js';

type Options = { db: Db; clock: Clock; config: Config };

const FRONT_DESK = ['coordinator', 'desk'] as const;
const COORDINATOR = ['coordinator'] as const;
const FORMATS = ['A4', 'A5'] as const;
/** Languages a flyer can carry under the German text. */
const secondLanguages = () => availableLanguages().filter((lang) => lang !== 'de');

const pdfReply = (filename: string) => ({
  'content-type': 'application/pdf',
  'cache-control': 'no-store',
  'content-disposition': inlineFile(filename),
});

/** Printed things of an event: the front desk's day list and the coordinator's flyers. */
export default async function printRoutes(scope: FastifyInstance, { db, clock, config }: Options) {
  const eventOf = (request: FastifyRequest) => findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));

  scope.get('/events/:eventId/day-list.pdf', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const now = clock();
    const families = await expectedFamilies(db, event.id);
    await recordAudit(db, {
      organisationId: request.organisation.id, staffId: request.staff.id, action: 'export', subjectType: 'event', subjectId: event.id,
      resultCount: families.length, at: now,
    });
    const { dayListPdf } = await import('./day-list.pdf.js'); // pdf-lib loads at the first PDF, not at start
    const pdf = await dayListPdf({
      t: request.t, lang: request.lang, organisationName: request.organisation.name,
      eventTitle: pick(request.organisation.eventTitle, request.lang), localDate: event.localDate,
      hours: `${event.startsLocal}–${event.endsLocal}`, venue: `${event.venue.name}, ${event.venue.street}, ${event.venue.postcode} ${event.venue.town}`,
      printedAt: now, families,
    });
    return reply.headers(pdfReply(`${request.t('aids.dayList.filename')}-${event.localDate}.pdf`)).send(Buffer.from(pdf));
  });

  scope.get('/events/:eventId/flyer', { config: { roles: COORDINATOR } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return reply.page('aids/flyer.eta', {
      title: request.t('aids.flyer.pageTitle'), event, formats: FORMATS,
      secondLanguages: secondLanguages().map((code) => ({ code, label: nativeLanguageName(code) })),
      pdfUrl: `${staffBase(request)}/events/${event.id}/flyer.pdf`, backUrl: `${staffBase(request)}/events/${event.id}`,
    });
  });

  scope.get('/events/:eventId/flyer.pdf', { config: { roles: COORDINATOR } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const query = request.query as { format?: unknown; second?: unknown };
    const format = FORMATS.find((f) => f === query.format) ?? 'A4';
    const secondLang = secondLanguages().find((lang) => lang === query.second);
    const second = secondLang ? { lang: secondLang, t: translatorFor(secondLang) } : undefined;
    const topics = [...new Map((await desksWithTopics(db, event.id)).flatMap((desk) => desk.topics).map((topic) => [topic.id, topic])).values()]
      .sort((a, b) => a.sortOrder - b.sortOrder);
    const lines = (value: { de: string } & Partial<Record<string, string>>) => ({ de: value.de, ...(secondLang ? { second: pick(value, secondLang) } : {}) });
    const venue = event.venue;
    const { flyerPdf } = await import('./flyer.pdf.js'); // pdf-lib loads at the first PDF, not at start
    const pdf = await flyerPdf({
      t: translatorFor('de'), ...(second ? { second } : {}), format,
      organisationName: request.organisation.name, eventTitle: lines(request.organisation.eventTitle),
      localDate: event.localDate, startsLocal: event.startsLocal, endsLocal: event.endsLocal,
      venue: { name: venue.name, street: venue.street, postcode: venue.postcode, town: venue.town, ...(venue.directions ? { directions: lines(venue.directions) } : {}) },
      topics: topics.map((topic) => lines(topic.name)),
      // Without a language: each phone opens the page in its own (a German-Arabic flyer reaches both readers).
      bookingUrl: `${config.publicUrl}/${request.organisation.slug}/events/${event.id}`,
      contactPhone: request.organisation.contactPhone,
    });
    return reply.headers(pdfReply(`flyer-${event.localDate}-${format}.pdf`)).send(Buffer.from(pdf));
  });
}
