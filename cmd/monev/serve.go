package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"

	authui "github.com/cilegon/monev/internal/auth/ui"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/platform/database"
)

func cmdServe(ctx context.Context, cfg config, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen address")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.RequireCurrentSchema(ctx); err != nil {
		if errors.Is(err, database.ErrSchemaBehind) {
			return fmt.Errorf("%w; run `monev migrate up` first", err)
		}
		return err
	}
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
		DemoLogins:      demo,
		Version:         version,
	}, db, log)
	log.Info("serving", "addr", "http://"+cfg.Addr, "version", version)
	return srv.Run(ctx)
}

// openDB connects to DATABASE_URL.
func openDB(ctx context.Context, cfg config) (*database.DB, error) {
	if cfg.DatabaseURL == "" {
		return nil, fmt.Errorf("%w: DATABASE_URL is not set (for a local database use `make run`)", errUsage)
	}
	database.StatementTimeout = cfg.StatementTimeout
	return database.Open(ctx, cfg.DatabaseURL)
}
