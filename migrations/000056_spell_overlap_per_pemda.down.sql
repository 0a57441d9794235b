-- Back to migration 6's version.

CREATE OR REPLACE FUNCTION enrollment_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad record;
    many boolean;
    overlap boolean;
    old_seqscan text := current_setting('enable_seqscan');
    old_nestloop text := current_setting('enable_nestloop');
BEGIN
    SELECT count(*) > 5000 INTO many FROM new_rows;
    IF many THEN
        PERFORM set_config('enable_nestloop', 'off', true);
    ELSE
        PERFORM set_config('enable_seqscan', 'off', true);
    END IF;

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

    overlap := FOUND;
    PERFORM set_config('enable_seqscan', old_seqscan, true);
    PERFORM set_config('enable_nestloop', old_nestloop, true);
    IF overlap THEN
        RAISE EXCEPTION 'spells of worker % overlap: % and %', bad.worker_id, bad.prev_start, bad.start_date
            USING ERRCODE = 'exclusion_violation', TABLE = 'enrollment',
                  CONSTRAINT = 'enrollment_pemda_worker_id_daterange_excl';
    END IF;
    RETURN NULL;
END;
$$;
