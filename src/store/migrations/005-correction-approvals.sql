-- Four eyes on corrections too (issue 11): a correction that makes a four-eyes finding disappear
-- (OVER_CAP gone because the amount was corrected down) closes that finding as surely as a
-- decision does, so a second, different person must approve it before the case can be done.

-- The four-eyes findings the correction made disappear ({key, code, message}); NULL when none.
ALTER TABLE field_corrections ADD COLUMN removed_findings jsonb;
ALTER TABLE field_corrections ADD COLUMN approved_by bigint REFERENCES users (id);
ALTER TABLE field_corrections ADD COLUMN approved_at timestamptz;
ALTER TABLE field_corrections ADD CONSTRAINT field_corrections_other_approver
  CHECK (approved_by IS NULL OR approved_by <> user_id);

-- An approval is the one change a correction takes: approved_by and approved_at, from empty, once.
CREATE FUNCTION approval_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.approved_by IS NULL AND NEW.approved_by IS NOT NULL
     AND (to_jsonb(NEW) - 'approved_by' - 'approved_at') = (to_jsonb(OLD) - 'approved_by' - 'approved_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% kan ikke endres eller slettes', TG_TABLE_NAME;
END;
$$;
DROP TRIGGER field_corrections_no_change ON field_corrections;
CREATE TRIGGER field_corrections_no_delete BEFORE DELETE OR TRUNCATE ON field_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION decision_immutable();
CREATE TRIGGER field_corrections_approval_only BEFORE UPDATE ON field_corrections
  FOR EACH ROW EXECUTE FUNCTION approval_only();
