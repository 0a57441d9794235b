-- Issue 14, settings without SQL.

-- Effective-dated benefit rules a Pemda sets for the benefit-amount check.
-- A Pemda without rows of its own uses the national defaults in code
-- (domain.DefaultBenefits); its first change copies them here.
CREATE TABLE benefit_rule (
    pemda          text NOT NULL REFERENCES pemda (code),
    type           text NOT NULL CHECK (type ~ '^[A-Z_]{2,32}$'),
    valid_from     date NOT NULL,
    flat           bigint NOT NULL CHECK (flat >= 0),
    income_percent bigint NOT NULL CHECK (income_percent >= 0),
    fixed          boolean NOT NULL DEFAULT false,
    regulation     text NOT NULL DEFAULT '',
    note           text NOT NULL DEFAULT '',
    PRIMARY KEY (pemda, type, valid_from)
);

-- A category funded only in some years: first_year and last_year bound
-- the years it is offered (NULL: open); retiring sets last_year.
ALTER TABLE category
    ADD COLUMN first_year integer CHECK (first_year BETWEEN 2000 AND 2100),
    ADD COLUMN last_year  integer CHECK (last_year BETWEEN 2000 AND 2100),
    ADD CONSTRAINT category_years_check CHECK (first_year IS NULL OR last_year IS NULL OR first_year <= last_year);

-- Which denominator a year's UCJ figure divides by.
ALTER TABLE workforce
    ADD COLUMN denominator text NOT NULL DEFAULT 'angkatan_kerja'
        CHECK (denominator IN ('angkatan_kerja', 'penduduk_bekerja'));

-- The letterhead's logo, checked as PNG or SVG and at most 512 KB.
CREATE TABLE pemda_logo (
    pemda        text PRIMARY KEY REFERENCES pemda (code),
    content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/svg+xml')),
    data         bytea NOT NULL CHECK (octet_length(data) BETWEEN 1 AND 524288),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- The texts a new monev report starts with; empty means the national
-- default in code (laporan.DefaultLegalBasis …), which names no Pemda.
ALTER TABLE pemda
    ADD COLUMN report_legal_basis text NOT NULL DEFAULT '',
    ADD COLUMN report_aims        text NOT NULL DEFAULT '',
    ADD COLUMN report_method      text NOT NULL DEFAULT '';
