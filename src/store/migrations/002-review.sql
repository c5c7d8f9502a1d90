-- The reviewer web app: users and their sessions, claims on submissions, corrections of fields,
-- resolutions of findings (a waived OVER_CAP waits for a second reviewer), requests for missing
-- documents. Done marks go in `reviews` (001). The audit log may only grow.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('reviewer', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the hash of a session's token is kept: a leaked table does not sign anyone in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE claims (
  submission_id text PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  claimed_at timestamptz NOT NULL DEFAULT now()
);

-- The latest correction of a field is the one that applies; earlier ones stay as history.
CREATE TABLE field_corrections (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  field text NOT NULL,
  before jsonb,
  after jsonb,
  reason text NOT NULL,
  user_id bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX field_corrections_submission ON field_corrections (submission_id, field, id);

-- A finding is named by a key that survives re-validation (code, field, document), not by its row id.
CREATE TABLE finding_resolutions (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  finding_key text NOT NULL,
  code text NOT NULL,
  resolution text NOT NULL CHECK (resolution IN ('accepted', 'waived', 'rejected')),
  reason text NOT NULL,
  user_id bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  needs_approval boolean NOT NULL DEFAULT false,
  approved_by bigint REFERENCES users (id),
  approved_at timestamptz,
  CHECK (approved_by IS NULL OR approved_by <> user_id)
);
CREATE INDEX finding_resolutions_submission ON finding_resolutions (submission_id, finding_key, id);

CREATE TABLE document_requests (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  document text NOT NULL,
  message text NOT NULL,
  user_id bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log kan ikke endres eller slettes';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable();
