DROP TABLE followup_note;
DROP INDEX report_action_open_idx;
ALTER TABLE report_action DROP CONSTRAINT report_action_pkey;
ALTER TABLE report_action DROP CONSTRAINT report_action_seq_key;
ALTER TABLE report_action DROP CONSTRAINT report_action_owner_user_fkey;
ALTER TABLE report_action DROP CONSTRAINT report_action_owner_user_check;
ALTER TABLE report_action DROP COLUMN id, DROP COLUMN owner_kind, DROP COLUMN owner_user_id, DROP COLUMN status,
    DROP COLUMN updated_at;
ALTER TABLE report_action ADD CONSTRAINT report_action_pkey PRIMARY KEY (pemda, report_id, seq);
