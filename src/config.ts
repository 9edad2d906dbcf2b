import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The only place that reads process.env. Every setting is documented in .env.example.
 * Parsed once at start; a bad value stops the server with a clear message.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: booleanFromEnv.optional(),
  SESSION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'SESSION_KEY must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().trim().default('false').transform(parseTrustProxy),
  RATE_LIMIT_BOOKINGS_PER_HOUR: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  BOOKINGS_PER_EMAIL_PER_EVENT: z.coerce.number().int().min(1).default(2),
  LOGIN_ATTEMPTS_PER_15_MINUTES: z.coerce.number().int().min(1).default(10),
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: z.coerce.number().int().min(1).default(50),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().regex(/^[^\r\n]+$/, 'MAIL_FROM must be one line').default('Familientag <noreply@familientag.invalid>'),
  MAIL_WORKER_SECONDS: z.coerce.number().int().min(0).default(15),
  AUDIT_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
});

export type TrustProxy = false | number | string[];

/**
 * `true` would believe any client's X-Forwarded-For, so anyone could pick the address the rate limits see.
 * Only a hop count or the proxies' own addresses are accepted.
 */
function parseTrustProxy(value: string, context: z.RefinementCtx): TrustProxy {
  if (['false', '0', 'no', ''].includes(value)) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (['true', 'yes'].includes(value)) {
    context.addIssue({
      code: 'custom',
      message: 'TRUST_PROXY=true would trust any client; give the number of proxies (e.g. 1) or their addresses (e.g. 10.0.0.2,10.0.1.0/24)',
    });
    return z.NEVER;
  }
  const addresses = value.split(',').map((part) => part.trim()).filter(Boolean);
  const invalid = addresses.filter((address) => !isAddressOrRange(address));
  if (invalid.length > 0) {
    context.addIssue({ code: 'custom', message: `TRUST_PROXY: not an IP address, CIDR range or loopback/linklocal/uniquelocal: ${invalid.join(', ')}` });
    return z.NEVER;
  }
  return addresses;
}

function isAddressOrRange(value: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(value)) return true;
  const [address, bits, ...rest] = value.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  /** Whether PUBLIC_URL was set, rather than derived from PORT. */
  publicUrlFromEnv: boolean;
  /** Absent: the embedded PGlite database under dataDir (or in memory for tests). */
  databaseUrl: string | undefined;
  dataDir: string;
  seedDemo: boolean;
  /** 32-byte key for the encrypted family-draft cookie; absent outside production means "make one". */
  sessionKey: Buffer | undefined;
  secureCookies: boolean;
  logLevel: string;
  /** Fastify's trustProxy: false, a hop count, or the addresses/CIDRs of the proxies whose X-Forwarded-For counts. */
  trustProxy: TrustProxy;
  rateLimits: Readonly<{
    /** Successful bookings per client address and hour. */
    bookingsPerHour: number;
    /** Not-found look-ups (unknown links) per client address and minute. */
    lookupsPerMinute: number;
    /** Failed sign-ins per client address and e-mail address in 15 minutes. */
    loginAttemptsPer15Minutes: number;
    /** Failed sign-ins per client address in 15 minutes, whatever the e-mail address (against spraying). */
    loginAttemptsPerAddressPer15Minutes: number;
  }>;
  /** Active bookings one e-mail address may hold for one event (against hoarding of slots). */
  bookingsPerEmailPerEvent: number;
  mail: Readonly<{
    /** Absent: mails are written as .eml files under dataDir/mail and shown to coordinators at /:lang/:org/staff/mail (outside production). */
    smtpUrl: string | undefined;
    from: string;
    /** How often the outbox worker looks for due mail, reminders and expired data; 0 turns it off. */
    workerSeconds: number;
  }>;
  auditLogRetentionDays: number;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid settings:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production') {
    if (!e.SESSION_KEY) throw new ConfigError('SESSION_KEY is required in production');
    if (!e.PUBLIC_URL) throw new ConfigError('PUBLIC_URL is required in production');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    publicUrlFromEnv: Boolean(e.PUBLIC_URL),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    sessionKey: e.SESSION_KEY ? Buffer.from(e.SESSION_KEY, 'hex') : undefined,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimits: Object.freeze({
      bookingsPerHour: e.RATE_LIMIT_BOOKINGS_PER_HOUR,
      lookupsPerMinute: e.RATE_LIMIT_LOOKUPS_PER_MINUTE,
      loginAttemptsPer15Minutes: e.LOGIN_ATTEMPTS_PER_15_MINUTES,
      loginAttemptsPerAddressPer15Minutes: e.LOGIN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES,
    }),
    bookingsPerEmailPerEvent: e.BOOKINGS_PER_EMAIL_PER_EVENT,
    mail: Object.freeze({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, workerSeconds: e.MAIL_WORKER_SECONDS }),
    auditLogRetentionDays: e.AUDIT_LOG_RETENTION_DAYS,
  });
}
