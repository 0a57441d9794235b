DROP TRIGGER IF EXISTS contribution_agg_insert ON contribution;
DROP TRIGGER IF EXISTS contribution_agg_update ON contribution;
DROP TRIGGER IF EXISTS contribution_agg_delete ON contribution;
DROP TRIGGER IF EXISTS contribution_agg_truncate ON contribution;
DROP TRIGGER IF EXISTS claim_agg_insert ON claim;
DROP TRIGGER IF EXISTS claim_agg_update ON claim;
DROP TRIGGER IF EXISTS claim_agg_delete ON claim;
DROP TRIGGER IF EXISTS claim_agg_truncate ON claim;
DROP TRIGGER IF EXISTS enrollment_agg_insert ON enrollment;
DROP TRIGGER IF EXISTS enrollment_agg_update ON enrollment;
DROP TRIGGER IF EXISTS enrollment_agg_delete ON enrollment;
DROP TRIGGER IF EXISTS enrollment_agg_truncate ON enrollment;
DROP FUNCTION IF EXISTS agg_contribution_apply(), agg_claim_apply(), agg_roster_apply(), agg_truncate(),
    transition_rows(text), roster_deltas(date, date);
DROP TABLE IF EXISTS agg_contribution, agg_claim, agg_roster;
