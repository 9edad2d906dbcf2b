import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { postedValues, setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { LANGUAGES, languageName } from '../../lib/i18n.js';
import { idParam } from '../../lib/params.js';
import { staffBase } from '../../web/staff-guard.js';
import { topicForm, venueForm } from './places.forms.js';
import { findTopic, insertTopic, listTopics, topicKeyOf, updateTopic } from '../organisations/topics.repository.js';
import { findVenue, insertVenue, listVenues, updateVenue } from '../organisations/venues.repository.js';

const config = { roles: ['coordinator'] as const };
type Values = Record<string, string>;

/** The coordinator's lists of venues (family centres) and advice topics, with what to bring per language. */
export default async function placesRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  const base = (request: FastifyRequest, kind: 'venues' | 'topics') => `${staffBase(request)}/${kind}`;

  scope.get('/venues', { config }, async (request, reply) => reply.page('places/venues.eta', {
    title: request.t('places.venues.title'), venues: await listVenues(db, request.organisation.id), flash: takeFlash(request),
  }));

  scope.get('/venues/new', { config }, async (request, reply) => venuePage(request, reply, undefined, {}, {}));

  scope.post('/venues/new', { config }, async (request, reply) => {
    const form = parseForm(venueForm, request.body);
    if (!form.ok) return venuePage(request, reply, undefined, postedValues(request.body), form.errors, 400);
    await insertVenue(db, request.organisation.id, form.data);
    setFlash(request, 'places.flash.venueSaved');
    return reply.redirect(base(request, 'venues'), 303);
  });

  scope.get('/venues/:venueId', { config }, async (request, reply) => {
    const venue = await findVenue(db, request.organisation.id, idParam(request.params, 'venueId'));
    if (!venue) return reply.callNotFound();
    const values: Values = {
      name: venue.name, street: venue.street, postcode: venue.postcode, town: venue.town, stepFree: venue.stepFree ? 'on' : '',
      ...Object.fromEntries(LANGUAGES.map((lang) => [`directions_${lang}`, venue.directions?.[lang] ?? ''])),
    };
    return venuePage(request, reply, venue.id, values, {});
  });

  scope.post('/venues/:venueId', { config }, async (request, reply) => {
    const venue = await findVenue(db, request.organisation.id, idParam(request.params, 'venueId'));
    if (!venue) return reply.callNotFound();
    const form = parseForm(venueForm, request.body);
    if (!form.ok) return venuePage(request, reply, venue.id, postedValues(request.body), form.errors, 400);
    await updateVenue(db, request.organisation.id, venue.id, form.data);
    setFlash(request, 'places.flash.venueSaved');
    return reply.redirect(base(request, 'venues'), 303);
  });

  scope.get('/topics', { config }, async (request, reply) => reply.page('places/topics.eta', {
    title: request.t('places.topics.title'), topics: await listTopics(db, request.organisation.id), flash: takeFlash(request),
  }));

  scope.get('/topics/new', { config }, async (request, reply) =>
    topicPage(request, reply, undefined, { defaultSlotMinutes: '30', sortOrder: '10' }, {}));

  scope.post('/topics/new', { config }, async (request, reply) => {
    const values = postedValues(request.body);
    const form = parseForm(topicForm, request.body);
    if (!form.ok) return topicPage(request, reply, undefined, values, form.errors, 400);
    try {
      await insertTopic(db, request.organisation.id, topicKeyOf(form.data.name.de), form.data);
    } catch (error) {
      if (isUniqueViolation(error, 'topics_organisation_key_uq')) return topicPage(request, reply, undefined, values, { name_de: 'places.errors.topicExists' }, 409);
      throw error;
    }
    setFlash(request, 'places.flash.topicSaved');
    return reply.redirect(base(request, 'topics'), 303);
  });

  scope.get('/topics/:topicId', { config }, async (request, reply) => {
    const topic = await findTopic(db, request.organisation.id, idParam(request.params, 'topicId'));
    if (!topic) return reply.callNotFound();
    const values: Values = {
      defaultSlotMinutes: String(topic.defaultSlotMinutes), sortOrder: String(topic.sortOrder),
      ...Object.fromEntries(LANGUAGES.flatMap((lang) => [
        [`name_${lang}`, topic.name[lang] ?? ''],
        [`description_${lang}`, topic.description?.[lang] ?? ''],
        [`documents_${lang}`, (topic.documents[lang] ?? []).join('\n')],
      ])),
    };
    return topicPage(request, reply, topic.id, values, {});
  });

  scope.post('/topics/:topicId', { config }, async (request, reply) => {
    const topic = await findTopic(db, request.organisation.id, idParam(request.params, 'topicId'));
    if (!topic) return reply.callNotFound();
    const form = parseForm(topicForm, request.body);
    if (!form.ok) return topicPage(request, reply, topic.id, postedValues(request.body), form.errors, 400);
    await updateTopic(db, request.organisation.id, topic.id, form.data);
    setFlash(request, 'places.flash.topicSaved');
    return reply.redirect(base(request, 'topics'), 303);
  });

  function venuePage(request: FastifyRequest, reply: FastifyReply, venueId: number | undefined, values: Values, errors: Values, status = 200) {
    return reply.page('places/venue-form.eta', {
      title: request.t(venueId ? 'places.venues.edit' : 'places.venues.new'), values, errors, languages: LANGUAGES, languageLabel: (code: string) => languageName(code, request.lang),
      action: `${base(request, 'venues')}/${venueId ?? 'new'}`,
    }, status);
  }

  function topicPage(request: FastifyRequest, reply: FastifyReply, topicId: number | undefined, values: Values, errors: Values, status = 200) {
    return reply.page('places/topic-form.eta', {
      title: request.t(topicId ? 'places.topics.edit' : 'places.topics.new'), values, errors, languages: LANGUAGES, languageLabel: (code: string) => languageName(code, request.lang),
      action: `${base(request, 'topics')}/${topicId ?? 'new'}`,
    }, status);
  }
}
