-- Closing the year (issue 13, item 6): a cycle's closure, a reflection (hansei) per annual
-- objective, the links a roll-over keeps from next year's items to this year's, and the guard that
-- refuses writes to a closed cycle's OKRs, X-matrices and check-ins wherever they come from.

-- A closed cycle. One row per cycle; closing is final (there is no reopening).
CREATE TABLE cycle_closures (
  cycle_id text PRIMARY KEY REFERENCES cycles(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  closed_at timestamptz NOT NULL DEFAULT now(),
  closed_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The hansei of one annual objective: what was reached, why (causes), what was learned. It stays
-- editable after the cycle closes: reflecting is what closing a year is for.
CREATE TABLE reflections (
  id text PRIMARY KEY,
  matrix_id text NOT NULL REFERENCES x_matrices(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  item_id text NOT NULL UNIQUE REFERENCES matrix_items(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  reached text NOT NULL DEFAULT '',
  causes text NOT NULL DEFAULT '',
  learned text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reflections_matrix_idx ON reflections (matrix_id);

-- A roll-over's links: next year's matrix names the one it was rolled from, each carried item the
-- item it carries.
ALTER TABLE x_matrices ADD COLUMN rolled_from_id text REFERENCES x_matrices(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE matrix_items ADD COLUMN carried_from_id text REFERENCES matrix_items(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX matrix_items_carried_from_idx ON matrix_items (carried_from_id);

SELECT catchball_watch_changes('cycle_closures');
SELECT catchball_watch_changes('reflections');
CREATE TRIGGER cycle_closures_audit AFTER INSERT OR UPDATE OR DELETE ON cycle_closures FOR EACH ROW EXECUTE FUNCTION catchball_audit_change();
CREATE TRIGGER reflections_audit AFTER INSERT OR UPDATE OR DELETE ON reflections FOR EACH ROW EXECUTE FUNCTION catchball_audit_change();

-- The closed cycle a matrix of `m_unit` for `m_year` belongs to (its organisation's cycle of that
-- year with a closure), or null.
CREATE FUNCTION catchball_closed_cycle_of_matrix(m_unit text, m_year integer, OUT c_id text, OUT c_name text) LANGUAGE sql STABLE AS $$
  SELECT c.id, c.name FROM cycles c JOIN units u ON u.organisation_id = c.organisation_id
    JOIN cycle_closures k ON k.cycle_id = c.id
  WHERE u.id = m_unit AND c.year = m_year LIMIT 1
$$;

-- The closed cycle a row of `tbl` belongs to, or null.
CREATE FUNCTION catchball_closed_cycle_of(tbl text, r jsonb, OUT c_id text, OUT c_name text) LANGUAGE plpgsql STABLE AS $$
DECLARE
  m_id text;
BEGIN
  IF tbl = 'objectives' THEN
    SELECT c.id, c.name INTO c_id, c_name FROM cycles c JOIN cycle_closures k ON k.cycle_id = c.id WHERE c.id = r->>'cycle_id';
    RETURN;
  END IF;
  IF tbl = 'key_results' OR (tbl = 'check_ins' AND r->>'key_result_id' IS NOT NULL) THEN
    SELECT c.id, c.name INTO c_id, c_name FROM cycles c JOIN cycle_closures k ON k.cycle_id = c.id
      JOIN objectives o ON o.cycle_id = c.id
      LEFT JOIN key_results kr ON kr.objective_id = o.id
      WHERE (tbl = 'key_results' AND o.id = r->>'objective_id') OR (tbl = 'check_ins' AND kr.id = r->>'key_result_id')
      LIMIT 1;
    RETURN;
  END IF;
  IF tbl = 'x_matrices' THEN
    SELECT s.c_id, s.c_name INTO c_id, c_name FROM catchball_closed_cycle_of_matrix(r->>'unit_id', (r->>'year')::integer) s;
    RETURN;
  END IF;
  IF tbl = 'check_ins' THEN
    SELECT matrix_id INTO m_id FROM matrix_items WHERE id = r->>'kpi_item_id';
  ELSE
    m_id := r->>'matrix_id';
  END IF;
  IF m_id IS NOT NULL THEN
    SELECT s.c_id, s.c_name INTO c_id, c_name FROM x_matrices x, catchball_closed_cycle_of_matrix(x.unit_id, x.year) s WHERE x.id = m_id;
  END IF;
END $$;

-- Refuses a direct write to a closed cycle's rows with SQLSTATE CB001 (the server answers
-- `cycle_closed`, naming the cycle). Cascades of a delete elsewhere (pg_trigger_depth() > 1) and
-- a restore pass, so an organisation holding a closed year can still be replaced or restored.
CREATE FUNCTION catchball_refuse_closed_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed_id text;
  closed_name text;
BEGIN
  IF pg_trigger_depth() > 1 OR current_setting('catchball.restoring', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT s.c_id, s.c_name INTO closed_id, closed_name FROM catchball_closed_cycle_of(TG_TABLE_NAME, to_jsonb(OLD)) s;
  END IF;
  IF closed_id IS NULL AND TG_OP <> 'DELETE' THEN
    SELECT s.c_id, s.c_name INTO closed_id, closed_name FROM catchball_closed_cycle_of(TG_TABLE_NAME, to_jsonb(NEW)) s;
  END IF;
  IF closed_id IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'CB001', MESSAGE = format('The cycle %s is closed: its OKRs, X-matrices and check-ins can no longer change', closed_name), DETAIL = closed_id, HINT = closed_name;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['objectives', 'key_results', 'check_ins', 'x_matrices', 'matrix_items',
    'correlations', 'ownerships', 'initiative_impacts', 'initiative_efforts']
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_refuse_closed_cycle()',
      name || '_closed_cycle', name
    );
  END LOOP;
END $$;
