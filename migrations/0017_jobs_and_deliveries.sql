-- Durable jobs, webhook deliveries and schedules (issue 18).
-- job_runs: every background job (pressure tests) as any app server reports it: its state,
-- progress, result or error and attempts. On PostgreSQL pg-boss (its own schema, `pgboss`)
-- hands the work out and retries it; on the embedded store an in-process runner does, and a
-- restart finds what was left running here.
CREATE TABLE job_runs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  payload jsonb NOT NULL,
  progress double precision NOT NULL DEFAULT 0,
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  runner text,
  queue_job_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_runs_unfinished_idx ON job_runs (status) WHERE status IN ('queued', 'running');

-- Every webhook message as an outbox row: sent after the change's commit, retried with
-- exponential backoff until it is accepted or out of attempts; the rows are the delivery log.
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  webhook_id text,
  event text NOT NULL,
  url text NOT NULL,
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  last_status_code integer,
  last_error text,
  next_attempt_at timestamptz,
  claimed_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_organisation_idx ON webhook_deliveries (organisation_id, created_at DESC);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- One row per schedule occurrence (`reminder:<organisation>:<due date>`), inserted by whichever
-- app server reaches it first: the key is the lease, so two servers never send one twice.
CREATE TABLE schedule_runs (
  key text PRIMARY KEY,
  organisation_id text REFERENCES organisations(id) ON DELETE CASCADE,
  due_at timestamptz NOT NULL,
  runner text,
  outcome jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
