import { sql } from 'kysely';
import type {
  Connector,
  ConnectorConfig,
  ConnectorPreview,
  ConnectorRun,
  ConnectorSchedule,
  ConnectorSecretInput,
  PreviewConnectorInput,
  SetConnectorInput,
} from '../../../contracts';
import { ConnectorConfigSchema, ConnectorRunSchema } from '../../../contracts';
import { DomainError } from '../../../core/errors';
import {
  connectorOf,
  recordConnectorRun,
  type ConnectorRow,
} from '../../db/repositories/connector.repository';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import type { Clock } from '../clock';
import type { createCheckInsService } from '../execution/check-ins.service';
import { applyRun, planRun } from './connector-run';
import { readSource, SourceError } from './connector-sources';
import type { SecretBox } from './secret-box';

export interface ConnectorsOptions {
  secrets: SecretBox;
  /** The environment the named secrets are read from. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The moment now, for schedules and Prometheus queries. */
  now?: () => Date;
}

const SCHEDULE_MS: Record<ConnectorSchedule, number | null> = {
  hourly: 3_600_000,
  daily: 86_400_000,
  manual: null,
};

/** When a connector on `schedule` runs next after `from`; null for manual ones. */
export function nextRunAfter(schedule: ConnectorSchedule, from: Date): Date | null {
  const step = SCHEDULE_MS[schedule];
  return step === null ? null : new Date(from.getTime() + step);
}

/**
 * KPI connectors: settings (one per KPI), a dry run, and runs that write through the check-in
 * service as source `connector`. The secret is a named environment variable or sealed by the
 * secret box; neither this service's answers nor the database ever hold it in plaintext.
 */
export function createConnectorsService(
  db: Db,
  clock: Clock,
  checkIns: ReturnType<typeof createCheckInsService>,
  options: ConnectorsOptions,
) {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());

  /** The KPI and its unit; anything else than a KPI (How Much item) is refused naming it. */
  async function kpiOf(kpiId: string): Promise<{ unitId: string }> {
    const item = await getRow(db, 'matrixItems', kpiId);
    if (item.part !== 'how_much')
      throw new DomainError('validation_failed', `${item.title} is not a KPI: only KPIs take connectors`, {
        issues: [{ path: 'params.id', message: 'not a KPI' }],
      });
    return getRow(db, 'xMatrices', item.matrixId);
  }

  /** The stored form of a secret input, given what is stored now. */
  function storedSecret(input: ConnectorSecretInput, current: ConnectorRow | undefined) {
    switch (input.kind) {
      case 'keep':
        return { secretEnv: current?.secretEnv ?? null, secretCiphertext: current?.secretCiphertext ?? null };
      case 'none':
        return { secretEnv: null, secretCiphertext: null };
      case 'env':
        return { secretEnv: input.env, secretCiphertext: null };
      case 'value':
        return { secretEnv: null, secretCiphertext: options.secrets.seal(input.value) };
    }
  }

  function openSecret(stored: { secretEnv: string | null; secretCiphertext: string | null }): string | null {
    if (stored.secretEnv) {
      const value = env[stored.secretEnv];
      if (!value)
        throw new SourceError(`The environment variable ${stored.secretEnv} is not set on this server`);
      return value;
    }
    return stored.secretCiphertext ? options.secrets.open(stored.secretCiphertext) : null;
  }

  async function dryRun(
    kpiId: string,
    unitId: string,
    config: ConnectorConfig,
    stored: { secretEnv: string | null; secretCiphertext: string | null },
  ) {
    const at = now();
    try {
      const read = await readSource(config, {
        secret: openSecret(stored),
        today: clock(),
        nowSeconds: at.getTime() / 1000,
      });
      const plan = await planRun(checkIns, kpiId, unitId, read.values);
      if (read.values.length === 0 && read.problems.length === 0)
        read.problems.push('the source had no values');
      return { plan, problems: read.problems, failed: false };
    } catch (error) {
      if (error instanceof SourceError || error instanceof DomainError)
        return { plan: null, problems: [error.message], failed: true };
      throw error;
    }
  }

  async function present(kpiId: string): Promise<Connector | null> {
    const found = await connectorOf(db, kpiId);
    if (!found) return null;
    const { connector, run } = found;
    const summary = ConnectorRunSchema.omit({ at: true, status: true }).safeParse(run?.lastSummary);
    return {
      kpiId,
      config: ConnectorConfigSchema.parse(connector.config),
      secret: connector.secretEnv
        ? { kind: 'env', env: connector.secretEnv, present: Boolean(env[connector.secretEnv]) }
        : connector.secretCiphertext
          ? { kind: 'encrypted' }
          : { kind: 'none' },
      schedule: connector.schedule,
      enabled: connector.enabled,
      nextRunAt: run?.nextRunAt ? run.nextRunAt.toISOString() : null,
      lastRun:
        run?.lastRunAt && run.lastStatus && summary.success
          ? { at: run.lastRunAt.toISOString(), status: run.lastStatus, ...summary.data }
          : null,
      version: connector.version,
    };
  }

  return {
    async get(kpiId: string): Promise<{ connector: Connector | null }> {
      await kpiOf(kpiId);
      return { connector: await present(kpiId) };
    },

    /** Creates or replaces the KPI's connector (version-checked when one exists); the schedule restarts now. */
    async set(kpiId: string, input: SetConnectorInput): Promise<Connector> {
      await kpiOf(kpiId);
      const current = (await connectorOf(db, kpiId))?.connector;
      if (current && input.version !== current.version)
        throw new DomainError(
          'version_conflict',
          input.version === undefined
            ? 'This KPI already has a connector: send the version you read'
            : `The connector changed (version ${String(current.version)}); reload it`,
          { current: await present(kpiId) },
        );
      const secret = storedSecret(input.secret, current);
      if (input.config.kind === 'postgres' && !secret.secretEnv && !secret.secretCiphertext)
        throw new DomainError('validation_failed', 'A PostgreSQL connector needs its connection string', {
          issues: [
            {
              path: 'body.secret',
              message:
                'name the environment variable holding the connection string, or give it to store encrypted',
            },
          ],
        });
      const values = {
        kind: input.config.kind,
        config: JSON.stringify(input.config),
        ...secret,
        schedule: input.schedule,
        enabled: input.enabled,
      };
      const at = now();
      await db.transaction().execute(async (trx) => {
        if (current)
          await trx
            .updateTable('kpiConnectors')
            .set({ ...values, version: sql<number>`version + 1`, updatedAt: at })
            .where('kpiItemId', '=', kpiId)
            .execute();
        else
          await trx
            .insertInto('kpiConnectors')
            .values({ kpiItemId: kpiId, ...values })
            .execute();
        const nextRunAt = input.enabled && input.schedule !== 'manual' ? at : null;
        await trx
          .insertInto('kpiConnectorRuns')
          .values({ kpiItemId: kpiId, nextRunAt })
          .onConflict((oc) => oc.column('kpiItemId').doUpdateSet({ nextRunAt, updatedAt: at }))
          .execute();
      });
      const saved = await present(kpiId);
      if (!saved) throw new DomainError('invariant_violated', 'The connector was not saved');
      return saved;
    },

    async remove(kpiId: string, version: number): Promise<undefined> {
      await kpiOf(kpiId);
      const current = (await connectorOf(db, kpiId))?.connector;
      if (!current) throw new DomainError('not_found', 'This KPI has no connector');
      if (current.version !== version)
        throw new DomainError('version_conflict', 'The connector changed; reload it', {
          current: await present(kpiId),
        });
      await db.deleteFrom('kpiConnectors').where('kpiItemId', '=', kpiId).execute();
      return undefined;
    },

    /** What a connector with these settings would record now, and its errors; writes nothing. */
    async preview(kpiId: string, input: PreviewConnectorInput): Promise<ConnectorPreview> {
      const { unitId } = await kpiOf(kpiId);
      const current = (await connectorOf(db, kpiId))?.connector;
      const stored = storedSecret(input.secret, current);
      const { plan, problems } = await dryRun(kpiId, unitId, input.config, stored);
      return { values: plan?.values ?? [], problems };
    },

    /**
     * Runs the saved connector and records the run. With `holder` (the scheduler), the run is
     * recorded only while that holder still has the lease.
     */
    async run(kpiId: string, holder?: string): Promise<ConnectorRun> {
      const { unitId } = await kpiOf(kpiId);
      const found = await connectorOf(db, kpiId);
      if (!found) throw new DomainError('not_found', 'This KPI has no connector: set one up first');
      const { connector } = found;
      const config = ConnectorConfigSchema.parse(connector.config);
      const { plan, problems, failed } = await dryRun(kpiId, unitId, config, connector);
      if (plan) {
        try {
          await applyRun(checkIns, plan);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push(error.message);
        }
      }
      const values = plan?.values ?? [];
      const count = (action: string) => values.filter((value) => value.action === action).length;
      const status: ConnectorRun['status'] = failed
        ? 'failed'
        : problems.length > 0 || count('skipped') > 0
          ? values.length > count('skipped')
            ? 'partial'
            : 'failed'
          : 'ok';
      const at = now();
      const summary = {
        created: count('create'),
        corrected: count('correct'),
        unchanged: count('unchanged'),
        skipped: count('skipped'),
        problems,
        values,
      };
      await recordConnectorRun(
        db,
        kpiId,
        {
          at,
          status,
          error: problems[0] ?? null,
          summary,
          nextRunAt: connector.enabled ? nextRunAfter(connector.schedule, at) : null,
        },
        holder,
      );
      return { at: at.toISOString(), status, ...summary };
    },
  };
}

export type ConnectorsService = ReturnType<typeof createConnectorsService>;
