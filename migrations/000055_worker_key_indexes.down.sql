CREATE INDEX worker_category_short_idx ON worker (pemda, category_code);
DROP INDEX worker_category_idx;
ALTER INDEX worker_category_short_idx RENAME TO worker_category_idx;

CREATE INDEX worker_kelurahan_short_idx ON worker (pemda, kelurahan_code);
DROP INDEX worker_kelurahan_idx;
ALTER INDEX worker_kelurahan_short_idx RENAME TO worker_kelurahan_idx;
