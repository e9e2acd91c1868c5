-- Live updates name where a change happened, so that a viewer hears only of what it may read
-- (issue 17). Migration 0006's notification named only the columns the row itself has: a
-- check-in, a key result, a grid cell's parents or an account named no organisation, so every
-- organisation's streams let them through. Each payload now also carries `within`: the
-- organisation (and unit) the changed rows belong to, resolved through their parents by the
-- audit trail's own rule (catchball_audit_scope, migration 0007). Rows of no organisation
-- (accounts, sessions, tokens, sign-in scratch) carry no `within`: the caches still hear of them,
-- no viewer does.
--
-- The triggers run once per statement over its transition tables: the rows of a statement are
-- folded to their distinct scope keys (the parent columns, not the row's own id) before any
-- lookup, so a bulk check-in of a thousand rows over twenty key results resolves twenty scopes.
-- The payload is still the scope, not the row, so PostgreSQL folds identical ones within a
-- transaction. Tables created by later migrations call `SELECT catchball_watch_changes('<table>')`.

-- Tables whose rows belong to no organisation: who signs in, with what, and the server's scratch.
CREATE FUNCTION catchball_is_private_table(tbl text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT tbl IN ('users', 'sessions', 'unit_api_tokens', 'setup_tokens', 'rate_limit_hits', 'sso_logins',
    'audit_events', 'schema_migrations')
$$;

-- The columns of a row that decide where it belongs (its own id only where it is the scope).
CREATE FUNCTION catchball_change_keys(tbl text, r jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN catchball_is_private_table(tbl) THEN '{}'::jsonb ELSE jsonb_strip_nulls(jsonb_build_object(
    'id', CASE WHEN tbl IN ('organisations', 'units', 'x_matrices', 'source_snapshots') THEN r->'id' END,
    'organisation_id', r->'organisation_id', 'unit_id', r->'unit_id', 'child_unit_id', r->'child_unit_id',
    'matrix_id', r->'matrix_id', 'objective_id', r->'objective_id', 'key_result_id', r->'key_result_id',
    'kpi_item_id', r->'kpi_item_id', 'initiative_id', r->'initiative_id', 'proposal_id', r->'proposal_id',
    'cycle_id', r->'cycle_id'
  )) END
$$;

-- One notification for rows of `tbl` with scope keys `keys` (see catchball_change_keys).
CREATE FUNCTION catchball_notify_scope(tbl text, op text, keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  org_id text;
  u_id text;
BEGIN
  IF NOT catchball_is_private_table(tbl) THEN
    SELECT s.org_id, s.u_id INTO org_id, u_id FROM catchball_audit_scope(tbl, keys) s;
  END IF;
  PERFORM pg_notify(
    'catchball_changes',
    jsonb_strip_nulls(jsonb_build_object(
      'table', tbl,
      'op', op,
      'matrixId', CASE WHEN tbl = 'x_matrices' THEN keys->>'id' ELSE keys->>'matrix_id' END,
      'unitId', CASE WHEN tbl = 'units' THEN keys->>'id' ELSE keys->>'unit_id' END,
      'organisationId', CASE WHEN tbl = 'organisations' THEN keys->>'id' ELSE keys->>'organisation_id' END,
      'within', CASE WHEN org_id IS NOT NULL THEN jsonb_build_object('organisationId', org_id, 'unitId', u_id) END
    ))::text
  );
END $$;

-- The statement trigger: transition tables `new_rows` (insert, update) and `old_rows` (update, delete).
CREATE FUNCTION catchball_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR keys IN SELECT DISTINCT catchball_change_keys(TG_TABLE_NAME, to_jsonb(n)) FROM new_rows n LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'insert', keys);
    END LOOP;
  ELSIF TG_OP = 'DELETE' THEN
    FOR keys IN SELECT DISTINCT catchball_change_keys(TG_TABLE_NAME, to_jsonb(o)) FROM old_rows o LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'delete', keys);
    END LOOP;
  ELSE
    -- Where the rows were and where they are now: a row moved away is news to its old viewers too.
    FOR keys IN
      SELECT catchball_change_keys(TG_TABLE_NAME, to_jsonb(n)) FROM new_rows n
      UNION SELECT catchball_change_keys(TG_TABLE_NAME, to_jsonb(o)) FROM old_rows o
    LOOP
      PERFORM catchball_notify_scope(TG_TABLE_NAME, 'update', keys);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

-- Puts `tbl` on the change feed (replacing a row trigger of migration 0006, if any).
CREATE FUNCTION catchball_watch_changes(tbl text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', tbl || '_notify_change', tbl);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catchball_notify_changes()',
    tbl || '_notify_insert', tbl);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catchball_notify_changes()',
    tbl || '_notify_update', tbl);
  EXECUTE format(
    'CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catchball_notify_changes()',
    tbl || '_notify_delete', tbl);
END $$;

-- Every table that notified before notifies now, through the statement triggers.
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN
    SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgname = c.relname || '_notify_change'
      AND c.relnamespace = current_schema()::regnamespace
  LOOP
    PERFORM catchball_watch_changes(name);
  END LOOP;
END $$;

DROP FUNCTION catchball_notify_change();
