ALTER TABLE pemda DROP COLUMN report_legal_basis, DROP COLUMN report_aims, DROP COLUMN report_method;
DROP TABLE pemda_logo;
ALTER TABLE workforce DROP COLUMN denominator;
ALTER TABLE category DROP CONSTRAINT category_years_check, DROP COLUMN first_year, DROP COLUMN last_year;
DROP TABLE benefit_rule;
