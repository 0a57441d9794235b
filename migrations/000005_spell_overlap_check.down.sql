DROP TRIGGER IF EXISTS enrollment_no_overlap_insert ON enrollment;
DROP TRIGGER IF EXISTS enrollment_no_overlap_update ON enrollment;
DROP FUNCTION IF EXISTS enrollment_no_overlap();
ALTER TABLE enrollment ADD CONSTRAINT enrollment_pemda_worker_id_daterange_excl
    EXCLUDE USING gist (pemda WITH =, worker_id WITH =, daterange(start_date, end_date, '[]') WITH &&);
