-- Imports wait their turn as 'queued' (antre) without holding a database
-- connection. A queued or running batch carries a lease that its process
-- renews; a batch whose lease ran out belongs to a process that died.
ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status = ANY (ARRAY[
    'queued', 'checking', 'checked', 'importing', 'imported', 'unchanged', 'rejected', 'failed', 'cancelled']));
ALTER TABLE import_batch ADD COLUMN lease_until timestamptz;
UPDATE import_batch SET lease_until = now() + interval '1 minute' WHERE status IN ('checking', 'importing');
