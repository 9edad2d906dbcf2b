import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { pick } from '../../lib/localized.js';
import { parseId } from '../../lib/text.js';
import { listVenues } from '../organisations/venues.repository.js';
import { type Chart, groupedChart, horizontalChart } from './charts.js';
import { BOM, csvField, tableCsv } from './csv.js';
import { evaluationYears, yearFigures } from './evaluation.service.js';
import type { EvaluationYear } from './periods.js';
import { type Filter, buildReport, monthLabel } from './report.js';

type Options = { db: Db; clock: Clock };
const COORDINATORS = ['coordinator'] as const;
const TABLE_IDS = ['key-figures', 'trend', 'outcomes', 'referrals', 'heard-via', 'first-visit', 'household', 'children', 'youngest-age', 'languages', 'duration', 'needs'];

/** The coordinators' evaluation: anonymous figures of complete evaluation years, as tables, charts and CSV. */
export default async function evaluationRoutes(scope: FastifyInstance, { db, clock }: Options) {
  /** Reads the filter; anything unknown means "all", since a filter that finds nothing is no error. */
  function filterOf(request: FastifyRequest, years: EvaluationYear[]) {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const index = typeof query.year === 'string' && /^\d{1,3}$/.test(query.year) ? Number(query.year) : -1;
    const year = years.find((y) => y.index === index) ?? years[0];
    const month = typeof query.month === 'string' && year?.months.includes(query.month) ? query.month : undefined;
    const venueId = parseId(query.venue);
    const topicId = parseId(query.topic);
    const filter: Filter = { month, venueId: venueId > 0 ? venueId : undefined, topicId: topicId > 0 ? topicId : undefined };
    return { year, filter };
  }

  async function report(request: FastifyRequest) {
    const years = await evaluationYears(db, request.organisation, clock());
    const { year, filter } = filterOf(request, years);
    const venues = await listVenues(db, request.organisation.id);
    if (!year) return { years, venues, year, filter, figures: undefined, tables: [], empty: true };
    const figures = await yearFigures(db, request.organisation.id, year);
    if (filter.topicId && !figures.topics.some((t) => t.id === filter.topicId)) filter.topicId = undefined;
    if (filter.venueId && !venues.some((v) => v.id === filter.venueId)) filter.venueId = undefined;
    const { tables, empty } = buildReport(figures, filter, {
      t: request.t, lang: request.lang, pick: (value) => pick(value, request.lang),
    });
    return { years, venues, year, filter, figures, tables, empty };
  }

  const queryOf = (year: EvaluationYear | undefined, filter: Filter) => new URLSearchParams({
    ...(year ? { year: String(year.index) } : {}), ...(filter.month ? { month: filter.month } : {}),
    ...(filter.venueId ? { venue: String(filter.venueId) } : {}), ...(filter.topicId ? { topic: String(filter.topicId) } : {}),
  }).toString();

  scope.get('/evaluation', { config: { roles: COORDINATORS } }, async (request, reply) => {
    const data = await report(request);
    const t = request.t;
    const charts: Record<string, Chart> = {};
    for (const table of data.tables) {
      if (table.id === 'trend') charts[table.id] = groupedChart(table, [2, 3], t('evaluation.charts.trend'));
      if (table.id === 'heard-via') charts[table.id] = horizontalChart(table, 0, t('evaluation.charts.heardVia'));
      if (table.id === 'outcomes') charts[table.id] = horizontalChart(table, 0, t('evaluation.charts.outcomes'));
    }
    const query = queryOf(data.year, data.filter);
    return reply.page('evaluation/evaluation.eta', {
      title: t('evaluation.title'), ...data, charts, csvQuery: query,
      yearLabel: (year: EvaluationYear) => t('evaluation.yearLabel', { number: year.index + 1, from: monthLabel(year.months[0]!, request.lang), to: monthLabel(year.months[11]!, request.lang) }),
      monthLabel: (month: string) => monthLabel(month, request.lang),
    });
  });

  scope.get('/evaluation/report.pdf', { config: { roles: COORDINATORS } }, async (request, reply) => {
    const data = await report(request);
    // Before the first complete year there is nothing to report: the evaluation page says why.
    if (!data.year) return reply.redirect(`/${request.lang}/${request.organisation.slug}/staff/evaluation`, 303);
    const t = request.t;
    const filter = [
      data.filter.month ? monthLabel(data.filter.month, request.lang) : '',
      data.venues.find((v) => v.id === data.filter.venueId)?.name ?? '',
      pick(data.figures?.topics.find((topic) => topic.id === data.filter.topicId)?.name ?? { de: '' }, request.lang),
    ].filter(Boolean).join(' · ');
    const { pilotReportPdf } = await import('./report.pdf.js'); // pdf-lib loads at the first PDF, not at start
    const pdf = await pilotReportPdf({
      t, lang: request.lang, county: request.organisation.name, tables: data.tables,
      period: t('evaluation.yearLabel', { number: data.year.index + 1, from: monthLabel(data.year.months[0]!, request.lang), to: monthLabel(data.year.months[11]!, request.lang) }),
      filter,
    });
    return reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="pilotbericht-${request.organisation.slug}-jahr${data.year.index + 1}.pdf"`)
      .send(Buffer.from(pdf));
  });

  scope.get('/evaluation/:table', { config: { roles: COORDINATORS } }, async (request, reply: FastifyReply) => {
    const id = (request.params as { table: string }).table.replace(/\.csv$/, '');
    if (!(request.params as { table: string }).table.endsWith('.csv')) return reply.callNotFound();
    const data = await report(request);
    const table = data.tables.find((x) => x.id === id);
    // Before the first complete year there is no table yet, but the download should still say why.
    if (!data.year && TABLE_IDS.includes(id)) {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="auswertung-${request.organisation.slug}-${id}.csv"`)
        .send(`${BOM}${csvField(request.t('evaluation.noYear'))}\r\n`);
    }
    if (!table) return reply.callNotFound();
    const name = `auswertung-${request.organisation.slug}-${id}${data.year ? `-jahr${data.year.index + 1}` : ''}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(tableCsv(table));
  });
}
