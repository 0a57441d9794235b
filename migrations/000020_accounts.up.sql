-- Sessions are stored by the SHA-256 of their token, so a copy of the table
-- signs nobody in; a user's session_epoch grows with every password change
-- and ends the sessions that carry an older one.
UPDATE sessions SET token = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE sessions ADD CONSTRAINT sessions_token_hash_check CHECK (token ~ '^[0-9a-f]{64}$');
ALTER TABLE app_user ADD COLUMN session_epoch bigint NOT NULL DEFAULT 0;

-- Only users an administrator marked as signatories sign monev reports, and
-- a NIP belongs to one account. Of accounts that share a NIP, the oldest
-- keeps it; accounts with a NIP, position and rank keep signing.
UPDATE app_user u SET nip = NULL
WHERE nip IS NOT NULL AND EXISTS (SELECT 1 FROM app_user o WHERE o.nip = u.nip AND o.id < u.id);
CREATE UNIQUE INDEX app_user_nip_key ON app_user (nip);
ALTER TABLE app_user ADD COLUMN signatory boolean NOT NULL DEFAULT false;
UPDATE app_user SET signatory = true
WHERE nip IS NOT NULL AND position <> '' AND rank <> '' AND role IN ('admin', 'disnaker');
ALTER TABLE app_user ADD CONSTRAINT app_user_signatory_check CHECK (NOT signatory OR nip IS NOT NULL);
