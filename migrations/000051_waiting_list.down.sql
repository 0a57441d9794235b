DROP TABLE quota_replacement;
DROP TABLE waiting_candidate;
