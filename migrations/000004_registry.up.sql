-- Registry lists: search by name, NIK, KPJ, claim number and SP2D number
-- anywhere in the text (trigram indexes), filters and sorts that stay fast at
-- a million workers, and the audit history of a worker's spells.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX worker_name_trgm_idx ON worker USING gin (name gin_trgm_ops);
CREATE INDEX worker_nik_trgm_idx ON worker USING gin (nik gin_trgm_ops);
CREATE INDEX worker_kpj_trgm_idx ON worker USING gin (kpj gin_trgm_ops);
CREATE INDEX worker_name_idx ON worker (pemda, name, id);

-- The few spells that are not active, for the "status of the latest spell" filter.
CREATE INDEX enrollment_ended_status_idx ON enrollment (pemda, status, worker_id) WHERE status <> 'aktif';

CREATE INDEX claim_no_trgm_idx ON claim USING gin (claim_no gin_trgm_ops);
CREATE INDEX claim_type_status_idx ON claim (pemda, type, status);
CREATE INDEX claim_category_idx ON claim (pemda, category_code);
CREATE INDEX claim_kelurahan_idx ON claim (pemda, kelurahan_code);

CREATE INDEX contribution_sp2d_trgm_idx ON contribution USING gin (sp2d_no gin_trgm_ops);

-- A worker's history shows the changes of their spells, found by the
-- worker_id the audit values carry (spells may since have been deleted).
CREATE INDEX audit_log_enrollment_worker_idx ON audit_log
    (pemda, (coalesce(new_values ->> 'worker_id', old_values ->> 'worker_id')))
    WHERE entity = 'enrollment';
