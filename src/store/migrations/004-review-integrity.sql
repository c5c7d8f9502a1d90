-- Reviewer decisions that stand up to an audit (issue 11):
--  * users know who created them and who last set their password (four eyes: such a user never
--    approves that person's decisions), and can be deactivated;
--  * a resolution keeps the finding's values it was decided on, so it lapses when they change;
--  * "done" happens once per round (a unique index); re-opening starts a new round;
--  * decision tables refuse DELETE, TRUNCATE and UPDATE, even of no rows (only an approval may be
--    filled in, once);
--  * every audit row carries the hash of the row before it and its own (`intake audit verify`).

ALTER TABLE users ADD COLUMN created_by bigint REFERENCES users (id);
ALTER TABLE users ADD COLUMN password_set_by bigint REFERENCES users (id);
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;

-- The finding's message and the value of its field when it was decided; NULL on older rows.
ALTER TABLE finding_resolutions ADD COLUMN basis jsonb;

ALTER TABLE reviews ADD COLUMN round integer NOT NULL DEFAULT 0;
-- Rows written before this migration (double "done" among them) each get a round of their own.
UPDATE reviews r SET round = n.rn - 1
  FROM (SELECT id, row_number() OVER (PARTITION BY submission_id, decision ORDER BY id) AS rn FROM reviews) n
  WHERE n.id = r.id;
CREATE UNIQUE INDEX reviews_one_decision_per_round ON reviews (submission_id, decision, round);

CREATE FUNCTION decision_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% kan ikke endres eller slettes', TG_TABLE_NAME;
END;
$$;
-- An approval is the one change a resolution takes: approved_by and approved_at, from empty, once.
CREATE FUNCTION resolution_approval_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.approved_by IS NULL AND NEW.approved_by IS NOT NULL
     AND (to_jsonb(NEW) - 'approved_by' - 'approved_at') = (to_jsonb(OLD) - 'approved_by' - 'approved_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'finding_resolutions kan ikke endres eller slettes';
END;
$$;
CREATE TRIGGER reviews_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER field_corrections_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON field_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER document_requests_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON document_requests
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER finding_resolutions_no_delete BEFORE DELETE OR TRUNCATE ON finding_resolutions
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER finding_resolutions_approval_only BEFORE UPDATE ON finding_resolutions
  FOR EACH ROW EXECUTE FUNCTION resolution_approval_only();

-- The hash chain. A row's hash is sha256 over its fields, each written as "<bytes>:<text>" (NULL as
-- "N"), and the previous row's hash; src/review/audit-chain.ts computes the same to verify.
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

CREATE FUNCTION audit_part(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN 'N' ELSE octet_length(value) || ':' || value END
$$;
CREATE FUNCTION audit_row_hash(id bigint, at timestamptz, actor text, action text, submission_id text,
                               details jsonb, prev_hash text) RETURNS text LANGUAGE sql IMMUTABLE
  SET search_path FROM CURRENT AS $$
  SELECT encode(sha256(convert_to(
    audit_part(id::text) || audit_part(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_part(actor) || audit_part(action) || audit_part(submission_id) || audit_part(details::text)
    || audit_part(prev_hash), 'UTF8')), 'hex')
$$;

-- Rows are chained in the order they commit: the lock is held to the end of the inserting
-- transaction, and the id is drawn under it, so a later id never precedes an earlier one.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(7391205, hashtext(TG_TABLE_SCHEMA));
  NEW.id := nextval(pg_get_serial_sequence(format('%I.audit_log', TG_TABLE_SCHEMA), 'id'));
  EXECUTE format('SELECT hash FROM %I.audit_log ORDER BY id DESC LIMIT 1', TG_TABLE_SCHEMA) INTO previous;
  NEW.prev_hash := coalesce(previous, repeat('0', 64));
  NEW.hash := audit_row_hash(NEW.id, NEW.at, NEW.actor, NEW.action, NEW.submission_id, NEW.details,
    NEW.prev_hash);
  RETURN NEW;
END;
$$;

-- Rows written before this migration are chained once, in id order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
DO $$
DECLARE
  r record;
  previous text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log SET prev_hash = previous,
      hash = audit_row_hash(r.id, r.at, r.actor, r.action, r.submission_id, r.details, previous)
      WHERE id = r.id RETURNING hash INTO previous;
  END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- A resolution that lapsed (its finding's values changed) stays lapsed, even if the values return.
CREATE TABLE resolution_lapses (
  resolution_id bigint PRIMARY KEY REFERENCES finding_resolutions (id),
  submission_id text NOT NULL REFERENCES submissions (id),
  lapsed_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER resolution_lapses_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON resolution_lapses
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
