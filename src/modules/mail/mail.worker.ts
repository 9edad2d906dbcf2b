import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { loggableError } from '../../lib/logging.js';
import { type ClaimedMail, claimDueMail, markAttemptFailed, markSent, markSkipped } from './outbox.js';
import type { MailTransport, OutgoingMail } from './transport.js';

/** What the worker does besides sending: the booking module writes and composes the families' mail. */
export type MailTasks<Retention> = {
  /** Writes the reminders that are due into the outbox; returns how many. */
  queueReminders(now: Date): Promise<number>;
  /** The mail of an outbox row as it is to be sent now; undefined when there is nothing to send any more. */
  compose(job: ClaimedMail): Promise<OutgoingMail | undefined>;
  /** The hourly clean-up (deletion of personal data). */
  retention(now: Date): Promise<Retention>;
};

type MailRound<Retention = unknown> = { sent: number; failed: number; skipped: number; reminders: number; retention?: Retention };

export type MailWorker<Retention = unknown> = {
  /** One round: due reminders into the outbox, due mail out, and the clean-up when it is due. */
  runOnce(): Promise<MailRound<Retention>>;
  start(): void;
  stop(): Promise<void>;
};

const RETENTION_EVERY_MS = 60 * 60 * 1000;

/**
 * The outbox worker inside the server. Several server processes may run it at once: each claims
 * different rows. Logs carry job ids and kinds only, never an address.
 */
export function mailWorker<Retention>(options: {
  db: Db; config: Config; clock: Clock; transport: MailTransport; log: FastifyBaseLogger; tasks: MailTasks<Retention>;
}): MailWorker<Retention> {
  const { db, config, clock, transport, log, tasks } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<MailRound<Retention>> | undefined;
  let lastRetention = 0;

  async function round(): Promise<MailRound<Retention>> {
    const now = clock();
    const result: MailRound<Retention> = { sent: 0, failed: 0, skipped: 0, reminders: await tasks.queueReminders(now) };
    for (const job of await claimDueMail(db, now)) {
      try {
        const mail = await tasks.compose(job);
        if (!mail) {
          await markSkipped(db, job.id);
          result.skipped += 1;
          continue;
        }
        await transport.send(mail);
        await markSent(db, job.id, clock());
        result.sent += 1;
      } catch (error) {
        const reason = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}` : 'unknown';
        await markAttemptFailed(db, job, reason, clock());
        log.warn({ mailJob: job.id, kind: job.kind, attempt: job.attempts, reason }, 'mail not sent, will retry');
        result.failed += 1;
      }
    }
    if (now.getTime() - lastRetention >= RETENTION_EVERY_MS) {
      result.retention = await tasks.retention(now);
      lastRetention = now.getTime();
    }
    return result;
  }

  const runOnce = async () => {
    // Rounds never overlap inside one process.
    while (running) await running.catch(() => undefined);
    running = round();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  return {
    runOnce,
    start() {
      if (config.mail.workerSeconds === 0 || timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) => log.error({ error: loggableError(error) }, 'mail round failed'));
      }, config.mail.workerSeconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
