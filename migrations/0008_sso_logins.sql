-- Single sign-on logins in flight (OpenID Connect, authorization code + PKCE). A browser leaves
-- for the provider from one app server and may come back to another, so what the callback must
-- check lives here, not in a server's memory. The id is the SHA-256 of the `state` sent to the
-- provider; a row is used once (deleted when the callback reads it) and lasts ten minutes.
-- Not audited: these rows are protocol scratch, the sign-in itself is recorded in audit_events.
CREATE TABLE sso_logins (
  id text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sso_logins_expires_idx ON sso_logins (expires_at);
