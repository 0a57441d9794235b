package main

import (
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/notify"
	"github.com/cilegon/monev/internal/platform/database"
)

// config is everything monev reads from the environment.
type config struct {
	DatabaseURL      string // the application's role
	MigrateURL       string // the owner's role, for migrate and demo; "" means DatabaseURL
	ReplicaURL       string // a streaming read replica for read-only requests; "" means none
	ReplicaMaxLag    time.Duration
	Addr             string
	PublicURL        string
	TrustProxy       bool
	SessionIdle      time.Duration
	SessionLifetime  time.Duration
	UploadLimitMB    int64
	UploadDir        string
	MetricsAddr      string
	StatementTimeout string
	DataDir          string
	LogFormat        string
	LogLevel         slog.Level
	SMTP             notify.SMTP // MONEV_SMTP_*, for a Pemda that stored no settings
}

func configFromEnv() config {
	c := config{
		DatabaseURL:      os.Getenv("DATABASE_URL"),
		MigrateURL:       os.Getenv("MONEV_MIGRATE_URL"),
		ReplicaURL:       os.Getenv("MONEV_REPLICA_URL"),
		ReplicaMaxLag:    envDuration("MONEV_REPLICA_MAX_LAG", database.DefaultMaxLag),
		Addr:             envOr("MONEV_ADDR", "127.0.0.1:8080"),
		PublicURL:        os.Getenv("MONEV_PUBLIC_URL"),
		TrustProxy:       envBool("MONEV_TRUST_PROXY"),
		SessionIdle:      envDuration("MONEV_SESSION_IDLE", 2*time.Hour),
		SessionLifetime:  envDuration("MONEV_SESSION_LIFETIME", 12*time.Hour),
		UploadLimitMB:    envInt("MONEV_UPLOAD_LIMIT_MB", 50),
		UploadDir:        os.Getenv("MONEV_UPLOAD_DIR"),
		MetricsAddr:      os.Getenv("MONEV_METRICS_ADDR"),
		StatementTimeout: envOr("MONEV_STATEMENT_TIMEOUT", "60s"),
		DataDir:          envOr("MONEV_DATA_DIR", ".data"),
		LogFormat:        envOr("MONEV_LOG_FORMAT", "json"),
		SMTP: notify.SMTP{Host: os.Getenv("MONEV_SMTP_HOST"), Port: int(envInt("MONEV_SMTP_PORT", 587)),
			Username: os.Getenv("MONEV_SMTP_USER"), Password: os.Getenv("MONEV_SMTP_PASSWORD"),
			Sender: os.Getenv("MONEV_SMTP_SENDER"), StartTLS: envOr("MONEV_SMTP_STARTTLS", "true") != "false"},
	}
	switch strings.ToLower(os.Getenv("MONEV_LOG_LEVEL")) {
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "warn":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	}
	return c
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(key string) bool {
	v, _ := strconv.ParseBool(os.Getenv(key))
	return v
}

func envInt(key string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(key), 10, 64); err == nil && v > 0 {
		return v
	}
	return def
}

func envDuration(key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(key)); err == nil && v > 0 {
		return v
	}
	return def
}
