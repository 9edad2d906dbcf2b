import path from 'node:path';
import { fileURLToPath } from 'node:url';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TFunction } from 'i18next';
import type { Config } from '../config.js';
import { formatDate, formatTime } from '../lib/dates.js';
import {
  DEFAULT_LANGUAGE, STAFF_LANGUAGES, type Language, availableLanguages, directionOf, isLanguage, isStaffLanguage,
  languageFromHeader, nativeLanguageName, translatorFor,
} from '../lib/i18n.js';
import { pick } from '../lib/localized.js';

const viewsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../views');

/** Field name → translation key of its message, as produced by the forms' zod schemas. */
export type FieldErrors = Record<string, string>;

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
    t: TFunction;
  }
  interface FastifyReply {
    /** Renders a page of views/ with the layout's common data; status defaults to 200. */
    page(template: string, data: Record<string, unknown>, status?: number): Promise<FastifyReply>;
  }
}

/**
 * Server-rendered pages with Eta (auto-escaping on), in the language of the URL's first segment.
 * @see https://github.com/fastify/point-of-view
 */
export default fp(
  async (app: FastifyInstance, { config }: { config: Config }) => {
    await app.register(view, {
      engine: { eta: new Eta({ autoEscape: true, autoTrim: false }) },
      root: viewsDir,
      production: config.env === 'production',
    });

    app.decorateRequest('lang', DEFAULT_LANGUAGE);
    app.decorateRequest('t', null as unknown as TFunction);
    app.addHook('onRequest', async (request, reply) => {
      const first = request.url.split('/')[1]?.split('?')[0];
      request.lang = isLanguage(first) ? first : languageFromHeader(request.headers['accept-language']);
      request.t = translatorFor(request.lang);
      // Staff pages are German and English only: /ar/wmk/staff/… is the German page.
      if (isStaffPage(request.url) && isLanguage(first) && !isStaffLanguage(first)) {
        return reply.redirect(`/${DEFAULT_LANGUAGE}${request.url.slice(first.length + 1)}`, 303);
      }
    });

    app.decorateReply('page', async function page(
      this: FastifyReply, template: string, data: Record<string, unknown>, status = 200,
    ) {
      const request = this.request;
      const common = {
        t: request.t,
        lang: request.lang,
        dir: directionOf(request.lang),
        switcher: languageSwitcher(request),
        // Only pages with a form need a token; others set no cookie at all. Staff pages all have the logout form.
        csrfToken: data.action || request.staff ? await this.generateCsrf() : undefined,
        organisation: request.organisation ?? undefined,
        staff: request.staff ?? undefined,
        staffBase: request.staff && request.organisation ? `/${request.lang}/${request.organisation.slug}/staff` : undefined,
        assetVersion: app.assetVersion,
        errors: {} as FieldErrors,
        time: (instant: Date) => formatTime(instant, request.lang),
        date: (localDate: string) => formatDate(localDate, request.lang),
        pick: <T extends string | string[]>(value: { de: T } & Partial<Record<string, T>>) => pick(value, request.lang),
      };
      const html = await this.viewAsync(template, { ...common, ...data });
      return this.code(status).type('text/html; charset=utf-8').send(html);
    });
  },
  { name: 'view', dependencies: ['forms', 'assets'] },
);

/** /:lang/:org/staff…: the pages of staff, whose texts exist in German and English only. */
const isStaffPage = (url: string) => url.split('?')[0]!.split('/')[3] === 'staff';

function languageSwitcher(request: FastifyRequest) {
  const [pathOnly] = request.url.split('?');
  const segments = pathOnly!.split('/').slice(1);
  const rest = isLanguage(segments[0]) ? segments.slice(1) : segments;
  return (isStaffPage(request.url) ? STAFF_LANGUAGES : availableLanguages()).map((code) => ({
    code,
    label: nativeLanguageName(code),
    href: `/${[code, ...rest].filter(Boolean).join('/')}`,
    current: code === request.lang,
  }));
}
