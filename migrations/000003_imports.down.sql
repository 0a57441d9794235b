DROP TABLE IF EXISTS import_problem, import_batch;
