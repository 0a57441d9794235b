// Package pgcluster starts and stops a project-local PostgreSQL cluster from
// the installed server programs (initdb, pg_ctl): a persistent one under
// .data/ for `make run`, and a throwaway one in a temporary directory for
// `make test` and benchmarks.
//
// PostgreSQL refuses to run as root, so when this program runs as root,
// initdb and pg_ctl run as the postgres system user through runuser and the
// data directory is handed to that user.
//
// The package imports only the standard library and pgx (to check that the
// server accepts connections and to create the database). It must not import
// any other package of this project.
package pgcluster
