package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/settings"
)

// cmdSettings is `monev settings due-date [--day N --month coverage|following] [--pemda CODE]`:
// print a Pemda's due-date rule, or change it (recorded in the audit log).
func cmdSettings(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "due-date" {
		return fmt.Errorf("%w: settings due-date [--day N --month coverage|following]", errUsage)
	}
	fs := flag.NewFlagSet("settings due-date", flag.ContinueOnError)
	day := fs.Int("day", 0, "day of the month the iuran is due, 1–28")
	month := fs.String("month", "", "coverage (the coverage month itself, the BPU rule) or following (the month after)")
	pemda := fs.String("pemda", domain.DefaultPemda, "Pemda code")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := settings.NewService(db)
	rule, err := svc.DueRule(ctx, *pemda)
	if err != nil {
		return err
	}
	if *day != 0 || *month != "" {
		if *day != 0 {
			rule.Day = *day
		}
		switch *month {
		case "":
		case "coverage":
			rule.MonthOffset = 0
		case "following":
			rule.MonthOffset = 1
		default:
			return fmt.Errorf("%w: --month coverage|following, not %q", errUsage, *month)
		}
		if err := svc.SetDueRule(ctx, cliActor(*pemda), rule); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "iuran due on day %d of %s (%s)\n", rule.Day, map[int]string{0: "the coverage month", 1: "the month after"}[rule.MonthOffset], rule.Label())
	return nil
}
