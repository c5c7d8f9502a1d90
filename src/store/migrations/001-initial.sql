-- The store: submissions with their records, the documents they brought (by sha256, with the
-- read result so a later job can check the submission without reading the files again), the
-- fields with their evidence, findings, enqueue batches, and the reviewer's tables.

CREATE TABLE batches (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  paths jsonb NOT NULL,
  total integer NOT NULL DEFAULT 0,
  -- set when every submission of the batch is on the queues
  enqueued_at timestamptz
);

CREATE TABLE submissions (
  id text PRIMARY KEY,
  source text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
  scheme text,
  year integer,
  status text CHECK (status IN ('accepted', 'needs-review')),
  record jsonb,
  error text,
  -- how many times the submission stages ran for it (exactly once, unless a worker died mid-check)
  validations integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_scheme_year ON submissions (scheme, year);
CREATE INDEX submissions_state ON submissions (state);

CREATE TABLE batch_submissions (
  batch_id text NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  position integer NOT NULL,
  PRIMARY KEY (batch_id, submission_id)
);
CREATE INDEX batch_submissions_submission ON batch_submissions (submission_id);

CREATE TABLE documents (
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  position integer NOT NULL,
  path text NOT NULL,
  sha256 text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'ocr-pending', 'done')),
  -- why the file could not be loaded at all (it then has no blob)
  load_failure jsonb,
  format text,
  type text,
  method text,
  pages integer,
  confidence double precision,
  read jsonb,
  PRIMARY KEY (submission_id, position)
);
CREATE INDEX documents_sha256 ON documents (sha256);

-- The first submission to bring a document's bytes owns them; later ones get DUPLICATE_DOCUMENT.
CREATE TABLE document_owners (
  sha256 text PRIMARY KEY,
  submission_id text NOT NULL,
  source text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fields (
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  name text NOT NULL,
  value jsonb,
  confidence double precision,
  evidence jsonb,
  PRIMARY KEY (submission_id, name)
);

CREATE TABLE findings (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  code text NOT NULL,
  severity text NOT NULL,
  message text NOT NULL,
  field text,
  evidence jsonb
);
CREATE INDEX findings_submission ON findings (submission_id);
CREATE INDEX findings_code ON findings (code);

-- For the reviewer's web app (next issue): decisions on submissions, and who did what when.
CREATE TABLE reviews (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  reviewer text NOT NULL,
  decision text NOT NULL,
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_submission ON reviews (submission_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  submission_id text,
  details jsonb
);
CREATE INDEX audit_log_submission ON audit_log (submission_id);
