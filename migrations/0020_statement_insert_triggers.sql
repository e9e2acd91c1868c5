-- Inserts are audited and guarded once per statement (issue 17, item 3). The row triggers of
-- migrations 0007 (audit trail) and 0015 (closed cycles) resolved each inserted row's unit,
-- organisation and cycle through its parents, row by row: 80 % of a 100,000-item plan import went
-- there. An insert statement's rows are now folded to their distinct scope keys (the parent
-- columns, as the change feed of migration 0010 does) before any lookup, so a thousand items of one
-- matrix resolve one scope. The audit rows and the refusal are the same as before; updates and
-- deletes keep the row triggers (an update's old and new rows pair up only there, and a cascade's
-- deletes resolve through the trail itself; the closed-cycle row guard looks at an updated row's new
-- place only when the columns deciding it changed). The change feed's statement triggers fold their keys
-- the same way. Tables created later call `SELECT catchball_audit_table('<table>')`.

-- The columns of a row that decide its audit scope (catchball_audit_scope reads no others).
CREATE FUNCTION catchball_audit_keys(tbl text, r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'id', CASE WHEN tbl IN ('organisations', 'units', 'x_matrices', 'source_snapshots') THEN r->'id' END,
    'organisation_id', r->'organisation_id', 'unit_id', r->'unit_id', 'child_unit_id', r->'child_unit_id',
    'matrix_id', r->'matrix_id', 'objective_id', r->'objective_id', 'key_result_id', r->'key_result_id',
    'kpi_item_id', r->'kpi_item_id', 'initiative_id', r->'initiative_id', 'proposal_id', r->'proposal_id',
    'cycle_id', r->'cycle_id'
  ))
$$;

-- Scope keys `keys` of a row of `tbl` without the ones its scope cannot depend on: where the row
-- names its unit, or a matrix that exists (`has_matrix`), catchball_audit_scope never reads its
-- objective, key result, KPI, initiative or proposal. Folding by these keys lets the owners of a
-- thousand initiatives of one matrix resolve one scope.
CREATE FUNCTION catchball_fold_keys(tbl text, keys jsonb, has_matrix boolean) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN keys ? 'unit_id' OR keys ? 'child_unit_id' OR tbl = 'units' OR has_matrix
    THEN keys - 'objective_id' - 'key_result_id' - 'kpi_item_id' - 'initiative_id' - 'proposal_id'
    ELSE keys END
$$;

-- The audit rows of one insert statement (transition table `new_rows`), in the statement's order.
CREATE FUNCTION catchball_audit_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor jsonb;
BEGIN
  IF current_setting('catchball.restoring', true) = 'on' THEN RETURN NULL; END IF;
  actor := coalesce(nullif(current_setting('catchball.actor', true), '')::jsonb, '{"kind":"system","name":"system"}'::jsonb);
  WITH inserted AS (
    SELECT r.row, r.ord, catchball_audit_keys(TG_TABLE_NAME, r.row) AS keys
    FROM (SELECT to_jsonb(n) - 'password_hash' - 'token_hash' AS row, row_number() OVER () AS ord FROM new_rows n) r
  ), folded AS (
    SELECT d.keys, catchball_fold_keys(TG_TABLE_NAME, d.keys, x.id IS NOT NULL) AS scope_keys
    FROM (SELECT DISTINCT keys FROM inserted) d LEFT JOIN x_matrices x ON x.id = d.keys->>'matrix_id'
  ), scopes AS (
    SELECT k.scope_keys, s.org_id, s.u_id
    FROM (SELECT DISTINCT scope_keys FROM folded) k
    CROSS JOIN LATERAL catchball_audit_scope(TG_TABLE_NAME, k.scope_keys) s
  )
  INSERT INTO audit_events (organisation_id, unit_id, actor_kind, actor_id, actor_name, action, entity_table, entity_id, before, after)
  SELECT s.org_id, s.u_id, actor->>'kind', actor->>'id', coalesce(actor->>'name', actor->>'kind'), 'insert', TG_TABLE_NAME,
    coalesce(i.row->>'id', i.row->>'unit_id', i.row->>'organisation_id', i.row->>'kpi_item_id', ''), NULL, i.row
  FROM inserted i JOIN folded f ON f.keys = i.keys JOIN scopes s ON s.scope_keys = f.scope_keys
  ORDER BY i.ord;
  RETURN NULL;
END $$;

-- Migration 0010's change feed, folding its scope keys the same way: a notification's payload
-- reads only the matrix, unit, organisation and scope, so the set of notifications is unchanged.
CREATE OR REPLACE FUNCTION catchball_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR keys IN
      SELECT DISTINCT catchball_fold_keys(TG_TABLE_NAME, d.k, x.id IS NOT NULL)
      FROM (SELECT DISTINCT catchball_change_keys(TG_TABLE_NAME, to_jsonb(n)) AS k FROM new_rows n) d
      LEFT JOIN x_matrices x ON x.id = d.k->>'matrix_id'
    LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'insert', keys);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR keys IN
      SELECT DISTINCT catchball_fold_keys(TG_TABLE_NAME, d.k, x.id IS NOT NULL)
      FROM (SELECT DISTINCT catchball_change_keys(TG_TABLE_NAME, to_jsonb(o)) AS k FROM old_rows o) d
      LEFT JOIN x_matrices x ON x.id = d.k->>'matrix_id'
    LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'delete', keys);
    END LOOP;
  ELSE
    -- Where the rows were and where they are now: a row moved away is news to its old viewers too.
    FOR keys IN
      SELECT DISTINCT catchball_fold_keys(TG_TABLE_NAME, d.k, x.id IS NOT NULL)
      FROM (
        SELECT catchball_change_keys(TG_TABLE_NAME, to_jsonb(n)) AS k FROM new_rows n
        UNION SELECT catchball_change_keys(TG_TABLE_NAME, to_jsonb(o)) FROM old_rows o
      ) d
      LEFT JOIN x_matrices x ON x.id = d.k->>'matrix_id'
    LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'update', keys);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

-- Puts `tbl` on the audit trail: inserts once per statement, updates and deletes per row.
CREATE FUNCTION catchball_audit_table(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tbl || '_audit', tbl);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_audit_change()',
    tbl || '_audit', tbl);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catchball_audit_inserts()',
    tbl || '_audit_insert', tbl);
END $$;

DO $$
DECLARE
  name text;
BEGIN
  FOR name IN
    SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgname = c.relname || '_audit'
      AND c.relnamespace = current_schema()::regnamespace
  LOOP
    PERFORM catchball_audit_table(name);
  END LOOP;
END $$;

-- The columns of a row of `tbl` that decide its cycle (all catchball_closed_cycle_of reads).
CREATE FUNCTION catchball_cycle_keys(tbl text, r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_strip_nulls(CASE
    WHEN tbl = 'objectives' THEN jsonb_build_object('cycle_id', r->'cycle_id')
    WHEN tbl = 'key_results' THEN jsonb_build_object('objective_id', r->'objective_id')
    WHEN tbl = 'check_ins' THEN jsonb_build_object('key_result_id', r->'key_result_id', 'kpi_item_id', r->'kpi_item_id')
    WHEN tbl = 'x_matrices' THEN jsonb_build_object('unit_id', r->'unit_id', 'year', r->'year')
    ELSE jsonb_build_object('matrix_id', r->'matrix_id')
  END)
$$;

-- Refuses an insert statement any of whose rows belongs to a closed cycle, with the row trigger's
-- SQLSTATE CB001 and message (migration 0015); its cascade and restore rules hold here too.
CREATE FUNCTION catchball_refuse_closed_cycle_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closed_id text;
  closed_name text;
BEGIN
  IF pg_trigger_depth() > 1 OR current_setting('catchball.restoring', true) = 'on' THEN RETURN NULL; END IF;
  SELECT s.c_id, s.c_name INTO closed_id, closed_name
    FROM (SELECT DISTINCT catchball_cycle_keys(TG_TABLE_NAME, to_jsonb(n)) AS keys FROM new_rows n) k
    CROSS JOIN LATERAL catchball_closed_cycle_of(TG_TABLE_NAME, k.keys) s
    WHERE s.c_id IS NOT NULL LIMIT 1;
  IF closed_id IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'CB001', MESSAGE = format('The cycle %s is closed: its OKRs, X-matrices and check-ins can no longer change', closed_name), DETAIL = closed_id, HINT = closed_name;
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  name text;
BEGIN
  FOREACH name IN ARRAY ARRAY['objectives', 'key_results', 'check_ins', 'x_matrices', 'matrix_items',
    'correlations', 'ownerships', 'initiative_impacts', 'initiative_efforts']
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', name || '_closed_cycle', name);
    EXECUTE format(
      'CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_refuse_closed_cycle()',
      name || '_closed_cycle', name);
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catchball_refuse_closed_cycle_inserts()',
      name || '_closed_cycle_insert', name);
  END LOOP;
END $$;

-- The row guard of migration 0015, now for updates and deletes only: an update that leaves the
-- columns deciding a row's cycle as they were (a key result's new current value, say) belongs to
-- the cycle its old row was checked in, so the new row is not looked up again.
CREATE OR REPLACE FUNCTION catchball_refuse_closed_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF closed_id IS NULL AND TG_OP <> 'DELETE' AND (TG_OP = 'INSERT'
      OR catchball_cycle_keys(TG_TABLE_NAME, to_jsonb(OLD)) IS DISTINCT FROM catchball_cycle_keys(TG_TABLE_NAME, to_jsonb(NEW))) THEN
    SELECT s.c_id, s.c_name INTO closed_id, closed_name FROM catchball_closed_cycle_of(TG_TABLE_NAME, to_jsonb(NEW)) s;
  END IF;
  IF closed_id IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'CB001', MESSAGE = format('The cycle %s is closed: its OKRs, X-matrices and check-ins can no longer change', closed_name), DETAIL = closed_id, HINT = closed_name;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
