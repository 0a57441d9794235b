-- Fails while a province is onboarded: remove it first.
ALTER TABLE app_user DROP COLUMN scope;
ALTER TABLE pemda DROP CONSTRAINT pemda_code_check;
ALTER TABLE pemda ADD CONSTRAINT pemda_code_check CHECK (code ~ '^[0-9]{4}$');
ALTER TABLE kecamatan ADD CONSTRAINT kecamatan_pemda_name_key UNIQUE (pemda, name);
ALTER TABLE kelurahan ADD CONSTRAINT kelurahan_pemda_name_key UNIQUE (pemda, name);
