DROP TABLE IF EXISTS audit_log, login_failure, api_token, sessions, app_user, workforce, target,
    budget, claim, contribution, enrollment, worker, contribution_rate, category, kelurahan,
    kecamatan, pemda CASCADE;
DROP FUNCTION IF EXISTS audit_log_append_only();
