ALTER TABLE app_user DROP CONSTRAINT app_user_signatory_check;
ALTER TABLE app_user DROP COLUMN signatory;
DROP INDEX app_user_nip_key;
ALTER TABLE app_user DROP COLUMN session_epoch;
ALTER TABLE sessions DROP CONSTRAINT sessions_token_hash_check;
-- Hashed tokens cannot be turned back: everybody signs in again.
DELETE FROM sessions;
