-- Monthly aggregates, kept exact by statement-level triggers in the same
-- transaction as every insert, update and delete of the base tables, so a
-- figure is fresh the moment a change commits and reading it costs the same
-- at a million workers as at ten thousand.

-- Payments per month: by SP2D month (cash) and by coverage month (accrual).
CREATE TABLE agg_contribution (
    pemda        text NOT NULL REFERENCES pemda (code),
    basis        text NOT NULL CHECK (basis IN ('cash', 'accrual')),
    month        date NOT NULL,
    payments     bigint NOT NULL,
    paid         bigint NOT NULL,
    billed       bigint NOT NULL, -- sum of the billed amounts that are known
    billed_count bigint NOT NULL, -- payments whose billed amount is known
    participants bigint NOT NULL, -- sum of the participant counts that are known
    PRIMARY KEY (pemda, basis, month)
);

-- Claims per month by payment month (cash; only claims with a payment date)
-- and by incident month (accrual), per type, status, category and kelurahan.
CREATE TABLE agg_claim (
    pemda          text NOT NULL REFERENCES pemda (code),
    basis          text NOT NULL CHECK (basis IN ('cash', 'accrual')),
    month          date NOT NULL,
    type           text NOT NULL,
    status         text NOT NULL,
    category_code  text NOT NULL,
    kelurahan_code text NOT NULL,
    claims         bigint NOT NULL,
    amount         bigint NOT NULL,
    PRIMARY KEY (pemda, basis, month, type, status, category_code, kelurahan_code)
);

-- The roster as month-by-month changes: the workers covered on the last day
-- of month M are the sum of d_end over the months up to M; the workers
-- covered on any day of M (those BPJS bills) the sum of d_any.
CREATE TABLE agg_roster (
    pemda          text NOT NULL REFERENCES pemda (code),
    month          date NOT NULL,
    category_code  text NOT NULL,
    kelurahan_code text NOT NULL,
    d_end          bigint NOT NULL,
    d_any          bigint NOT NULL,
    PRIMARY KEY (pemda, month, category_code, kelurahan_code)
);

-- roster_deltas turns a spell into its changes to agg_roster: it counts from
-- its first month; it stops counting for month ends after its end date, and
-- for whole months after its end month.
CREATE FUNCTION roster_deltas(s date, e date) RETURNS TABLE (month date, d_end bigint, d_any bigint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT date_trunc('month', s)::date, 1::bigint, 1::bigint
    UNION ALL
    SELECT (date_trunc('month', e) + interval '1 month')::date, 0, -1
    WHERE e IS NOT NULL
    UNION ALL
    SELECT CASE WHEN e = (date_trunc('month', e) + interval '1 month - 1 day')::date
                THEN (date_trunc('month', e) + interval '1 month')::date
                ELSE date_trunc('month', e)::date END, -1, 0
    WHERE e IS NOT NULL
$$;

-- transition_rows is the SQL that reads a trigger's changed rows with a sign:
-- -1 for rows that went away, +1 for rows that came.
CREATE FUNCTION transition_rows(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE op
        WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
        WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
        ELSE 'SELECT o.*, -1 AS sign FROM old_rows o UNION ALL SELECT n.*, 1 FROM new_rows n'
    END
$$;

CREATE FUNCTION agg_contribution_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION agg_claim_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION agg_roster_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER contribution_agg_insert AFTER INSERT ON contribution
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_apply();
CREATE TRIGGER contribution_agg_update AFTER UPDATE ON contribution
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_apply();
CREATE TRIGGER contribution_agg_delete AFTER DELETE ON contribution
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_contribution_apply();

CREATE TRIGGER claim_agg_insert AFTER INSERT ON claim
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_claim_apply();
CREATE TRIGGER claim_agg_update AFTER UPDATE ON claim
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_claim_apply();
CREATE TRIGGER claim_agg_delete AFTER DELETE ON claim
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_claim_apply();

CREATE TRIGGER enrollment_agg_insert AFTER INSERT ON enrollment
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_roster_apply();
CREATE TRIGGER enrollment_agg_update AFTER UPDATE ON enrollment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_roster_apply();
CREATE TRIGGER enrollment_agg_delete AFTER DELETE ON enrollment
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_roster_apply();

-- TRUNCATE leaves no rows to subtract: empty the aggregates with it.
CREATE FUNCTION agg_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('TRUNCATE %I', TG_ARGV[0]);
    RETURN NULL;
END;
$$;
CREATE TRIGGER contribution_agg_truncate AFTER TRUNCATE ON contribution
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_contribution');
CREATE TRIGGER claim_agg_truncate AFTER TRUNCATE ON claim
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_claim');
CREATE TRIGGER enrollment_agg_truncate AFTER TRUNCATE ON enrollment
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_roster');
