-- The reviewer app as the office's daily tool (issue 12): every case can be found and paged
-- through, has a state, an assignee, a processing deadline, a note thread and reply deadlines on
-- document requests; reviewers keep named filters.

-- Who assigned a claim: NULL when the holder took the case themselves.
ALTER TABLE claims ADD COLUMN assigned_by bigint REFERENCES users (id);

-- When the municipality should have answered a document request; NULL on older rows (no deadline).
ALTER TABLE document_requests ADD COLUMN reply_by date;

-- A request ends when the document arrived or the reviewer no longer waits for it.
CREATE TABLE document_request_closures (
  request_id bigint PRIMARY KEY REFERENCES document_requests (id),
  submission_id text NOT NULL REFERENCES submissions (id),
  user_id bigint NOT NULL REFERENCES users (id),
  note text,
  closed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER document_request_closures_no_change BEFORE UPDATE OR DELETE OR TRUNCATE
  ON document_request_closures FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();

-- Notes on a case, apart from decision reasons; like decisions they are never changed afterwards.
CREATE TABLE case_comments (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id),
  user_id bigint NOT NULL REFERENCES users (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_comments_submission ON case_comments (submission_id, id);
CREATE TRIGGER case_comments_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON case_comments
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();

-- A reviewer's named list filters (the list's query string).
CREATE TABLE saved_filters (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  query text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, name)
);

-- One row per checked submission, derived from its record and the decisions on it
-- (src/review/case-state.ts), so lists of thousands of cases are one indexed query. Rewritten after
-- every reviewer action in the same transaction; a row older than its submission (re-checked by a
-- worker or `intake revalidate`) is rewritten before the next list is read.
CREATE TABLE case_index (
  submission_id text PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,
  -- the state without time: 'awaiting-municipality' while a request is open, even past its deadline
  status text NOT NULL,
  -- the state it returns to when the reply deadline passes (the same as status when no request is open)
  base_status text NOT NULL,
  assignee_id bigint REFERENCES users (id),
  open_count integer NOT NULL,
  open_codes text[] NOT NULL,
  open_severities text[] NOT NULL,
  -- decisions and corrections waiting for a second person, and who made them (they cannot approve)
  pending_approvals integer NOT NULL,
  approval_makers bigint[] NOT NULL,
  scheme text,
  year integer,
  kind text,
  applicant text,
  municipality_number text,
  org_number text,
  requested_amount double precision,
  source text NOT NULL,
  -- folded (lower case, no accents, æ→ae, ø→o) words to search in
  search text NOT NULL,
  sent_date date,
  received_at timestamptz NOT NULL,
  due_date date,
  reply_by date,
  done_at timestamptz,
  duplicate_of text,
  source_updated_at timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_index_status ON case_index (status, due_date);
CREATE INDEX case_index_assignee ON case_index (assignee_id);
CREATE INDEX case_index_scheme_year ON case_index (scheme, year);
