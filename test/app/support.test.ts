import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { pgError } from '../../src/db/errors.js';
import { STAFF_LANGUAGES, availableLanguages, directionOf, i18n } from '../../src/lib/i18n.js';
import { redactUrl } from '../../src/lib/logging.js';
import { CODE_ALPHABET, hashToken, newBookingCode, newManageToken, normaliseBookingCode } from '../../src/lib/tokens.js';

describe('config', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', host: '127.0.0.1', port: 3000, databaseUrl: undefined, seedDemo: true, secureCookies: false });
    expect(config.publicUrl).toBe('http://localhost:3000');
  });
  it('fails fast on bad values and on missing production secrets', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ SESSION_KEY: 'short' })).toThrow(/SESSION_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://x.example' })).toThrow(/SESSION_KEY is required/);
    const production = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://x.example/', SESSION_KEY: 'ab'.repeat(32) });
    expect(production).toMatchObject({ seedDemo: false, secureCookies: true, publicUrl: 'https://x.example' });
  });
});

describe('tokens and codes', () => {
  it('makes 6-character booking codes from an alphabet without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newBookingCode()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']) expect(CODE_ALPHABET).not.toContain(ambiguous);
    expect(normaliseBookingCode(' ac-d 3x ')).toBe('ACD3X');
  });
  it('makes manage tokens of 128 random bits, stored only as a SHA-256 hash', () => {
    const token = newManageToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    expect(newManageToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('logs', () => {
  it('never carry a manage token or a query string', () => {
    expect(redactUrl('/de/wmk/booking/abcdefghijklmnopqrstuv/cancel')).toBe('/de/wmk/booking/[token]/cancel');
    expect(redactUrl('/de/wmk/booking/abcdefghijklmnopqrstuv?confirmed=1')).toBe('/de/wmk/booking/[token]?[query]');
  });
});

describe('database errors', () => {
  it('finds the SQLSTATE through driver wrappers', () => {
    expect(pgError({ message: 'x', cause: { code: '23505', constraint: 'c' } })).toEqual({ code: '23505', constraint: 'c' });
    expect(pgError({ code: '23505', constraint_name: 'c' })).toEqual({ code: '23505', constraint: 'c' });
    expect(pgError(new Error('plain'))).toBeUndefined();
  });
});

describe('translations', () => {
  const flatten = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) => flatten(child, prefix ? `${prefix}.${key}` : key))
      : [prefix];
  const keysOf = (lang: string) => flatten(JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8'))).sort();

  // The other family languages hold only the family namespaces: test/app/i18n-completeness.test.ts checks them.
  it('has the same keys in German and English', () => {
    const german = keysOf('de');
    for (const lang of STAFF_LANGUAGES) expect(keysOf(lang), lang).toEqual(german);
  });

  it('has every key that the views and the code ask for', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [full];
    });
    const used = new Set<string>();
    for (const file of [...files('views'), ...files('src')]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/'((?:booking|errors)\.[a-zA-Z]+\.(?:errors\.)?[a-zA-Z.]+)'/g)) used.add(match[1]!);
    }
    // Keys built at run time from a known set of values.
    for (const kind of ['400', '403', 'csrf', '404', '405', '413', '415', '429', '500']) used.add(`errors.${kind}.title`).add(`errors.${kind}.text`);
    for (const reason of ['not-published', 'cancelled', 'not-yet-open', 'closed']) {
      used.add(`booking.unavailable.${reason}.title`).add(`booking.unavailable.${reason}.text`);
    }
    for (const key of [...used]) if (key.endsWith('.')) used.delete(key);
    expect(used.size).toBeGreaterThan(50);
    for (const lang of availableLanguages()) {
      const t = i18n().getFixedT(lang);
      const missing = [...used].filter((key) => !i18n().exists(key, { lng: lang }) && t(key, { count: 2 }) === key);
      expect(missing, lang).toEqual([]);
    }
  });

  it('writes right-to-left languages right to left', () => {
    expect(directionOf('de')).toBe('ltr');
    for (const lang of ['ar', 'fa']) expect(directionOf(lang)).toBe('rtl');
  });
});

describe('error logging', () => {
  it('keeps query parameters (personal data) out of logged database errors', async () => {
    const { loggableError } = await import('../../src/lib/logging.js');
    const error = Object.assign(new Error('Failed query: insert into "bookings" ("name","email") values ($1, $2)\nparams: Aylin,aylin@example.org'), {
      query: 'insert …', params: ['Aylin', 'aylin@example.org'], cause: { code: '23502', constraint: undefined },
    });
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain('Failed query: insert into');
    expect(logged).toContain('23502');
    expect(logged).not.toContain('Aylin');
    expect(logged).not.toContain('aylin@example.org');
  });
});
