DELETE FROM import_problem WHERE (pemda, batch_id) IN (SELECT pemda, id FROM import_batch WHERE kind = 'waiting');
DELETE FROM import_batch WHERE kind = 'waiting';
ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check
    CHECK (kind = ANY (ARRAY['workers', 'contributions', 'claims', 'bills']));
DROP TABLE quota_replacement;
DROP TABLE waiting_candidate;
