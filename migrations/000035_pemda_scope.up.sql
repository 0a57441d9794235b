-- Every Pemda: a province's two-digit Kemendagri code fits beside a
-- kabupaten/kota's four (stored without dots, as Cilegon's 3672 always was),
-- and a user may read other Pemda: a list of codes, where a two-digit code
-- stands for a province and all its kabupaten/kota.
ALTER TABLE pemda DROP CONSTRAINT pemda_code_check;
ALTER TABLE pemda ADD CONSTRAINT pemda_code_check CHECK (code ~ '^[0-9]{2}([0-9]{2})?$');

ALTER TABLE app_user ADD COLUMN scope text[] NOT NULL DEFAULT '{}';
ALTER TABLE app_user ADD CONSTRAINT app_user_scope_check
    CHECK (array_to_string(scope, ',') ~ '^([0-9]{2}([0-9]{2})?(,[0-9]{2}([0-9]{2})?)*)?$');

-- Kemendagri's list repeats names: a desa name in two kecamatan of one
-- kabupaten (even twice in one kecamatan), a kecamatan name in two
-- kabupaten of one province. The code identifies a region; imports refuse
-- a name that is ambiguous and ask for the code.
ALTER TABLE kelurahan DROP CONSTRAINT kelurahan_pemda_name_key;
ALTER TABLE kecamatan DROP CONSTRAINT kecamatan_pemda_name_key;
