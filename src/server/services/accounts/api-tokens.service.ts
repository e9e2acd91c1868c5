import { randomBytes } from 'node:crypto';
import { hashSecret } from '../../auth/principal';
import type { ApiToken } from '../../../contracts';
import type { TokenScope } from '../../../core/access';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { presentApiToken } from '../../presenters/execution.presenter';

/**
 * Unit API tokens for integrations. A token acts on one unit and the units below it, within its
 * scopes (read, check_ins, write; see core/access.ts); only its SHA-256 hash is stored, so the
 * secret is shown once, on creation. The request's principal is found in auth/principal.ts.
 */
export function createApiTokensService(db: Db) {
  return {
    async create(
      unitId: string,
      input: { name: string; scopes: TokenScope[]; expiresAt: string | null; createdBy: string | null },
    ): Promise<ApiToken> {
      await getRow(db, 'units', unitId);
      const token = `cbt_${randomBytes(24).toString('base64url')}`;
      const row = await db
        .insertInto('unitApiTokens')
        .values({
          id: newId('tok'),
          unitId,
          name: input.name,
          tokenHash: hashSecret(token),
          scopes: JSON.stringify([...new Set(input.scopes)]),
          createdBy: input.createdBy,
          expiresAt: input.expiresAt,
        })
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
  };
}
