-- Pressure test and catchball: what initiatives do to KPIs and need from people, the proposals
-- that carry a target back up to the parent unit, the history of every target, and webhooks.

-- The chance (0-1) that an initiative is delivered at all; only How items use it.
ALTER TABLE matrix_items ADD COLUMN delivery_probability double precision NOT NULL DEFAULT 1
  CHECK (delivery_probability >= 0 AND delivery_probability <= 1);

-- What an initiative (How item) is expected to do to a KPI (How Much item) of the same matrix:
-- an improvement in the KPI's good direction, as low ≤ likely ≤ high.
CREATE TABLE initiative_impacts (
  id text PRIMARY KEY,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  initiative_id text NOT NULL REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kpi_id text NOT NULL REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  low double precision NOT NULL,
  likely double precision NOT NULL,
  high double precision NOT NULL,
  basis text NOT NULL DEFAULT 'absolute' CHECK (basis IN ('absolute', 'percent')),
  start_month integer NOT NULL DEFAULT 1 CHECK (start_month BETWEEN 1 AND 12),
  ramp_months integer NOT NULL DEFAULT 0 CHECK (ramp_months BETWEEN 0 AND 24),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (low <= likely AND likely <= high),
  UNIQUE (initiative_id, kpi_id)
);
CREATE INDEX initiative_impacts_matrix_idx ON initiative_impacts (matrix_id);

-- Effort an initiative needs from one skill, in person-days per month over a range of months.
CREATE TABLE initiative_efforts (
  id text PRIMARY KEY,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  initiative_id text NOT NULL REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  skill text NOT NULL,
  person_days_per_month double precision NOT NULL CHECK (person_days_per_month >= 0),
  from_month integer NOT NULL DEFAULT 1 CHECK (from_month BETWEEN 1 AND 12),
  to_month integer NOT NULL DEFAULT 12 CHECK (to_month BETWEEN 1 AND 12),
  position integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_month <= to_month)
);
CREATE INDEX initiative_efforts_matrix_idx ON initiative_efforts (matrix_id);

-- A catchball proposal from a child unit to its parent about one target: a KPI of the child's
-- matrix and/or the key result it came from. `proposed_target` is the value on the table now
-- (revised or countered along the way); `evidence` keeps the pressure-test result it rests on.
CREATE TABLE catchball_proposals (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  child_unit_id text NOT NULL REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  parent_unit_id text NOT NULL REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kpi_item_id text REFERENCES matrix_items(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  key_result_id text REFERENCES key_results(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  title text NOT NULL,
  original_target double precision NOT NULL,
  proposed_target double precision NOT NULL,
  resources jsonb NOT NULL DEFAULT '{"summary":"","gaps":[]}',
  rationale text NOT NULL DEFAULT '',
  evidence jsonb,
  state text NOT NULL DEFAULT 'proposed'
    CHECK (state IN ('proposed', 'questioned', 'countered', 'revised', 'agreed', 'withdrawn', 'rejected')),
  created_by text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kpi_item_id IS NOT NULL OR key_result_id IS NOT NULL)
);
CREATE INDEX catchball_proposals_child_idx ON catchball_proposals (child_unit_id);
CREATE INDEX catchball_proposals_parent_idx ON catchball_proposals (parent_unit_id);

-- Every step of a proposal's thread, with a snapshot of target, resources and comment.
CREATE TABLE catchball_events (
  id text PRIMARY KEY,
  proposal_id text NOT NULL REFERENCES catchball_proposals(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq integer NOT NULL,
  actor_id text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  action text NOT NULL CHECK (action IN ('propose', 'question', 'counter', 'revise', 'agree', 'withdraw', 'reject')),
  from_state text,
  to_state text NOT NULL,
  target double precision NOT NULL,
  resources jsonb NOT NULL,
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (proposal_id, seq)
);

-- Every value a target has had: who changed it, when, why, and the proposal that agreed it.
CREATE TABLE target_history (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  subject_kind text NOT NULL CHECK (subject_kind IN ('key_result', 'kpi')),
  key_result_id text REFERENCES key_results(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  kpi_item_id text REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  old_target double precision,
  new_target double precision,
  changed_by text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  reason text NOT NULL DEFAULT '',
  proposal_id text REFERENCES catchball_proposals(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((subject_kind = 'key_result') = (key_result_id IS NOT NULL)),
  CHECK ((subject_kind = 'kpi') = (kpi_item_id IS NOT NULL))
);
CREATE INDEX target_history_key_result_idx ON target_history (key_result_id);
CREATE INDEX target_history_kpi_idx ON target_history (kpi_item_id);

-- Where to tell a unit that the ball is in its court: one URL per unit, or one for the whole
-- organisation (unit_id NULL) used by units without their own.
CREATE TABLE webhooks (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  unit_id text REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  url text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX webhooks_unit_idx ON webhooks (unit_id) WHERE unit_id IS NOT NULL;
CREATE UNIQUE INDEX webhooks_organisation_idx ON webhooks (organisation_id) WHERE unit_id IS NULL;

-- Live updates (0006_change_notifications) put a change trigger on every table. On a store that
-- already ran 0006 before this migration arrived, add the same trigger to the tables made here;
-- on a fresh store 0006 runs after this file and covers them itself.
DO $$
DECLARE
  name text;
BEGIN
  IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'catchball_notify_change') THEN
    FOREACH name IN ARRAY ARRAY['initiative_impacts', 'initiative_efforts', 'catchball_proposals',
                                'catchball_events', 'target_history', 'webhooks']
    LOOP
      EXECUTE format(
        'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_notify_change()',
        name || '_notify_change', name
      );
    END LOOP;
  END IF;
END $$;
