-- Claims per month, type and status summed over categories and kelurahan:
-- a few hundred rows per Pemda and year, so the balance and the claims by
-- type cost the same however many workers there are. Kept by the same
-- trigger as agg_claim.

CREATE TABLE agg_claim_total (
    pemda  text NOT NULL REFERENCES pemda (code),
    basis  text NOT NULL CHECK (basis IN ('cash', 'accrual')),
    month  date NOT NULL,
    type   text NOT NULL,
    status text NOT NULL,
    claims bigint NOT NULL,
    amount bigint NOT NULL,
    PRIMARY KEY (pemda, basis, month, type, status)
);

INSERT INTO agg_claim_total (pemda, basis, month, type, status, claims, amount)
SELECT pemda, basis, month, type, status, sum(claims), sum(amount) FROM agg_claim GROUP BY 1, 2, 3, 4, 5;

CREATE OR REPLACE FUNCTION agg_claim_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        WITH deltas AS MATERIALIZED (
            SELECT r.pemda, b.basis, b.month, r.type, r.status, r.category_code, r.kelurahan_code,
                   sum(r.sign) AS claims, sum(r.sign * r.amount) AS amount
            FROM (%s) r,
                 LATERAL (VALUES ('cash', date_trunc('month', r.paid_on)::date),
                                 ('accrual', date_trunc('month', r.incident_on)::date)) b (basis, month)
            WHERE b.month IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5, 6, 7
        ), detail AS (
            INSERT INTO agg_claim AS a (pemda, basis, month, type, status, category_code, kelurahan_code, claims, amount)
            SELECT * FROM deltas ORDER BY 1, 2, 3, 4, 5, 6, 7
            ON CONFLICT (pemda, basis, month, type, status, category_code, kelurahan_code) DO UPDATE SET
                claims = a.claims + EXCLUDED.claims, amount = a.amount + EXCLUDED.amount
        )
        INSERT INTO agg_claim_total AS t (pemda, basis, month, type, status, claims, amount)
        SELECT pemda, basis, month, type, status, sum(claims), sum(amount) FROM deltas
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (pemda, basis, month, type, status) DO UPDATE SET
            claims = t.claims + EXCLUDED.claims, amount = t.amount + EXCLUDED.amount
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;

CREATE TRIGGER claim_agg_total_truncate AFTER TRUNCATE ON claim
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_claim_total');
