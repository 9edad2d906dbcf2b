import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import type { Config } from '../../config.js';
import { listMailFiles, readMailFile } from './transport.js';

/**
 * Development only (never registered in production or with SMTP_URL): the mails written to DATA_DIR/mail,
 * newest first, each readable as sent.
 */
export default async function devMailRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/dev/mail', async (request, reply) => {
    const names = (await listMailFiles(config)).slice(0, 100);
    const mails = [];
    for (const name of names) {
      const parsed = await simpleParser((await readMailFile(config, name)) ?? '');
      mails.push({ name, subject: parsed.subject ?? '', to: [parsed.to ?? []].flat().map((a) => a.text).join(', '), date: parsed.date });
    }
    // German only, like every development tool here: there is no /en/dev/mail to switch to.
    return reply.page('dev/mail.eta', { title: request.t('devMail.title'), mails, switcher: [] });
  });

  app.get('/dev/mail/:name', async (request, reply) => {
    const raw = await readMailFile(config, (request.params as { name: string }).name);
    if (raw === undefined) return reply.callNotFound();
    const parsed = await simpleParser(raw);
    return reply.page('dev/mail-one.eta', {
      title: parsed.subject ?? request.t('devMail.title'), subject: parsed.subject ?? '', text: parsed.text ?? '', switcher: [],
      to: [parsed.to ?? []].flat().map((a) => a.text).join(', '), attachments: parsed.attachments.map((a) => a.filename ?? ''),
    });
  });
}
