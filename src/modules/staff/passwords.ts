import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import argon2 from 'argon2';

/**
 * The demo accounts' password: only ever set by the demo seed (development), printed by `npm start` and listed
 * in the README, and refused for every real account.
 */
export const DEMO_PASSWORD = 'familientag-demo';

/** OWASP's minimum for Argon2id is m=19 MiB, t=2, p=1; we use it exactly, measured at ~30 ms here. */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifies against a real hash even when no account matched, so that the response time does not
 * tell whether an e-mail address has an account.
 */
let decoy: Promise<string> | undefined;
export async function verifyNobody(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that never matches');
  await verifyPassword(await decoy, password);
  return false;
}

/** A readable random password for new accounts, shown once: 4 groups of 4 from the booking-code alphabet. */
export function generatePassword(): string {
  const alphabet = 'ACDEFGHJKMNPQRTUVWXYacdefghjkmnpqrtuvwxy34679';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * zxcvbn's top score, 4: at least 10^10 guesses. Score 3 (10^8) still lets "Passwort1234!" and "Sommer2026!!"
 * through, the word-year-sign pattern that fills the breach lists.
 */
const MIN_PASSWORD_SCORE = 4;

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded and built at the first password change: the dictionaries (common passwords, German and English words,
 * names) take about 35 MB, which a server that families book on should not hold from its start.
 * Without the Levenshtein matcher, which took seconds of CPU per check here; a check takes ~0.1 s.
 */
function strengthEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, german, english] = await Promise.all([import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-de'), import('@zxcvbn-ts/language-en')]);
    return new ZxcvbnFactory({
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...german.dictionary, ...english.dictionary },
    });
  })();
  return estimator;
}

export type PasswordContext = { email: string; name: string; organisationName: string; organisationSlug: string };

/**
 * Why a new password is refused (a translation key), or undefined if it is good: not the e-mail address,
 * its local part or one's full name, not the demo password, and rated 4 by zxcvbn, which knows common and leaked
 * passwords, German and English words and names, keyboard patterns, dates and l33t spellings.
 */
export async function passwordProblem(password: string, context: PasswordContext): Promise<string | undefined> {
  const lowered = password.toLowerCase();
  const email = context.email.toLowerCase();
  const localPart = email.split('@')[0] ?? email;
  const lettersOf = (value: string) => transliterate(value.toLowerCase()).replace(/[^\p{L}]/gu, '');
  const fullName = lettersOf(context.name);
  if (lowered.includes(email) || (localPart.length >= 4 && lowered.includes(localPart))
    || (fullName.length >= 6 && lettersOf(password).includes(fullName))) return 'staff.password.errors.personal';
  if (lowered.includes(DEMO_PASSWORD)) return 'staff.password.errors.weak';
  const personal = [email, localPart, ...context.name.split(/\s+/), context.organisationName, context.organisationSlug, 'familientag', DEMO_PASSWORD]
    .flatMap((word) => [word, ...word.split(/[^\p{L}\p{N}]+/u)])
    .flatMap((word) => [word, transliterate(word)]);
  const { score } = (await strengthEstimator()).check(password.slice(0, 100), personal.filter((word) => word.length >= 3));
  return score < MIN_PASSWORD_SCORE ? 'staff.password.errors.weak' : undefined;
}

/** "Meißner" is typed "Meissner" just as often. */
const transliterate = (word: string) =>
  word.replace(/ß/g, 'ss').replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue');
