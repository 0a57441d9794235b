package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cilegon/monev/internal/settings"
)

// cmdPemda is `monev pemda add --code CODE` and `monev pemda list`.
func cmdPemda(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	const use = "pemda add --code CODE | pemda list"
	if len(args) == 0 || (args[0] != "add" && args[0] != "list") {
		return fmt.Errorf("%w: %s", errUsage, use)
	}
	fs := flag.NewFlagSet("pemda "+args[0], flag.ContinueOnError)
	code := fs.String("code", "", "Kemendagri code of a province (36) or kabupaten/kota (36.04 or 3604)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if args[0] == "add" && *code == "" {
		return fmt.Errorf("%w: pemda add needs --code, e.g. --code 36.04", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := settings.NewService(db)
	if args[0] == "add" {
		stored, _, err := settings.PemdaCode(*code)
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		p, err := svc.AddPemda(ctx, cliActor(stored), *code)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s (%s) added: %d kecamatan, %d kelurahan/desa, %d categories\n",
			p.Name, p.Dotted(), p.Kecamatan, p.Kelurahan, len(settings.DefaultCategories))
		return nil
	}
	list, err := svc.PemdasCounted(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-8s %-32s %-20s %10s %10s %10s\n", "CODE", "NAME", "PROVINCE", "KECAMATAN", "KELURAHAN", "WORKERS")
	for _, p := range list {
		fmt.Fprintf(stdout, "%-8s %-32s %-20s %10d %10d %10d\n", p.Dotted(), p.Name, p.Province, p.Kecamatan, p.Kelurahan, p.Workers)
	}
	return nil
}

// pemdaFlag returns the stored code of a --pemda value given with or
// without dots, as a usage error when it is no province or kabupaten/kota.
func pemdaFlag(s string) (string, error) {
	code, _, err := settings.PemdaCode(s)
	if err != nil {
		return "", fmt.Errorf("%w: --pemda: %v", errUsage, err)
	}
	return code, nil
}

// scopeFlag returns the stored codes of a --scope list such as "36" or
// "36.72,36.04".
func scopeFlag(s string) ([]string, error) {
	var codes []string
	for part := range strings.SplitSeq(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		code, _, err := settings.PemdaCode(part)
		if err != nil {
			return nil, fmt.Errorf("%w: --scope: %v", errUsage, err)
		}
		codes = append(codes, code)
	}
	return codes, nil
}
