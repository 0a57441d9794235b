package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os/user"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/password"
)

// cliActor is the audit-log actor of command-line changes.
func cliActor(pemda string) domain.Actor {
	name := "cli"
	if u, err := user.Current(); err == nil {
		name = "cli:" + u.Username
	}
	return domain.Actor{Pemda: pemda, Username: name}
}

func cmdUser(ctx context.Context, cfg config, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("%w: user add --username U --role R --password-stdin", errUsage)
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	username := fs.String("username", "", "username (lower case)")
	roleName := fs.String("role", "", "admin, disnaker, bpjs or pimpinan")
	fullName := fs.String("name", "", "full name")
	pemda := fs.String("pemda", domain.DefaultPemda, "Pemda code")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	role, err := domain.ParseRole(*roleName)
	if err != nil || *username == "" || !*fromStdin {
		return fmt.Errorf("%w: user add needs --username, a valid --role (admin, disnaker, bpjs, pimpinan) and --password-stdin", errUsage)
	}
	pw, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	pw = strings.TrimRight(pw, "\r\n")
	if msg := password.Check(pw, *username); msg != "" {
		return fmt.Errorf("%w: password refused: %s", errUsage, msg)
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.CreateUser(ctx, cliActor(*pemda), domain.User{
		Pemda: *pemda, Username: strings.ToLower(*username), FullName: *fullName, Role: role, Active: true,
	}, hash)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s added with role %s\n", u.Username, u.Role)
	return nil
}

func cmdToken(ctx context.Context, cfg config, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("%w: token create --username U", errUsage)
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
	u, _, err := db.UserByUsername(ctx, strings.ToLower(*username))
	if err != nil {
		return fmt.Errorf("user %q: %w", *username, err)
	}
	token, err := db.CreateAPIToken(ctx, cliActor(u.Pemda), u, *name)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}
