-- Saved what-if scenarios: a named set of changes to one matrix's plan (core/what-if.ts `Scenario`),
-- the plan's values those changes replaced when it was saved (to refuse applying it over a plan
-- that has changed since, naming the item), and the outcome the pressure test gave it (probability
-- and 80 % value per target). A catchball proposal may name one as its evidence.
CREATE TABLE what_if_scenarios (
  id text PRIMARY KEY,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  changes jsonb NOT NULL,
  replaced jsonb NOT NULL DEFAULT '[]',
  summary jsonb NOT NULL,
  created_by text REFERENCES people(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  applied_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (matrix_id, name)
);

-- The scenario a proposal rests on; its outcome is also copied into the proposal's evidence, so
-- the proposal still says what it claimed once the scenario is deleted.
ALTER TABLE catchball_proposals ADD COLUMN scenario_id text
  REFERENCES what_if_scenarios(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

SELECT catchball_watch_changes('what_if_scenarios');
CREATE TRIGGER what_if_scenarios_audit AFTER INSERT OR UPDATE OR DELETE ON what_if_scenarios
  FOR EACH ROW EXECUTE FUNCTION catchball_audit_change();
