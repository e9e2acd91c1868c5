-- The forecast from actuals (issue 13): "chance of hitting the target by year end, now", recorded
-- once a month per X-matrix and target, so a review sees how the odds moved. A target is a KPI of
-- the matrix, a key result it measures or an annual objective traced to that key result, each
-- tested on one KPI (kpi_item_id). The latest run in a month replaces that month's figure (the
-- unique key). Derived from check-ins and the plan, which are audited, so not audited itself.
CREATE TABLE forecast_snapshots (
  id text PRIMARY KEY,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kpi_item_id text NOT NULL REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  target_kind text NOT NULL CHECK (target_kind IN ('kpi', 'key_result', 'annual_objective')),
  target_id text NOT NULL,
  title text NOT NULL,
  year integer NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  as_of date NOT NULL,
  probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 1),
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease', 'band')),
  target double precision NOT NULL,
  target_high double precision,
  -- The KPI's latest actual the forecast started from (null: none yet, it started from the baseline).
  actual double precision,
  -- The year-end value reached in half the trials.
  median double precision NOT NULL,
  trials integer NOT NULL,
  seed integer NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (matrix_id, target_kind, target_id, kpi_item_id, year, month)
);
CREATE INDEX forecast_snapshots_target_idx ON forecast_snapshots (target_id, year, month);

SELECT catchball_watch_changes('forecast_snapshots');
