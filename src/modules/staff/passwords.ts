import argon2 from 'argon2';

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
