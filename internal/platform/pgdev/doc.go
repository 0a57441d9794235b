// Package pgdev is the PostgreSQL of development and tests: it starts and
// stops a project-local cluster from the installed server programs (initdb,
// pg_ctl) — a persistent one under .data/ for `make run`, a throwaway one in
// a temporary directory for `make test` (RunThrowaway) and benchmarks — and
// gives each test a database of its own, cloned from a migrated template.
// The server's superuser owns and migrates every database; the application
// connects as AppRole, which database.GrantApp lets read and write the data
// but not alter the schema or the audit log, as on a production server.
//
// PostgreSQL refuses to run as root, so when this program runs as root,
// initdb and pg_ctl run as the postgres system user through runuser and the
// data directory is handed to that user.
//
// The package imports the standard library, pgx, and of this project only
// internal/platform/database and migrations (to build the template).
package pgdev
