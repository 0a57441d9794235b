ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check,
    ADD CONSTRAINT import_batch_kind_check CHECK (kind IN ('workers', 'contributions', 'claims'));
DELETE FROM import_batch WHERE kind = 'bills';

DROP TABLE bill_line;
DROP FUNCTION agg_bill_apply();
DROP TABLE agg_bill;

DROP TRIGGER enrollment_agg_income_truncate ON enrollment;
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
DROP TABLE agg_roster_income;
DROP INDEX enrollment_end_idx;
ALTER TABLE enrollment
    DROP CONSTRAINT enrollment_worker_fkey,
    ADD CONSTRAINT enrollment_pemda_worker_id_category_code_kelurahan_code_fkey
        FOREIGN KEY (pemda, worker_id, category_code, kelurahan_code)
        REFERENCES worker (pemda, id, category_code, kelurahan_code) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE worker DROP CONSTRAINT worker_income_key;
ALTER TABLE enrollment DROP COLUMN income;

-- Bills without a payment cannot be kept without the nullable columns.
DELETE FROM contribution WHERE paid IS NULL;
DROP INDEX contribution_unpaid_key;
ALTER TABLE contribution
    DROP CONSTRAINT contribution_unpaid_check,
    DROP CONSTRAINT contribution_payment_check,
    ALTER COLUMN paid SET NOT NULL,
    ALTER COLUMN paid_on SET NOT NULL;
CREATE OR REPLACE FUNCTION agg_contribution_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO agg_contribution AS a (pemda, basis, month, payments, paid, billed, billed_count, participants)
        SELECT r.pemda, b.basis, b.month, sum(r.sign), sum(r.sign * r.paid), sum(r.sign * coalesce(r.billed, 0)),
               sum(r.sign * (r.billed IS NOT NULL)::int), sum(r.sign * coalesce(r.participants, 0))
        FROM (%s) r,
             LATERAL (VALUES ('cash', date_trunc('month', r.paid_on)::date), ('accrual', r.coverage_month)) b (basis, month)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (pemda, basis, month) DO UPDATE SET
            payments = a.payments + EXCLUDED.payments, paid = a.paid + EXCLUDED.paid,
            billed = a.billed + EXCLUDED.billed, billed_count = a.billed_count + EXCLUDED.billed_count,
            participants = a.participants + EXCLUDED.participants
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;

ALTER TABLE pemda DROP COLUMN due_month_offset, DROP COLUMN due_day;
