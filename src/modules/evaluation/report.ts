import {
  CHILDREN, CONSULTATION_LANGUAGES, DURATION_BANDS, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, REFERRAL_TARGETS, YOUNGEST_AGES,
} from '../intake/intake.options.js';
import { type Figures, intakeKey, needsKey, visitKey } from './cubes.js';
import type { YearFigures } from './evaluation.service.js';
import type { CellState } from './suppression.js';

/** A shown figure. `count` is set only for a number that is shown; everything else reads as `text`. */
export type Cell = { text: string; count?: number; kind: CellState | 'public' | 'rate' | 'minutes' };
type Row = { label: string; cells: Cell[] };
export type Table = { id: string; title: string; rowHeader: string; columns: string[]; rows: Row[]; note?: string };

export type Filter = { month?: string; venueId?: number; topicId?: number };

/** Waiting times are shown only over at least this many consultations: a median of three is one family's wait. */
const MIN_WAITS = 10;

type T = (key: string, values?: Record<string, unknown>) => string;

export type ReportContext = { t: T; lang: string; pick: (value: { de: string } & Partial<Record<string, string>>) => string };

export function monthLabel(month: string, lang: string) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** The where/when node of a filter in the year, or undefined when no event matches (no venue that month). */
function placeNode(figures: YearFigures, filter: Pick<Filter, 'month' | 'venueId'>): number | undefined {
  const { places } = figures;
  if (filter.month && filter.venueId) return places.monthVenue.get(`${filter.month}|${filter.venueId}`);
  if (filter.month) return places.month.get(filter.month);
  if (filter.venueId) return places.venue.get(filter.venueId);
  return places.year;
}

export function buildReport(figures: YearFigures, filter: Filter, context: ReportContext): { tables: Table[]; empty: boolean } {
  const { t, lang } = context;
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang);
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { style: 'percent', maximumFractionDigits: 0 });
  const w = placeNode(figures, filter);
  if (w === undefined) return { tables: [], empty: true };
  const topic = filter.topicId ?? null;

  const cell = (f: Figures, key: string, place = w, topicId = topic): Cell => {
    const c = f.nodes.get(key);
    if (c === undefined) throw new Error(`no figure ${key}`);
    const tn = f.topicNode(topicId);
    if (tn < 0) return { text: '–', kind: 'none' };
    const state = f.cube.state(place, tn, c);
    const value = f.cube.value(place, tn, c);
    if (state === 'shown') return { text: number.format(value), count: value, kind: 'shown' };
    return { text: state === 'small' ? '<5' : state === 'hidden' ? '×' : '–', kind: state };
  };
  const rate = (part: Cell, whole: Cell): Cell =>
    part.count !== undefined && whole.count ? { text: percent.format(part.count / whole.count), kind: 'rate' } : { text: '–', kind: 'rate' };
  const leavesOf = (place: number) => figures.places.nodes[place]!.map((i) => figures.places.events[i]!);
  const publicCount = (n: number): Cell => ({ text: number.format(n), kind: 'public' });
  const eventsAt = (place: number) => leavesOf(place).filter((e) => topic === null || e.topicIds.includes(topic)).length;
  const offeredAt = (place: number) => {
    const ids = new Set(leavesOf(place).map((e) => e.id));
    return figures.offered.filter((o) => ids.has(o.eventId) && o.topicId === topic).reduce((n, o) => n + o.slots, 0);
  };
  const waits = (() => {
    const ids = new Set(leavesOf(w).map((e) => e.id));
    return figures.waits.filter((x) => ids.has(x.eventId) && (topic === null || x.topicId === topic)).map((x) => x.minutes).sort((a, b) => a - b);
  })();
  const quantile = (q: number): Cell => {
    if (waits.length < MIN_WAITS) return { text: '–', kind: 'minutes' };
    const at = (waits.length - 1) * q;
    const value = waits[Math.floor(at)]! + (waits[Math.ceil(at)]! - waits[Math.floor(at)]!) * (at - Math.floor(at));
    return { text: t('evaluation.minutes', { count: Math.round(value) }), kind: 'minutes' };
  };

  const booked = cell(figures.visits, visitKey.way('booked'));
  const offered = offeredAt(w);
  const keyFigures: Table = {
    id: 'key-figures', title: t('evaluation.tables.keyFigures'), rowHeader: t('evaluation.figure'), columns: [t('evaluation.value')],
    rows: [
      { label: t('evaluation.rows.events'), cells: [publicCount(eventsAt(w))] },
      { label: t('evaluation.rows.offered'), cells: [publicCount(offered)] },
      { label: t('evaluation.rows.booked'), cells: [booked] },
      { label: t('evaluation.rows.capacityUse'), cells: [booked.count !== undefined && offered ? { text: percent.format(booked.count / offered), kind: 'rate' } : { text: '–', kind: 'rate' }] },
      { label: t('evaluation.rows.walkIns'), cells: [cell(figures.visits, visitKey.way('walk_in'))] },
      { label: t('evaluation.rows.sentOn'), cells: [cell(figures.visits, visitKey.way('sent_on'))] },
      { label: t('evaluation.rows.seen'), cells: [cell(figures.visits, visitKey.result('seen'))] },
      { label: t('evaluation.rows.noShows'), cells: [cell(figures.visits, visitKey.bookedNoShow)] },
      { label: t('evaluation.rows.noShowRate'), cells: [rate(cell(figures.visits, visitKey.bookedNoShow), booked)] },
      { label: t('evaluation.rows.left'), cells: [cell(figures.visits, visitKey.result('left'))] },
      { label: t('evaluation.rows.waitMedian'), cells: [quantile(0.5)] },
      { label: t('evaluation.rows.waitP90'), cells: [quantile(0.9)] },
      { label: t('evaluation.rows.recorded'), cells: [cell(figures.intake, intakeKey.kind('recorded'))] },
      { label: t('evaluation.rows.declined'), cells: [cell(figures.intake, intakeKey.kind('declined'))] },
      { label: t('evaluation.rows.skipped'), cells: [cell(figures.intake, intakeKey.kind('skipped'))] },
      { label: t('evaluation.rows.firstTimeShare'), cells: [(() => {
        const yes = cell(figures.intake, intakeKey.answer('firstVisit', 'yes'));
        const no = cell(figures.intake, intakeKey.answer('firstVisit', 'no'));
        return yes.count !== undefined && no.count !== undefined ? rate(yes, { text: '', count: yes.count + no.count, kind: 'shown' }) : { text: '–', kind: 'rate' as const };
      })()] },
    ],
    note: t('evaluation.notes.keyFigures', { minimum: MIN_WAITS }),
  };

  const tables: Table[] = [keyFigures];
  if (!filter.month) {
    tables.push({
      id: 'trend', title: t('evaluation.tables.trend'), rowHeader: t('evaluation.month'),
      columns: [t('evaluation.rows.events'), t('evaluation.rows.offered'), t('evaluation.rows.booked'), t('evaluation.rows.walkIns'), t('evaluation.rows.seen'), t('evaluation.rows.recorded')],
      rows: figures.year.months.map((month) => {
        const place = placeNode(figures, { month, venueId: filter.venueId });
        const none = { text: '–', kind: 'none' as const };
        if (place === undefined) return { label: monthLabel(month, lang), cells: [publicCount(0), publicCount(0), none, none, none, none] };
        return {
          label: monthLabel(month, lang),
          cells: [publicCount(eventsAt(place)), publicCount(offeredAt(place)), cell(figures.visits, visitKey.way('booked'), place),
            cell(figures.visits, visitKey.way('walk_in'), place), cell(figures.visits, visitKey.result('seen'), place), cell(figures.intake, intakeKey.kind('recorded'), place)],
        };
      }),
    });
  }
  const benefits = figures.topics;
  tables.push({
    id: 'outcomes', title: t('evaluation.tables.outcomes'), rowHeader: t('evaluation.benefit'),
    columns: [t('evaluation.discussed'), ...OUTCOMES.map((o) => t(`intake.outcomes.${o}`))],
    rows: benefits.map((b) => ({
      label: context.pick(b.name),
      cells: [cell(figures.intake, intakeKey.discussed(b.id)), ...OUTCOMES.map((o) => cell(figures.intake, intakeKey.outcome(b.id, o)))],
    })),
  });
  tables.push({
    id: 'referrals', title: t('evaluation.tables.referrals'), rowHeader: t('evaluation.referredTo'), columns: [t('evaluation.count')],
    rows: REFERRAL_TARGETS.map((r) => ({ label: t(`intake.referrals.${r}`), cells: [cell(figures.intake, intakeKey.referral(r))] })),
  });
  const answerTable = (id: string, measure: string, categories: readonly string[], labelKey: string, titleKey: string): Table => ({
    id, title: t(titleKey), rowHeader: t('evaluation.answer'), columns: [t('evaluation.count')],
    rows: categories.map((c) => ({ label: t(`${labelKey}${c}`), cells: [cell(figures.intake, intakeKey.answer(measure, c))] })),
  });
  tables.push(answerTable('heard-via', 'heardVia', HEARD_VIA, 'intake.heard.', 'evaluation.tables.heardVia'));
  tables.push(answerTable('first-visit', 'firstVisit', FIRST_VISIT, 'intake.first.', 'evaluation.tables.firstVisit'));
  tables.push(answerTable('household', 'household', HOUSEHOLDS, 'intake.households.', 'evaluation.tables.household'));
  tables.push(answerTable('children', 'children', CHILDREN, 'intake.childrenCounts.', 'evaluation.tables.children'));
  tables.push(answerTable('youngest-age', 'youngestAge', YOUNGEST_AGES, 'intake.ages.', 'evaluation.tables.youngestAge'));
  const languages = answerTable('languages', 'language', CONSULTATION_LANGUAGES, 'intake.languages.', 'evaluation.tables.languages');
  languages.rows.push({ label: t('evaluation.rows.withInterpreter'), cells: [cell(figures.intake, intakeKey.answer('interpreter', 'yes'))] });
  tables.push(languages);
  tables.push({
    id: 'duration', title: t('evaluation.tables.duration'), rowHeader: t('evaluation.answer'), columns: [t('evaluation.count')],
    rows: DURATION_BANDS.map((band) => ({
      label: band === 60 ? t('intake.durationHourOrMore') : t('intake.durationBand', { from: band, to: band + 4 }),
      cells: [cell(figures.intake, intakeKey.answer('duration', String(band)))],
    })),
  });
  tables.push({
    id: 'needs', title: t('evaluation.tables.needs'), rowHeader: t('evaluation.need'), columns: [t('evaluation.count')],
    rows: [
      { label: t('evaluation.rows.bookings'), cells: [cell(figures.needs, needsKey.bookings, w, null)] },
      { label: t('evaluation.rows.childcare'), cells: [cell(figures.needs, needsKey.childcare, w, null)] },
      { label: t('evaluation.rows.stepFree'), cells: [cell(figures.needs, needsKey.stepFree, w, null)] },
      { label: t('evaluation.rows.interpreter'), cells: [cell(figures.needs, needsKey.interpreter, w, null)] },
      ...figures.interpreterLanguages.map((l) => ({
        label: t('evaluation.rows.interpreterIn', { language: languageLabel(l, lang, t) }), cells: [cell(figures.needs, needsKey.language(l), w, null)],
      })),
    ],
    note: t('evaluation.notes.needs'),
  });
  return { tables, empty: false };
}

function languageLabel(code: string, lang: string, t: T) {
  if (code === 'dgs') return t('booking.needs.signLanguage');
  return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
}
