UPDATE import_batch SET status = 'failed', finished_at = now() WHERE status = 'queued';
ALTER TABLE import_batch DROP COLUMN lease_until;
ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status = ANY (ARRAY[
    'checking', 'checked', 'importing', 'imported', 'unchanged', 'rejected', 'failed', 'cancelled']));
