-- Live updates: every write to a Catchball table notifies channel `catchball_changes` at commit,
-- so every app server (LISTEN on PostgreSQL, in-process on PGlite) can tell its viewers what changed.
-- The payload names the table and its scope (matrix, unit, organisation), not the row: PostgreSQL
-- folds identical payloads within one transaction, so a bulk import sends a handful of messages,
-- not one per row. Tables created by later migrations add the trigger with the same statement.
CREATE FUNCTION catchball_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
  PERFORM pg_notify(
    'catchball_changes',
    jsonb_strip_nulls(jsonb_build_object(
      'table', TG_TABLE_NAME,
      'op', lower(TG_OP),
      'matrixId', CASE WHEN TG_TABLE_NAME = 'x_matrices' THEN changed->>'id' ELSE changed->>'matrix_id' END,
      'unitId', CASE WHEN TG_TABLE_NAME = 'units' THEN changed->>'id' ELSE changed->>'unit_id' END,
      'organisationId', CASE WHEN TG_TABLE_NAME = 'organisations' THEN changed->>'id' ELSE changed->>'organisation_id' END
    ))::text
  );
  RETURN NULL;
END $$;

DO $$
DECLARE
  name text;
BEGIN
  FOR name IN
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_notify_change()',
      name || '_notify_change', name
    );
  END LOOP;
END $$;
