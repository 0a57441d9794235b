package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cilegon/monev/internal/app"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/settings"
)

// cmdImport is `monev import workers|contributions|bills|claims FILE [--dry-run]`:
// exit status 0 when imported (or nothing changed), 1 when the file was
// rejected (its problems on standard error), 2 for usage errors.
func cmdImport(ctx context.Context, cfg config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dryRun := fs.Bool("dry-run", false, "check the file and report what would change, without writing")
	username := fs.String("username", "", "record the import under this user (default: the command line)")
	pemda := fs.String("pemda", domain.DefaultPemda, "import into this Pemda (its code, e.g. 3672), when no --username says")
	flags, positional := splitArgs(args, "username", "pemda")
	if err := parseFlags(fs, flags); err != nil {
		return err
	}
	if len(positional) != 2 {
		return fmt.Errorf("%w: import workers|contributions|bills|claims FILE [--dry-run]", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	im := imports.NewService(db, settings.NewService(db), app.ImportKinds()...)
	kind, err := im.Kind(positional[0])
	if err != nil {
		return fmt.Errorf("%w: import: %v", errUsage, err)
	}
	actor := cliActor(strings.ReplaceAll(*pemda, ".", ""))
	if *username != "" {
		u, err := auth.NewService(db).UserByUsername(ctx, *username)
		if err != nil {
			return fmt.Errorf("user %q: %w", *username, err)
		}
		actor = domain.ActorFor(u, "", "")
	}
	path := positional[1]
	res, err := im.Run(ctx, actor, imports.Request{Kind: kind, Path: path, FileName: filepath.Base(path), DryRun: *dryRun})
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintln(stderr, p.Error())
	}
	if extra := res.ProblemCount - int64(len(res.Problems)); extra > 0 {
		fmt.Fprintf(stderr, "... dan %d masalah lain\n", extra)
	}
	b := res.Batch
	fmt.Fprintf(stdout, "%s: %s (batch %d): %d rows, %d new, %d updated, %d unchanged, %d problems\n",
		filepath.Base(path), b.Status, b.ID, b.Rows, b.New, b.Updated, b.Unchanged, b.ErrorCount)
	fmt.Fprintln(stdout, b.Message)
	if res.ProblemCount > 0 {
		return errRejected
	}
	return nil
}

// splitArgs separates flags from positional arguments, so flags may come
// after the file; withValue names the flags whose value may follow as the
// next argument.
func splitArgs(args []string, withValue ...string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if slices.Contains(withValue, name) && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, positional
}
