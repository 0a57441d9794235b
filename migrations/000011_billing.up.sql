-- Billing: BPJS's bills line by line, bills not paid yet, the due-date rule,
-- and the roster by reported income that an expected bill is computed from.

-- A Pemda's due-date rule: the iuran of a coverage month is due on due_day
-- of that month (due_month_offset 0: the BPU rule, the default) or of the
-- month after (1: the rule for employers, or a Pemda–BPJS agreement).
ALTER TABLE pemda
    ADD COLUMN due_day integer NOT NULL DEFAULT 15 CHECK (due_day BETWEEN 1 AND 28),
    ADD COLUMN due_month_offset integer NOT NULL DEFAULT 0 CHECK (due_month_offset IN (0, 1));

-- An iuran row may record a bill that is not paid yet: a tagihan without a
-- payment (and so without an SP2D). A month has at most one such row.
ALTER TABLE contribution
    ALTER COLUMN paid DROP NOT NULL,
    ALTER COLUMN paid_on DROP NOT NULL,
    ADD CONSTRAINT contribution_payment_check CHECK ((paid IS NULL) = (paid_on IS NULL)),
    ADD CONSTRAINT contribution_unpaid_check CHECK (paid IS NOT NULL OR (billed IS NOT NULL AND sp2d_no IS NULL));
CREATE UNIQUE INDEX contribution_unpaid_key ON contribution (pemda, coverage_month) WHERE paid IS NULL;

-- Unpaid rows count in no cash month and as no payment.
CREATE OR REPLACE FUNCTION agg_contribution_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO agg_contribution AS a (pemda, basis, month, payments, paid, billed, billed_count, participants)
        SELECT r.pemda, b.basis, b.month, sum(r.sign * (r.paid IS NOT NULL)::int), sum(r.sign * coalesce(r.paid, 0)),
               sum(r.sign * coalesce(r.billed, 0)), sum(r.sign * (r.billed IS NOT NULL)::int),
               sum(r.sign * coalesce(r.participants, 0))
        FROM (%s) r,
             LATERAL (VALUES ('cash', date_trunc('month', r.paid_on)::date), ('accrual', r.coverage_month)) b (basis, month)
        WHERE b.month IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (pemda, basis, month) DO UPDATE SET
            payments = a.payments + EXCLUDED.payments, paid = a.paid + EXCLUDED.paid,
            billed = a.billed + EXCLUDED.billed, billed_count = a.billed_count + EXCLUDED.billed_count,
            participants = a.participants + EXCLUDED.participants
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;

-- A spell carries its worker's reported income, kept in step by the
-- composite foreign key (ON UPDATE CASCADE) as the category and kelurahan
-- are, so the roster can be summed by income: JKK is 1 % of it.
ALTER TABLE enrollment ADD COLUMN income bigint;
ALTER TABLE enrollment DISABLE TRIGGER USER;
UPDATE enrollment e SET income = w.income FROM worker w WHERE w.pemda = e.pemda AND w.id = e.worker_id;
ALTER TABLE enrollment ENABLE TRIGGER USER;
-- The default is the worker's default, so a spell of a worker at the lowest
-- band needs no income; any other must name it or the foreign key refuses.
ALTER TABLE enrollment ALTER COLUMN income SET NOT NULL, ALTER COLUMN income SET DEFAULT 1000000;
ALTER TABLE worker ADD CONSTRAINT worker_income_key UNIQUE (pemda, id, category_code, kelurahan_code, income);
ALTER TABLE enrollment
    DROP CONSTRAINT enrollment_pemda_worker_id_category_code_kelurahan_code_fkey,
    ADD CONSTRAINT enrollment_worker_fkey FOREIGN KEY (pemda, worker_id, category_code, kelurahan_code, income)
        REFERENCES worker (pemda, id, category_code, kelurahan_code, income) ON UPDATE CASCADE ON DELETE CASCADE;
-- Spells that ended in a month, for the workers covered on a given day.
CREATE INDEX enrollment_end_idx ON enrollment (pemda, end_date) WHERE end_date IS NOT NULL;

-- The billable roster (covered on any day of a month) by reported income,
-- as month-by-month changes like agg_roster: a handful of incomes per Pemda.
CREATE TABLE agg_roster_income (
    pemda  text NOT NULL REFERENCES pemda (code),
    month  date NOT NULL,
    income bigint NOT NULL,
    d_any  bigint NOT NULL,
    PRIMARY KEY (pemda, month, income)
);
INSERT INTO agg_roster_income (pemda, month, income, d_any)
SELECT e.pemda, d.month, e.income, sum(d.d_any)
FROM enrollment e, LATERAL roster_deltas(e.start_date, e.end_date) d
GROUP BY 1, 2, 3 HAVING sum(d.d_any) <> 0;

CREATE OR REPLACE FUNCTION agg_roster_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        WITH r AS MATERIALIZED (%s), deltas AS MATERIALIZED (
            SELECT r.pemda, d.month, r.category_code, r.kelurahan_code, sum(r.sign * d.d_end) AS d_end,
                   sum(r.sign * d.d_any) AS d_any
            FROM r, LATERAL roster_deltas(r.start_date, r.end_date) d
            GROUP BY 1, 2, 3, 4
        ), detail AS (
            INSERT INTO agg_roster AS a (pemda, month, category_code, kelurahan_code, d_end, d_any)
            SELECT pemda, month, category_code, kelurahan_code, d_end, d_any FROM deltas ORDER BY 1, 2, 3, 4
            ON CONFLICT (pemda, month, category_code, kelurahan_code) DO UPDATE SET
                d_end = a.d_end + EXCLUDED.d_end, d_any = a.d_any + EXCLUDED.d_any
        ), income AS (
            INSERT INTO agg_roster_income AS i (pemda, month, income, d_any)
            SELECT r.pemda, d.month, r.income, sum(r.sign * d.d_any)
            FROM r, LATERAL roster_deltas(r.start_date, r.end_date) d
            GROUP BY 1, 2, 3 HAVING sum(r.sign * d.d_any) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (pemda, month, income) DO UPDATE SET d_any = i.d_any + EXCLUDED.d_any
        )
        INSERT INTO agg_roster_total AS t (pemda, month, d_end, d_any)
        SELECT pemda, month, sum(d_end), sum(d_any) FROM deltas GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (pemda, month) DO UPDATE SET d_end = t.d_end + EXCLUDED.d_end, d_any = t.d_any + EXCLUDED.d_any
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;
CREATE TRIGGER enrollment_agg_income_truncate AFTER TRUNCATE ON enrollment
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_roster_income');

-- BPJS's bill (tagihan), a line per participant: the KPJ, NIK and name on
-- the bill, the reported income, and the iuran with its JKK and JKM parts
-- when the bill gives them. Lines are matched to the registry at read time,
-- by NIK and else by KPJ, so a correction of the registry counts at once.
-- A bill is the lines of one coverage month with one bill number ('' when
-- the file names none); importing it again replaces its lines.
CREATE TABLE bill_line (
    pemda          text NOT NULL REFERENCES pemda (code),
    id             bigint GENERATED BY DEFAULT AS IDENTITY,
    coverage_month date NOT NULL CHECK (extract(day FROM coverage_month) = 1),
    bill_no        text NOT NULL DEFAULT '',
    line           integer NOT NULL,
    kpj            text NOT NULL CHECK (kpj <> ''),
    nik            text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    name           text NOT NULL,
    income         bigint CHECK (income >= 0),
    amount         bigint NOT NULL CHECK (amount >= 0),
    jkk            bigint CHECK (jkk >= 0),
    jkm            bigint CHECK (jkm >= 0),
    note           text NOT NULL DEFAULT '',
    import_batch   bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pemda, id),
    CHECK (jkk IS NULL OR jkm IS NULL OR jkk + jkm = amount)
);
CREATE INDEX bill_line_bill_idx ON bill_line (pemda, coverage_month, bill_no, line);
CREATE INDEX bill_line_nik_idx ON bill_line (pemda, nik);
CREATE INDEX bill_line_kpj_idx ON bill_line (pemda, kpj);

-- The bills per coverage month: lines and amount, kept like the other aggregates.
CREATE TABLE agg_bill (
    pemda  text NOT NULL REFERENCES pemda (code),
    month  date NOT NULL,
    lines  bigint NOT NULL,
    amount bigint NOT NULL,
    PRIMARY KEY (pemda, month)
);

CREATE FUNCTION agg_bill_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        INSERT INTO agg_bill AS a (pemda, month, lines, amount)
        SELECT r.pemda, r.coverage_month, sum(r.sign), sum(r.sign * r.amount)
        FROM (%s) r
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (pemda, month) DO UPDATE SET lines = a.lines + EXCLUDED.lines, amount = a.amount + EXCLUDED.amount
    $sql$, transition_rows(TG_OP));
    RETURN NULL;
END;
$$;
CREATE TRIGGER bill_line_agg_insert AFTER INSERT ON bill_line
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_bill_apply();
CREATE TRIGGER bill_line_agg_update AFTER UPDATE ON bill_line
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_bill_apply();
CREATE TRIGGER bill_line_agg_delete AFTER DELETE ON bill_line
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION agg_bill_apply();
CREATE TRIGGER bill_line_agg_truncate AFTER TRUNCATE ON bill_line
    FOR EACH STATEMENT EXECUTE FUNCTION agg_truncate('agg_bill');

ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check,
    ADD CONSTRAINT import_batch_kind_check CHECK (kind IN ('workers', 'contributions', 'claims', 'bills'));
