-- A worker's category and kelurahan already belong to its Pemda through
-- their composite foreign keys, so the direct worker → pemda key checks
-- nothing new; dropping it saves a lookup per imported worker.
ALTER TABLE worker DROP CONSTRAINT worker_pemda_fkey;
