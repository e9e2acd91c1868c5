import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import type { ApiToken } from '../../contracts';
import type { Db } from '../db/store';
import { getRow } from '../db/versioned';
import { newId } from '../ids';
import { presentApiToken } from '../presenters/execution.presenter';
import { unitSubtree } from './unit-scope';

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Unit API tokens for systems that feed check-ins. A token is scoped to one unit and the units
 * below it; only its SHA-256 hash is stored, so the secret is shown once, on creation.
 */
export function createApiTokensService(db: Db) {
  return {
    async create(unitId: string, name: string): Promise<ApiToken> {
      await getRow(db, 'units', unitId);
      const token = `cbt_${randomBytes(24).toString('base64url')}`;
      const row = await db
        .insertInto('unitApiTokens')
        .values({ id: newId('tok'), unitId, name, tokenHash: hash(token) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return presentApiToken(row, token);
    },

    async list(unitId: string): Promise<ApiToken[]> {
      await getRow(db, 'units', unitId);
      const rows = await db
        .selectFrom('unitApiTokens')
        .selectAll()
        .where('unitId', '=', unitId)
        .orderBy('createdAt')
        .execute();
      return rows.map((row) => presentApiToken(row));
    },

    async revoke(id: string): Promise<void> {
      await getRow(db, 'unitApiTokens', id);
      await db
        .updateTable('unitApiTokens')
        .set((eb) => ({ revokedAt: new Date(), version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .execute();
    },

    /**
     * Checks an `Authorization: Bearer <token>` header for writing to `unitId`.
     * @returns the ids of `unitId` and every unit below it, which the token's scope covers.
     * @throws DomainError `unauthorized` without a valid, unrevoked token; `forbidden` when the
     * token belongs to a unit that `unitId` is not in the subtree of.
     */
    async authorise(header: string | undefined, unitId: string): Promise<Set<string>> {
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      if (!token)
        throw new DomainError('unauthorized', 'Send a unit API token as "Authorization: Bearer <token>"');
      const row = await db
        .selectFrom('unitApiTokens')
        .selectAll()
        .where('tokenHash', '=', hash(token))
        .executeTakeFirst();
      if (!row || row.revokedAt !== null)
        throw new DomainError('unauthorized', 'The API token is unknown or revoked');
      const scope = await unitSubtree(db, row.unitId);
      if (!scope.has(unitId))
        throw new DomainError(
          'forbidden',
          `This token belongs to unit ${row.unitId}; it may not write to unit ${unitId}`,
        );
      await db
        .updateTable('unitApiTokens')
        .set({ lastUsedAt: new Date() })
        .where('id', '=', row.id)
        .execute();
      return unitSubtree(db, unitId);
    },
  };
}
