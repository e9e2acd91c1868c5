-- Execution through the year: check-ins, KPI thresholds, status overrides, countermeasures,
-- check-in cadence, unit API tokens, cycle locks and digest settings.

-- A check-in records a measured value of a key result or a KPI (How Much item). Past check-ins are
-- never edited: a correction is a new row that names the check-in it corrects (`corrects_id`), so
-- the history keeps both. The effective history is the rows no other row corrects.
CREATE TABLE check_ins (
  id text PRIMARY KEY,
  key_result_id text REFERENCES key_results(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kpi_item_id text REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  value double precision NOT NULL,
  confidence double precision CHECK (confidence BETWEEN 0 AND 1),
  comment text NOT NULL DEFAULT '',
  check_in_date date NOT NULL,
  author_id text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  corrects_id text REFERENCES check_ins(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'upload', 'api', 'demo')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((key_result_id IS NULL) <> (kpi_item_id IS NULL))
);
CREATE INDEX check_ins_key_result_idx ON check_ins (key_result_id, check_in_date);
CREATE INDEX check_ins_kpi_idx ON check_ins (kpi_item_id, check_in_date);
-- A check-in is corrected at most once; a later correction corrects the correction.
CREATE UNIQUE INDEX check_ins_corrects_idx ON check_ins (corrects_id);

-- Per-KPI thresholds for the bowling chart: a miss within tolerance_percent of the plan is yellow.
CREATE TABLE kpi_thresholds (
  kpi_item_id text PRIMARY KEY REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  tolerance_percent double precision NOT NULL DEFAULT 5 CHECK (tolerance_percent >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An owner's override of a derived status, with the reason; at most one per objective or key result.
CREATE TABLE status_overrides (
  id text PRIMARY KEY,
  objective_id text UNIQUE REFERENCES objectives(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  key_result_id text UNIQUE REFERENCES key_results(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  status text NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track')),
  reason text NOT NULL CHECK (length(reason) > 0),
  set_by text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  set_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((objective_id IS NULL) <> (key_result_id IS NULL))
);

-- A countermeasure (A3 style) opened on a KPI's month, usually a red one, run through PDCA.
CREATE TABLE countermeasures (
  id text PRIMARY KEY,
  kpi_item_id text NOT NULL REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  year integer NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  problem text NOT NULL,
  root_cause text NOT NULL DEFAULT '',
  action text NOT NULL DEFAULT '',
  owner_id text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  due_date date,
  status text NOT NULL DEFAULT 'plan' CHECK (status IN ('plan', 'do', 'check', 'act', 'closed')),
  effect text,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'closed' OR (effect IS NOT NULL AND length(effect) > 0))
);
CREATE INDEX countermeasures_kpi_idx ON countermeasures (kpi_item_id, year, month);

-- A unit's check-in cadence; a unit without a row inherits its nearest ancestor's (default monthly).
CREATE TABLE unit_settings (
  unit_id text PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  check_in_cadence text CHECK (check_in_cadence IN ('weekly', 'monthly')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Tokens for systems that feed check-ins: scoped to one unit and its subtree, stored as a SHA-256
-- hash (the token itself is shown once, on creation), revocable.
CREATE TABLE unit_api_tokens (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  revoked_at timestamptz,
  last_used_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_api_tokens_unit_idx ON unit_api_tokens (unit_id);

-- Year-end locks. A lock is active while reopened_at is null; reopening keeps the row as a record.
CREATE TABLE cycle_locks (
  id text PRIMARY KEY,
  cycle_id text NOT NULL REFERENCES cycles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  locked_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  lock_reason text NOT NULL DEFAULT '',
  reopened_at timestamptz,
  reopened_by text,
  reopen_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cycle_locks_active_idx ON cycle_locks (cycle_id) WHERE reopened_at IS NULL;

-- Where an organisation's reminders and digest go. SMTP itself comes from the environment
-- (SMTP_HOST, SMTP_PORT, SMTP_FROM); e-mail recipients are the owners of the items listed.
CREATE TABLE digest_settings (
  organisation_id text PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  webhook_url text,
  email_enabled boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
