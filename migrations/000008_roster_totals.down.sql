DROP TRIGGER IF EXISTS enrollment_agg_total_truncate ON enrollment;
CREATE OR REPLACE FUNCTION agg_roster_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO agg_roster AS a (pemda, month, category_code, kelurahan_code, d_end, d_any)
        SELECT r.pemda, d.month, r.category_code, r.kelurahan_code, sum(r.sign * d.d_end), sum(r.sign * d.d_any)
        FROM (%s) r, LATERAL roster_deltas(r.start_date, r.end_date) d
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (pemda, month, category_code, kelurahan_code) DO UPDATE SET
            d_end = a.d_end + EXCLUDED.d_end, d_any = a.d_any + EXCLUDED.d_any
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;
DROP TABLE IF EXISTS agg_roster_total;
