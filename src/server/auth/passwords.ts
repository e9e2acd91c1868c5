import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane): about 20-40 ms per hash on a
 * server core, run on libuv's thread pool so the event loop stays free.
 */
// The algorithm is the library's default, Argon2id (its const enum cannot be imported under
// isolatedModules); the test checks the `$argon2id$` prefix.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a random password, computed once: unknown users are checked against it. */
let dummy: Promise<string> | null = null;
const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(`no-such-user-${String(Math.random())}-${String(Date.now())}`));

/**
 * Checks a password against a stored hash. With `stored` null (unknown user, or an account
 * without a password) it still runs a full verification against a dummy hash and answers false,
 * so the time taken does not tell whether the e-mail address has an account.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a refusal, not a crash.
    return false;
  }
}
