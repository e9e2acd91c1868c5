-- KPI connectors (issue 18, item 3): a KPI's actuals pulled on a schedule from an HTTP(S) CSV or
-- JSON document, an SQL query against a PostgreSQL database, or a Prometheus query, and written as
-- check-ins whose source is 'connector'.

ALTER TABLE check_ins DROP CONSTRAINT check_ins_source_check;
ALTER TABLE check_ins ADD CONSTRAINT check_ins_source_check
  CHECK (source IN ('manual', 'upload', 'api', 'demo', 'connector'));

-- At most one connector per KPI. `config` holds what is not secret (URL, query, selectors); the
-- secret (a PostgreSQL connection string, or an Authorization header for HTTP and Prometheus) is
-- either the NAME of an environment variable (`secret_env`) or AES-256-GCM ciphertext
-- (`secret_ciphertext`, key from CATCHBALL_SECRET_KEY or the embedded store's key file), never
-- plaintext.
CREATE TABLE kpi_connectors (
  kpi_item_id text PRIMARY KEY REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kind text NOT NULL CHECK (kind IN ('http', 'postgres', 'prometheus')),
  config jsonb NOT NULL,
  secret_env text,
  secret_ciphertext text,
  schedule text NOT NULL CHECK (schedule IN ('hourly', 'daily', 'manual')),
  enabled boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (secret_env IS NULL OR secret_ciphertext IS NULL)
);

-- A connector's schedule and its last run, apart from its settings so that runs (hourly, on every
-- server) leave the audit trail to the settings and the check-ins they write. `lease_holder` and
-- `lease_until` are the lease: a scheduler claims a due row by setting them in one UPDATE, so two
-- app servers never run one connector at once; a crashed holder's lease runs out.
CREATE TABLE kpi_connector_runs (
  kpi_item_id text PRIMARY KEY REFERENCES kpi_connectors(kpi_item_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  next_run_at timestamptz,
  lease_holder text,
  lease_until timestamptz,
  last_run_at timestamptz,
  last_status text CHECK (last_status IN ('ok', 'partial', 'failed')),
  last_error text,
  last_summary jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kpi_connector_runs_due_idx ON kpi_connector_runs (next_run_at);

CREATE TRIGGER kpi_connectors_audit AFTER INSERT OR UPDATE OR DELETE ON kpi_connectors
  FOR EACH ROW EXECUTE FUNCTION catchball_audit_change();
SELECT catchball_watch_changes('kpi_connectors');
SELECT catchball_watch_changes('kpi_connector_runs');
