-- Accounts, sessions, roles, token scopes, rate limits and the audit trail (issue 6).
-- Sessions and rate-limit counters live here, not in a server's memory, so that several app
-- servers share them; the audit trail is written by triggers, so no write path can skip it.

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  -- Argon2id (PHC string); NULL for accounts that only sign in through single sign-on.
  password_hash text,
  is_site_admin boolean NOT NULL DEFAULT false,
  oidc_issuer text,
  oidc_subject text,
  disabled_at timestamptz,
  last_sign_in_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE UNIQUE INDEX users_oidc_idx ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- A person of an organisation may be a user: their ownerships (key results, KPIs, units) are then theirs.
ALTER TABLE people ADD COLUMN user_id text REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX people_user_idx ON people (organisation_id, user_id) WHERE user_id IS NOT NULL;

-- The cookie carries a random secret; only its SHA-256 is the id here.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  user_agent text NOT NULL DEFAULT '',
  ip text NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Roles per unit, inherited down the tree; unit_id NULL gives the role on the whole organisation.
CREATE TABLE role_assignments (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  unit_id text REFERENCES units(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'contributor', 'viewer')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_assignments_unique_idx ON role_assignments (user_id, organisation_id, coalesce(unit_id, ''));
CREATE INDEX role_assignments_organisation_idx ON role_assignments (organisation_id);

-- One-time links: first-start setup of the admin account (and later invitations).
CREATE TABLE setup_tokens (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('setup', 'invite')),
  user_id text REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Unit API tokens get scopes (read, check_ins, write); tokens made before keep feeding check-ins.
ALTER TABLE unit_api_tokens
  ADD COLUMN scopes jsonb NOT NULL DEFAULT '["check_ins"]',
  ADD COLUMN created_by text REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  ADD COLUMN expires_at timestamptz;

-- Fixed-window counters for rate limits shared by every app server (sign-in, token attempts).
CREATE TABLE rate_limit_hits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);

-- The audit trail: one row per changed row, with who (the request's actor, set per connection
-- as `catchball.actor`), when, what, and the row before and after. No foreign keys: the trail
-- outlives what it describes. `tx` groups the rows of one transaction (one request, one import).
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  tx bigint NOT NULL DEFAULT txid_current(),
  organisation_id text,
  unit_id text,
  actor_kind text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'sign_in', 'sign_in_failed', 'sign_out')),
  entity_table text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_events_organisation_idx ON audit_events (organisation_id, id DESC);
CREATE INDEX audit_events_unit_idx ON audit_events (unit_id, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_id, id DESC);

-- Where a row belongs: its unit (when it has one) and organisation, found through its parents.
-- A row whose parents are gone already (a cascade) keeps what it still knows.
CREATE FUNCTION catchball_audit_scope(tbl text, r jsonb, OUT org_id text, OUT u_id text) LANGUAGE plpgsql AS $$
DECLARE
  m_id text;
  parent_table text;
  parent_id text;
  known_unit text;
  known_org text;
BEGIN
  org_id := r->>'organisation_id';
  u_id := CASE WHEN tbl = 'units' THEN r->>'id' ELSE r->>'unit_id' END;
  IF tbl = 'organisations' THEN org_id := r->>'id'; END IF;
  IF tbl = 'catchball_proposals' THEN u_id := r->>'child_unit_id'; END IF;
  m_id := CASE WHEN tbl = 'x_matrices' THEN r->>'id' ELSE r->>'matrix_id' END;
  -- A source snapshot shares its matrix item's id.
  IF tbl = 'source_snapshots' THEN SELECT matrix_id INTO m_id FROM matrix_items WHERE id = r->>'id'; END IF;
  IF u_id IS NULL AND m_id IS NOT NULL THEN
    SELECT unit_id INTO u_id FROM x_matrices WHERE id = m_id;
  END IF;
  IF u_id IS NULL AND r->>'objective_id' IS NOT NULL THEN
    SELECT unit_id INTO u_id FROM objectives WHERE id = r->>'objective_id';
  END IF;
  IF u_id IS NULL AND r->>'key_result_id' IS NOT NULL THEN
    SELECT o.unit_id INTO u_id FROM key_results k JOIN objectives o ON o.id = k.objective_id WHERE k.id = r->>'key_result_id';
  END IF;
  IF u_id IS NULL AND coalesce(r->>'kpi_item_id', r->>'initiative_id') IS NOT NULL THEN
    SELECT x.unit_id INTO u_id FROM matrix_items i JOIN x_matrices x ON x.id = i.matrix_id
      WHERE i.id = coalesce(r->>'kpi_item_id', r->>'initiative_id');
  END IF;
  IF u_id IS NULL AND r->>'proposal_id' IS NOT NULL THEN
    SELECT child_unit_id, organisation_id INTO u_id, org_id FROM catchball_proposals WHERE id = r->>'proposal_id';
  END IF;
  IF org_id IS NULL AND r->>'cycle_id' IS NOT NULL THEN
    SELECT organisation_id INTO org_id FROM cycles WHERE id = r->>'cycle_id';
  END IF;
  IF org_id IS NULL AND u_id IS NOT NULL THEN
    SELECT organisation_id INTO org_id FROM units WHERE id = u_id;
  END IF;
  -- In a cascade the parents may be gone already (foreign-key cascades fire before the parent's
  -- own audit trigger): the trail still knows where the parent lived.
  IF u_id IS NULL THEN
    SELECT p.tbl, p.id INTO parent_table, parent_id FROM (VALUES
      (0, 'matrix_items', CASE WHEN tbl = 'source_snapshots' THEN r->>'id' END),
      (1, 'x_matrices', m_id), (2, 'objectives', r->>'objective_id'), (3, 'key_results', r->>'key_result_id'),
      (4, 'matrix_items', r->>'kpi_item_id'), (5, 'matrix_items', r->>'initiative_id'),
      (6, 'catchball_proposals', r->>'proposal_id')) AS p(n, tbl, id)
      WHERE p.id IS NOT NULL ORDER BY p.n LIMIT 1;
    IF parent_id IS NOT NULL THEN
      SELECT a.unit_id, a.organisation_id INTO known_unit, known_org FROM audit_events a
        WHERE a.entity_id = parent_id AND a.entity_table = parent_table AND a.unit_id IS NOT NULL
        ORDER BY a.id DESC LIMIT 1;
      u_id := known_unit;
      org_id := coalesce(org_id, known_org);
    END IF;
  END IF;
  IF org_id IS NULL AND u_id IS NOT NULL THEN
    SELECT a.organisation_id INTO known_org FROM audit_events a
      WHERE a.entity_id = u_id AND a.entity_table = 'units' AND a.organisation_id IS NOT NULL
      ORDER BY a.id DESC LIMIT 1;
    org_id := known_org;
  END IF;
END $$;

CREATE FUNCTION catchball_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb;
  new_row jsonb;
  scope_row jsonb;
  actor jsonb;
  org_id text;
  u_id text;
BEGIN
  -- A restore (catchball restore) brings back the backup's own trail; it adds none of its own.
  IF current_setting('catchball.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - 'password_hash' - 'token_hash'; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - 'password_hash' - 'token_hash'; END IF;
  -- An update that changes nothing but bookkeeping (a token's last use) is not a change.
  IF TG_OP = 'UPDATE' AND (old_row - 'last_used_at' - 'updated_at' - 'last_sign_in_at') = (new_row - 'last_used_at' - 'updated_at' - 'last_sign_in_at') THEN
    RETURN NULL;
  END IF;
  scope_row := coalesce(new_row, old_row);
  SELECT s.org_id, s.u_id INTO org_id, u_id FROM catchball_audit_scope(TG_TABLE_NAME, scope_row) s;
  actor := coalesce(nullif(current_setting('catchball.actor', true), '')::jsonb, '{"kind":"system","name":"system"}'::jsonb);
  INSERT INTO audit_events (organisation_id, unit_id, actor_kind, actor_id, actor_name, action, entity_table, entity_id, before, after)
  VALUES (org_id, u_id, actor->>'kind', actor->>'id', coalesce(actor->>'name', actor->>'kind'), lower(TG_OP), TG_TABLE_NAME,
    coalesce(scope_row->>'id', scope_row->>'unit_id', scope_row->>'organisation_id', scope_row->>'kpi_item_id', ''), old_row, new_row);
  RETURN NULL;
END $$;

DO $$
DECLARE
  name text;
BEGIN
  FOR name IN
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('schema_migrations', 'sessions', 'rate_limit_hits', 'audit_events', 'setup_tokens')
  LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION catchball_audit_change()',
      name || '_audit', name
    );
  END LOOP;
END $$;

-- Live updates for the new tables that viewers care about (roles change what a viewer may see).
CREATE TRIGGER users_notify_change AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION catchball_notify_change();
CREATE TRIGGER sessions_notify_change AFTER INSERT OR UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION catchball_notify_change();
CREATE TRIGGER role_assignments_notify_change AFTER INSERT OR UPDATE OR DELETE ON role_assignments FOR EACH ROW EXECUTE FUNCTION catchball_notify_change();
