-- Spells and claims refer to a worker by a composite key (pemda, id,
-- category_code, kelurahan_code[, income]), and PostgreSQL checks such a
-- foreign key row by row with one generic plan. With an index on
-- (pemda, kelurahan_code) alone the planner may pick it (it cannot tell the
-- two apart without the values) and then reads every worker of the
-- kelurahan for every spell: a first registry of 100.000 workers took ten
-- minutes instead of seconds. With id after the equality columns, whichever
-- index the planner picks finds the row at once (TestKeyChecksFindOneRow).
CREATE INDEX worker_category_id_idx ON worker (pemda, category_code, id);
DROP INDEX worker_category_idx;
ALTER INDEX worker_category_id_idx RENAME TO worker_category_idx;

CREATE INDEX worker_kelurahan_id_idx ON worker (pemda, kelurahan_code, id);
DROP INDEX worker_kelurahan_idx;
ALTER INDEX worker_kelurahan_id_idx RENAME TO worker_kelurahan_idx;
