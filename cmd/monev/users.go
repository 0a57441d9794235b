package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os/user"
	"strings"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/domain"
)

// cliActor is the audit-log actor of command-line changes.
func cliActor(pemda string) domain.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return domain.OperatorActor(pemda, name)
}

func cmdUser(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: user add --username U --role R --password-stdin", errUsage)
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	username := fs.String("username", "", "username (lower case)")
	roleName := fs.String("role", "", "admin, disnaker, bpjs or pimpinan")
	fullName := fs.String("name", "", "full name")
	pemdaCode := fs.String("pemda", domain.DefaultPemda, "home Pemda code (36.04 or 3604)")
	scopeList := fs.String("scope", "", "other Pemda the user reads: a province (36, with its kabupaten/kota) or codes 36.72,36.04")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	role, err := domain.ParseRole(*roleName)
	if err != nil || *username == "" || !*fromStdin {
		return fmt.Errorf("%w: user add needs --username, a valid --role (admin, disnaker, bpjs, pimpinan) and --password-stdin", errUsage)
	}
	pemda, err := pemdaFlag(*pemdaCode)
	if err != nil {
		return err
	}
	scope, err := scopeFlag(*scopeList)
	if err != nil {
		return err
	}
	pw, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	pw = strings.TrimRight(pw, "\r\n")
	if msg := password.Check(pw, *username); msg != "" {
		return fmt.Errorf("%w: password refused: %s", errUsage, msg)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := auth.NewService(db).CreateUser(ctx, cliActor(pemda), domain.User{
		Pemda: pemda, Username: strings.ToLower(*username), FullName: *fullName, Role: role, Active: true, ScopeCodes: scope,
	}, pw)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s added with role %s\n", u.Username, u.Role)
	if len(u.Scope) > 1 {
		fmt.Fprintf(stdout, "reads %d Pemda: %s\n", len(u.Scope), strings.Join(u.Scope, ", "))
	}
	return nil
}

func cmdToken(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: token create --username U | token list | token revoke --id N", errUsage)
	}
	switch args[0] {
	case "list":
		return cmdTokenList(ctx, cfg, args[1:], stdout)
	case "revoke":
		return cmdTokenRevoke(ctx, cfg, args[1:], stdout)
	case "create":
	default:
		return fmt.Errorf("%w: token create --username U | token list | token revoke --id N", errUsage)
	}
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	username := fs.String("username", "", "the user the token acts as")
	name := fs.String("name", "", "what the token is for")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *username == "" {
		return fmt.Errorf("%w: token create needs --username", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	accounts := auth.NewService(db)
	u, err := accounts.UserByUsername(ctx, strings.ToLower(*username))
	if err != nil {
		return fmt.Errorf("user %q: %w", *username, err)
	}
	token, err := accounts.CreateToken(ctx, cliActor(u.Pemda), u, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}

func cmdTokenList(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("token list", flag.ContinueOnError)
	pemda := fs.String("pemda", domain.DefaultPemda, "Pemda code")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	tokens, err := auth.NewService(db).Tokens(ctx, *pemda)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%-6s %-14s %-16s %-20s %-20s %s\n", "ID", "PREFIX", "USER", "CREATED", "LAST USED", "STATUS")
	for _, t := range tokens {
		last, status := "never", "active"
		if t.LastUsedAt != nil {
			last = t.LastUsedAt.UTC().Format("2006-01-02 15:04")
		}
		if t.RevokedAt != nil {
			status = "revoked " + t.RevokedAt.UTC().Format("2006-01-02")
		}
		fmt.Fprintf(stdout, "%-6d %-14s %-16s %-20s %-20s %s\n", t.ID, t.Prefix, t.Username,
			t.CreatedAt.UTC().Format("2006-01-02 15:04"), last, status)
	}
	return nil
}

func cmdTokenRevoke(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("token revoke", flag.ContinueOnError)
	id := fs.Int64("id", 0, "the token's ID (see token list)")
	pemda := fs.String("pemda", domain.DefaultPemda, "Pemda code")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *id == 0 {
		return fmt.Errorf("%w: token revoke needs --id (see monev token list)", errUsage)
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := auth.NewService(db).RevokeToken(ctx, cliActor(*pemda), *pemda, *id); err != nil {
		return fmt.Errorf("token %d: %w", *id, err)
	}
	fmt.Fprintf(stdout, "token %d revoked\n", *id)
	return nil
}
