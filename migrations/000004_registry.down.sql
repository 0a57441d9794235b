DROP INDEX IF EXISTS audit_log_enrollment_worker_idx;
DROP INDEX IF EXISTS contribution_sp2d_trgm_idx;
DROP INDEX IF EXISTS claim_kelurahan_idx;
DROP INDEX IF EXISTS claim_category_idx;
DROP INDEX IF EXISTS claim_type_status_idx;
DROP INDEX IF EXISTS claim_no_trgm_idx;
DROP INDEX IF EXISTS enrollment_ended_status_idx;
DROP INDEX IF EXISTS worker_name_idx;
DROP INDEX IF EXISTS worker_kpj_trgm_idx;
DROP INDEX IF EXISTS worker_nik_trgm_idx;
DROP INDEX IF EXISTS worker_name_trgm_idx;
-- pg_trgm stays: other objects may use it, and it costs nothing unused.
