import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { directionOf, isLanguage, leftToRightIn, translatorFor } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import { bookingCalendar } from './booking.ics.js';
import { bookingStops, findBooking } from './booking.repository.js';
import { findEventWithVenue } from '../events/events.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { type ClaimedMail, messageIdOf } from '../mail/outbox.js';
import type { OutgoingMail } from '../mail/transport.js';
import type { MailTasks } from '../mail/mail.worker.js';
import { queueDueReminders } from './reminders.js';
import { type RetentionResult, runRetention } from './retention.js';

/** What a family is written about; the outbox row's `kind`. */
export const MAIL_KINDS = [
  'booking_confirmed', 'booking_rescheduled', 'booking_cancelled', 'reminder', 'event_moved', 'event_cancelled',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../templates/mail');
/** Mail has its own Eta: HTML escaped, the plain-text version not (it is never shown as HTML). */
const htmlTemplates = new Eta({ views: templatesDir, autoEscape: true, autoTrim: false, cache: true });
const textTemplates = new Eta({ views: templatesDir, autoEscape: false, autoTrim: false, cache: true });

/** Kinds whose mail carries the appointments as a calendar file. */
const WITH_CALENDAR = new Set(['booking_confirmed', 'booking_rescheduled', 'event_moved', 'reminder']);
const HEADER_BREAK = /[\r\n]/;
const CANCELLATIONS = new Set(['booking_cancelled', 'event_cancelled']);


/**
 * Builds the mail for an outbox job from the booking as it is now, in the family's language.
 * Undefined when there is nothing to send any more (data deleted, no address).
 * Headers hold only fixed, translated text and the address the family typed, checked for line breaks.
 */
export async function composeMail(db: Db, config: Config, job: ClaimedMail): Promise<OutgoingMail | undefined> {
  if (!job.bookingId || !job.recipient || HEADER_BREAK.test(job.recipient)) return undefined;
  const booking = await findBooking(db, job.bookingId);
  const event = booking && await findEventWithVenue(db, booking.eventId);
  const organisation = booking && await findOrganisation(db, booking.organisationId);
  if (!booking || !event || !organisation || booking.anonymisedAt) return undefined;
  const { venue } = event;
  // News of a booking that has since been cancelled would only confuse: the cancellation mail says all.
  if (booking.status === 'cancelled' && !CANCELLATIONS.has(job.kind)) return undefined;
  const lang = isLanguage(job.language) ? job.language : 'de';
  const t = translatorFor(lang);
  const activeStops = await bookingStops(db, booking.id, true);
  const stops = activeStops.length ? activeStops : await bookingStops(db, booking.id, false);
  const base = `${config.publicUrl}/${lang}/${organisation.slug}`;
  const data = {
    t, lang, dir: directionOf(lang), kind: job.kind, code: booking.code,
    title: pick(organisation.eventTitle, lang),
    organisation,
    // Plain text and many mail programs know no <bdi>: the number is marked to keep its order in Arabic and Persian.
    phone: organisation.contactPhone ? leftToRightIn(lang, organisation.contactPhone) : undefined,
    date: formatDate(event.localDate, lang),
    venue,
    stops: stops.map((s) => ({ time: formatTime(s.startsAt, lang), topic: pick(s.topic.name, lang), desk: localDeskLabel(s.deskLabel, lang), documents: pick(s.topic.documents, lang) })),
    manageUrl: job.manageToken ? `${base}/booking/${job.manageToken}` : undefined,
    cancellation: CANCELLATIONS.has(job.kind),
  };
  const calendar = WITH_CALENDAR.has(job.kind) && activeStops.length
    ? bookingCalendar({
      uidPrefix: `booking-${booking.id}-${activeStops.map((s) => s.slotId).join('.')}`,
      title: data.title,
      location: `${venue.name}, ${venue.street}, ${venue.postcode} ${venue.town}`,
      note: t('booking.calendar.note'),
      stops: activeStops.map((s) => ({ topicName: pick(s.topic.name, lang), deskLabel: localDeskLabel(s.deskLabel, lang), startsAt: s.startsAt, endsAt: s.endsAt })),
    })
    : undefined;
  return {
    to: job.recipient,
    subject: t(`mail.${job.kind}.subject`, { date: data.date, code: booking.code }),
    // The same cause always has the same Message-ID, so a mail that had to be sent twice is recognisable.
    messageId: messageIdOf(job.idempotencyKey),
    text: await textTemplates.renderAsync('message.text.eta', data),
    html: await htmlTemplates.renderAsync('message.html.eta', data),
    headers: { 'Content-Language': lang, 'Auto-Submitted': 'auto-generated' },
    attachments: calendar
      ? [{ filename: `familientag-${event.localDate}.ics`, content: calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }]
      : [],
  };
}

/** The booking module's part of every mail round: reminders, composing from the booking, deletion. */
export function familyMailTasks(db: Db, config: Config): MailTasks<RetentionResult> {
  return {
    queueReminders: (now) => queueDueReminders(db, now),
    compose: (job) => composeMail(db, config, job),
    retention: (now) => runRetention(db, now, config.auditLogRetentionDays),
  };
}
