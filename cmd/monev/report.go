package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"text/tabwriter"
	"time"

	laporanui "github.com/cilegon/monev/internal/laporan/ui"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pdf"
	"github.com/cilegon/monev/internal/settings"
)

// cmdReport is `monev report list` and `monev report pdf --id N --out FILE
// [--summary]`: the monev reports, and the same PDF the web page serves.
func cmdReport(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "pdf") {
		return fmt.Errorf("%w: report list | report pdf --id N --out FILE [--summary]", errUsage)
	}
	fs := flag.NewFlagSet("report "+args[0], flag.ContinueOnError)
	pemda := fs.String("pemda", domain.DefaultPemda, "Pemda code")
	id := fs.Int64("id", 0, "report id (see `monev report list`)")
	out := fs.String("out", "", "PDF file to write")
	summary := fs.Bool("summary", false, "only the one-page Ringkasan untuk Walikota")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if args[0] == "pdf" && (*id <= 0 || *out == "") {
		return fmt.Errorf("%w: report pdf needs --id N and --out FILE", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "list" {
		list, err := reportService(db).Reports(ctx, *pemda)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tPERIOD\tSTATUS\tSIGNED\tTITLE")
		for _, r := range list {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Period, r.Status, dateOrEmpty(r.SignedOn), r.Title)
		}
		return tw.Flush()
	}
	if err := pdf.Available(); err != nil {
		return fmt.Errorf("PDF printing needs Chromium: %w", err)
	}
	set := settings.NewService(db)
	docs := laporanui.NewDocuments(reportService(db), set, auth.NewService(db), audit.New(db), version)
	defer docs.Close()
	// The command line reads as an administrator would; the export is
	// audited under the operator's name.
	reader := domain.User{Pemda: *pemda, Username: "cli", Role: domain.RoleAdmin}
	pdf, _, err := docs.PDF(ctx, reader, cliActor(*pemda), *id, *summary)
	if errors.Is(err, domain.ErrNotFound) {
		return fmt.Errorf("%w: no report %d (see `monev report list`)", errUsage, *id)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes)\n", *out, len(pdf))
	return nil
}

// dateOrEmpty writes a day as 2024-07-31, or nothing.
func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// reportService is the monev report service of db.
func reportService(db *database.DB) *laporan.Service {
	return laporan.NewService(db, analysisOf(db))
}
