import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/db/store';
import { openTestStore } from '../support/test-app';

/**
 * Every table of the migrated schema tells the live feed what changed (migration 0010's
 * `catchball_notify_changes`, once per statement after each insert, update and delete: caches and
 * viewers on every app server rely on it) and leaves an audit trail (migration 0020's
 * `catchball_audit_table`: `catchball_audit_inserts` once per insert statement,
 * `catchball_audit_change` per updated or deleted row), unless it is named below with the
 * reason. A new table without them fails here until a migration adds them or this list says why.
 */
const WITHOUT_CHANGE_NOTIFY: Record<string, string> = {
  schema_migrations: 'the migration ledger, written by `migrate` before any server listens',
  audit_events:
    'written by the audit trigger inside writes that already notified; it would double every message',
  rate_limit_hits: 'a counter bumped on every sign-in attempt; no cache or viewer reads it',
  setup_tokens: 'one-time links read from the database when used; nothing caches them',
  sso_logins: 'protocol scratch of a sign-in in flight, read once by its callback',
  job_runs: 'job state polled by its client; progress writes would flood every viewer',
  webhook_deliveries: 'the delivery log, written after the change it tells of; read on request',
  schedule_runs: 'the schedule ledger, one row per reminder sent; nothing caches it',
};

const WITHOUT_AUDIT: Record<string, string> = {
  schema_migrations: 'the migration ledger, not data anyone changes',
  audit_events: 'the trail itself',
  sessions: 'sign-ins and sign-outs are recorded as their own events; the rows churn on every request',
  rate_limit_hits: 'counters, not changes to anything',
  setup_tokens: 'secret-bearing one-time links; the account an invitation creates is audited',
  sso_logins: 'protocol scratch; the sign-in itself is recorded',
  forecast_snapshots:
    'figures derived from the audited check-ins and plan, recomputed on every check-in; not a change anyone makes',
  kpi_connector_runs:
    'schedule, lease and last run of a connector, rewritten on every run; its settings and the check-ins it writes are audited',
  job_runs: 'machine state of background jobs, not changes anyone made',
  webhook_deliveries: 'an outbox and its log: itself the record of what was sent',
  schedule_runs: 'a ledger of what the schedules sent, itself the record',
};

interface TableTriggers {
  table: string;
  functions: string[];
}

/** Each base table of the current schema with the functions its row triggers run. */
async function readTriggers(store: Store): Promise<TableTriggers[]> {
  const { rows } = await sql<{ table: string; functions: string[] | null }>`
    SELECT t.table_name AS table,
           array_agg(p.proname::text ORDER BY p.proname) FILTER (WHERE p.proname IS NOT NULL) AS functions
    FROM information_schema.tables t
    LEFT JOIN pg_catalog.pg_trigger tg
      ON tg.tgrelid = format('%I.%I', t.table_schema, t.table_name)::regclass AND NOT tg.tgisinternal
    LEFT JOIN pg_catalog.pg_proc p ON p.oid = tg.tgfoid
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    GROUP BY t.table_name
    ORDER BY t.table_name
  `.execute(store.db);
  return rows.map((row) => ({ table: row.table, functions: row.functions ?? [] }));
}

describe('change-notify and audit triggers', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let tables: TableTriggers[];
  beforeAll(async () => {
    ({ store, drop } = await openTestStore());
    tables = await readTriggers(store);
  });
  afterAll(() => drop());

  it('reads the whole schema', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(['units', 'users', 'audit_events']));
  });

  it.each([
    ['catchball_notify_changes', WITHOUT_CHANGE_NOTIFY],
    ['catchball_audit_change', WITHOUT_AUDIT],
    ['catchball_audit_inserts', WITHOUT_AUDIT],
  ])('%s is on every table but the ones listed, and on none of those', (trigger, exempt) => {
    const missing = tables.filter((t) => !t.functions.includes(trigger) && !(t.table in exempt));
    expect(missing.map((t) => t.table)).toEqual([]);
    // The change feed's function runs from three statement triggers (insert, update, delete).
    const times = trigger === 'catchball_notify_changes' ? 3 : 1;
    const partial = tables.filter(
      (t) => !(t.table in exempt) && t.functions.filter((name) => name === trigger).length !== times,
    );
    expect(partial.map((t) => t.table)).toEqual([]);
    // The list stays true: an exempt table that gains the trigger (or disappears) is taken off it.
    const names = new Set(tables.map((t) => t.table));
    const stale = Object.keys(exempt).filter(
      (table) => !names.has(table) || tables.some((t) => t.table === table && t.functions.includes(trigger)),
    );
    expect(stale).toEqual([]);
  });

  it('audits and guards inserts once per statement, never also row by row', async () => {
    // tgtype bit 0: a row trigger; bit 2: fires on INSERT.
    const { rows } = await sql<{ trigger: string }>`
      SELECT tg.tgname AS trigger FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_proc p ON p.oid = tg.tgfoid
      WHERE NOT tg.tgisinternal AND p.proname IN ('catchball_audit_change', 'catchball_refuse_closed_cycle')
        AND (tg.tgtype & 1) = 1 AND (tg.tgtype & 4) = 4
      ORDER BY tg.tgname
    `.execute(store.db);
    expect(rows.map((row) => row.trigger)).toEqual([]);
  });
});
