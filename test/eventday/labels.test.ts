import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/lib/i18n.js';
import { MAIL_KINDS } from '../../src/modules/booking/family-mail.js';
import type { BoardStatus } from '../../src/modules/queue/board.repository.js';
import { QueueError } from '../../src/modules/queue/checkin.service.js';

const BOARD_STATUSES: BoardStatus[] = ['expected', 'late', 'missed', 'arrived', 'noShow', 'done'];
const QUEUE_ERRORS: Array<QueueError['reason']> = ['notToday', 'bookingNotFound', 'noDeskForTopic', 'wrongState', 'tooFewCalls', 'nobodyWaiting', 'cannotUndo'];

/** Keys the event-day pages build from a value (`'frontDesk.status.' + row.status`): each needs a translation. */
const builtKeys = [
  ...BOARD_STATUSES.map((s) => `frontDesk.status.${s}`),
  ...QUEUE_ERRORS.flatMap((r) => [`frontDesk.errors.${r}`, `queue.errors.${r}`]),
  ...['called', 'serving'].map((s) => `queue.state.${s}`),
  ...['booked', 'walk_in', 'sent_on'].map((k) => `queue.kind.${k}`),
  ...['done', 'no_show'].map((s) => `queue.undo.${s}`),
  ...['called', 'serving', 'done', 'no_show', 'sent_on'].map((s) => `ticket.state.${s}`),
  ...['childcare', 'stepFree'].map((n) => `frontDesk.needs.${n}`), // an interpreter reads "Dolmetschen: Arabisch"
  ...MAIL_KINDS.map((kind) => `planning.event.noticeKinds.${kind}`),
];

describe('labels built from values', () => {
  it.each(['de', 'en'])('has a translation in %s for every status, error and notice kind the event day shows', (lang) => {
    // The locale's own text, without falling back to German.
    const missing = builtKeys.filter((key) => typeof i18n().getResource(lang, 'translation', key) !== 'string');
    expect(missing).toEqual([]);
  });
});
