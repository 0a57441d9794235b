-- The roster's month-by-month changes summed over categories and
-- kelurahan: a few dozen rows per Pemda, so the running sums behind
-- "active workers" and the billable roster cost microseconds however many
-- workers there are. Kept by the same trigger as agg_roster.

CREATE TABLE agg_roster_total (
    pemda text NOT NULL REFERENCES pemda (code),
    month date NOT NULL,
    d_end bigint NOT NULL,
    d_any bigint NOT NULL,
    PRIMARY KEY (pemda, month)
);

INSERT INTO agg_roster_total (pemda, month, d_end, d_any)
SELECT pemda, month, sum(d_end), sum(d_any) FROM agg_roster GROUP BY pemda, month;

CREATE OR REPLACE FUNCTION agg_roster_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        WITH deltas AS MATERIALIZED (
            SELECT r.pemda, d.month, r.category_code, r.kelurahan_code, sum(r.sign * d.d_end) AS d_end,
                   sum(r.sign * d.d_any) AS d_any
            FROM (%s) r, LATERAL roster_deltas(r.start_date, r.end_date) d
            GROUP BY 1, 2, 3, 4
        ), detail AS (
            INSERT INTO agg_roster AS a (pemda, month, category_code, kelurahan_code, d_end, d_any)
            SELECT pemda, month, category_code, kelurahan_code, d_end, d_any FROM deltas ORDER BY 1, 2, 3, 4
            ON CONFLICT (pemda, month, category_code, kelurahan_code) DO UPDATE SET
                d_end = a.d_end + EXCLUDED.d_end, d_any = a.d_any + EXCLUDED.d_any
        )
        INSERT INTO agg_roster_total AS t (pemda, month, d_end, d_any)
        SELECT pemda, month, sum(d_end), sum(d_any) FROM deltas GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (pemda, month) DO UPDATE SET d_end = t.d_end + EXCLUDED.d_end, d_any = t.d_any + EXCLUDED.d_any
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;

CREATE TRIGGER enrollment_agg_total_truncate AFTER TRUNCATE ON enrollment
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_roster_total');
