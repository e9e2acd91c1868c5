import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with Argon2id and a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword(stored, 'correct horse')).toBe(true);
    expect(await verifyPassword(stored, 'Correct horse')).toBe(false);
  });

  it('refuses when there is no stored hash, after doing the same work', async () => {
    const stored = await hashPassword('correct horse');
    await verifyPassword(null, 'warm-up');
    const timed = async (run: () => Promise<boolean>): Promise<number> => {
      const started = performance.now();
      await run();
      return performance.now() - started;
    };
    const known = await timed(() => verifyPassword(stored, 'wrong'));
    const unknown = await timed(() => verifyPassword(null, 'wrong'));
    expect(await verifyPassword(null, 'correct horse')).toBe(false);
    // Same parameters, so the same order of magnitude (loose bounds: CI machines are noisy).
    expect(unknown).toBeGreaterThan(known / 5);
  });

  it('treats a malformed stored hash as a refusal', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
