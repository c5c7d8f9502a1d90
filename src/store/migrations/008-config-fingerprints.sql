-- What a record was made with beyond its bytes and extractor version (src/pipeline/config-fingerprint.ts):
-- `read_config` over the read limits and OCR resolution, `check_config` over the municipality register,
-- the scheme files and the confidence threshold. A re-run of `intake ingest` reads a submission again
-- when its read_config changed, and only extracts and checks its stored read results again when its
-- check_config changed (NULL: not known, checked again). A run keeps the configuration it started with,
-- so a resumed run knows what the submissions it recorded before the interruption were made with.

ALTER TABLE submissions ADD COLUMN read_config text;
ALTER TABLE submissions ADD COLUMN check_config text;
ALTER TABLE runs ADD COLUMN read_config text;
ALTER TABLE runs ADD COLUMN check_config text;
