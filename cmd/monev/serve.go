package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"time"

	authui "github.com/cilegon/monev/internal/auth/ui"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/platform/database"
)

func cmdServe(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address")
	fs.StringVar(&cfg.ReplicaURL, "replica", cfg.ReplicaURL, "URL of a streaming read replica for read-only requests (MONEV_REPLICA_URL)")
	fs.DurationVar(&cfg.ReplicaMaxLag, "replica-max-lag", cfg.ReplicaMaxLag, "read from the primary while the replica lags more than this")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if cfg.ReplicaURL != "" {
		if err := db.AttachReplica(cfg.ReplicaURL, database.ReplicaOptions{MaxLag: cfg.ReplicaMaxLag}); err != nil {
			return err
		}
		st := db.CheckReplica(ctx)
		log.Info("read replica", "usable", st.Usable, "lag", st.Lag.String(), "max_lag", cfg.ReplicaMaxLag.String(), "error", fmt.Sprint(st.Err))
	}
	if err := db.RequireCurrentSchema(ctx); err != nil {
		if errors.Is(err, database.ErrSchemaBehind) {
			return fmt.Errorf("%w; run `monev migrate up` first", err)
		}
		return err
	}
	warnAuditLog(ctx, log, db)
	return serve(ctx, cfg, log, db, nil)
}

// serve runs the web server until ctx ends.
func serve(ctx context.Context, cfg config, log *slog.Logger, db *database.DB, demo []authui.DemoLogin) error {
	srv := app.New(app.Config{
		Addr:            cfg.Addr,
		PublicURL:       cfg.PublicURL,
		TrustProxy:      cfg.TrustProxy,
		SessionIdle:     cfg.SessionIdle,
		SessionLifetime: cfg.SessionLifetime,
		UploadLimit:     cfg.UploadLimitMB << 20,
		UploadDir:       cfg.UploadDir,
		MetricsAddr:     cfg.MetricsAddr,
		ReplicaMaxLag:   replicaLag(cfg),
		DemoLogins:      demo,
		Version:         version,
		SMTP:            cfg.SMTP,
	}, db, log)
	log.Info("serving", "addr", "http://"+cfg.Addr, "version", version)
	return srv.Run(ctx)
}

// openDB connects to DATABASE_URL, as the application's role.
func openDB(ctx context.Context, cfg config) (*database.DB, error) {
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("%w: DATABASE_URL is not set (for a local database use `make run`)", errUsage)
	}
	database.StatementTimeout = cfg.StatementTimeout
	return database.Open(ctx, cfg.DatabaseURL)
}

// openOwnerDB connects as the database's owner, who migrates and loads the
// demo: MONEV_MIGRATE_URL, or DATABASE_URL when the two roles are one.
func openOwnerDB(ctx context.Context, cfg config) (*database.DB, error) {
	if cfg.MigrateURL == "" {
		return openDB(ctx, cfg)
	}
	database.StatementTimeout = cfg.StatementTimeout
	return database.Open(ctx, cfg.MigrateURL)
}

// grantApp gives DATABASE_URL's role its privileges after the owner
// (MONEV_MIGRATE_URL) changed the schema; with one role for both there is
// nothing to grant.
func grantApp(ctx context.Context, cfg config, owner *database.DB) error {
	app := database.URLUser(cfg.DatabaseURL)
	if cfg.MigrateURL == "" || app == "" || app == database.URLUser(cfg.MigrateURL) {
		return nil
	}
	return owner.GrantApp(ctx, app)
}

// warnAuditLog logs when the application's role could rewrite the audit
// log: it owns the table or may change its rows (see docs/operations.md,
// "Database roles").
func warnAuditLog(ctx context.Context, log *slog.Logger, db *database.DB) {
	if can, err := db.CanAlterAuditLog(ctx); err == nil && can {
		log.Warn("the database role of DATABASE_URL owns or may change the audit log; run monev with a role " +
			"that cannot (MONEV_MIGRATE_URL for the owner, see docs/operations.md)")
	}
}

// replicaLag is how long a browser keeps reading from the primary after it
// changed something, so that it sees its own change: the replica's allowed
// lag, or 0 (no stickiness) without a replica.
func replicaLag(cfg config) time.Duration {
	if cfg.ReplicaURL == "" {
		return 0
	}
	return cfg.ReplicaMaxLag
}
