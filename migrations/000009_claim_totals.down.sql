DROP TRIGGER IF EXISTS claim_agg_total_truncate ON claim;
CREATE OR REPLACE FUNCTION agg_claim_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO agg_claim AS a (pemda, basis, month, type, status, category_code, kelurahan_code, claims, amount)
        SELECT r.pemda, b.basis, b.month, r.type, r.status, r.category_code, r.kelurahan_code,
               sum(r.sign), sum(r.sign * r.amount)
        FROM (%s) r,
             LATERAL (VALUES ('cash', date_trunc('month', r.paid_on)::date),
                             ('accrual', date_trunc('month', r.incident_on)::date)) b (basis, month)
        WHERE b.month IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (pemda, basis, month, type, status, category_code, kelurahan_code) DO UPDATE SET
            claims = a.claims + EXCLUDED.claims, amount = a.amount + EXCLUDED.amount
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;
DROP TABLE IF EXISTS agg_claim_total;
