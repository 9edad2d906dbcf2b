import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Config } from '../../config.js';

export type OutgoingMail = Mail.Options;

export type MailTransport = {
  kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

const mailDirectory = (config: Config) => path.resolve(config.dataDir, 'mail');

/**
 * SMTP when SMTP_URL is set. Otherwise nodemailer builds the same message and it is written as an .eml
 * file under DATA_DIR/mail, to be read on the development page or opened in any mail program.
 */
export function createMailTransport(config: Config): MailTransport {
  if (config.mail.smtpUrl) {
    const smtp = nodemailer.createTransport(config.mail.smtpUrl, { from: config.mail.from });
    return {
      kind: 'smtp',
      async send(mail) {
        await smtp.sendMail(mail);
      },
      close: () => smtp.close(),
    };
  }
  const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, { from: config.mail.from });
  const directory = mailDirectory(config);
  return {
    kind: 'files',
    async send(mail) {
      const built = await files.sendMail(mail);
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${built.messageId.replace(/[^\w.-]/g, '')}.eml`;
      await writeFile(path.join(directory, name), built.message as Buffer, { mode: 0o600 });
    },
    close: () => files.close(),
  };
}

/** The written .eml files, newest first. */
export async function listMailFiles(config: Config): Promise<string[]> {
  try {
    return (await readdir(mailDirectory(config))).filter((name) => name.endsWith('.eml')).sort().reverse();
  } catch {
    return [];
  }
}

export async function readMailFile(config: Config, name: string): Promise<string | undefined> {
  if (!/^[\w.-]+\.eml$/.test(name)) return undefined;
  try {
    return await readFile(path.join(mailDirectory(config), name), 'utf8');
  } catch {
    return undefined;
  }
}
