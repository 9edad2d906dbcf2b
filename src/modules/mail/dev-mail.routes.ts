import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ParsedMail } from 'mailparser';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { mailJobs } from './mail.table.js';
import { messageIdOf } from './outbox.js';
import { listMailFiles, readMailFile } from './transport.js';

const coordinators = { roles: ['coordinator'] as const };

/** Where the mail files are read instead of sent: development without SMTP_URL, never in production. */
export const writesMailFiles = (config: Config) => config.env !== 'production' && !config.mail.smtpUrl;

/**
 * Development only, in the staff area: the mails written to DATA_DIR/mail, newest first, each readable as sent.
 * They carry manage links, so only coordinators see them, and only their own county's: a file belongs to the
 * county whose outbox job has its Message-ID.
 */
export default async function devMailRoutes(scope: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  async function ownMessageIds(organisationId: number): Promise<Set<string>> {
    const jobs = await db.select({ key: mailJobs.idempotencyKey }).from(mailJobs).where(eq(mailJobs.organisationId, organisationId));
    return new Set(jobs.map((job) => messageIdOf(job.key)));
  }
  async function ownMail(name: string, own: Set<string>): Promise<ParsedMail | undefined> {
    const raw = await readMailFile(config, name);
    if (raw === undefined) return undefined;
    const { simpleParser } = await import('mailparser'); // a development page: not loaded at start
    const parsed = await simpleParser(raw);
    return parsed.messageId && own.has(parsed.messageId) ? parsed : undefined;
  }
  const recipients = (parsed: ParsedMail) => [parsed.to ?? []].flat().map((a) => a.text).join(', ');

  scope.get('/mail', { config: coordinators }, async (request, reply) => {
    const own = await ownMessageIds(request.organisation.id);
    const mails = [];
    for (const name of await listMailFiles(config)) {
      const parsed = await ownMail(name, own);
      if (parsed) mails.push({ name, subject: parsed.subject ?? '', to: recipients(parsed), date: parsed.date });
      if (mails.length === 100) break;
    }
    return reply.page('dev/mail.eta', { title: request.t('devMail.title'), mails });
  });

  scope.get('/mail/:name', { config: coordinators }, async (request, reply) => {
    const parsed = await ownMail((request.params as { name: string }).name, await ownMessageIds(request.organisation.id));
    if (!parsed) return reply.callNotFound();
    return reply.page('dev/mail-one.eta', {
      title: parsed.subject ?? request.t('devMail.title'), subject: parsed.subject ?? '', text: parsed.text ?? '',
      to: recipients(parsed), attachments: parsed.attachments.map((a) => a.filename ?? ''),
    });
  });
}
