package main

import (
	"context"
	"fmt"
	"io"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// cmdAggregates is `monev aggregates check|rebuild`: compare the monthly
// aggregates with the base tables, or recompute them.
func cmdAggregates(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) != 1 || (args[0] != "check" && args[0] != "rebuild") {
		return fmt.Errorf("%w: aggregates check|rebuild", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "rebuild" {
		if err := analysisOf(db).RebuildAggregates(ctx); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "aggregates rebuilt")
	}
	diffs, err := analysisOf(db).CheckAggregates(ctx)
	if err != nil {
		return err
	}
	for _, d := range diffs {
		fmt.Fprintln(stdout, d)
	}
	if len(diffs) > 0 {
		fmt.Fprintf(stdout, "%d differences; run `monev aggregates rebuild`\n", len(diffs))
		return errRejected
	}
	fmt.Fprintln(stdout, "aggregates match the base tables")
	return nil
}

// analysisOf is the analysis service of db, for commands that read figures.
func analysisOf(db *database.DB) *analysis.Service {
	set := settings.NewService(db)
	return analysis.NewService(db, set, contributions.NewService(db, set))
}
