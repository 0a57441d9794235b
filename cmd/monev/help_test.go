package main

import (
	"strings"
	"testing"
)

// TestSubcommandHelp: every subcommand's --help (and -h) prints its usage on
// standard output and succeeds, instead of a usage error; no database is needed.
func TestSubcommandHelp(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	cases := map[string]string{
		"serve --help":        "-addr",
		"dev --help":          "monev dev",
		"demo --help":         "-workers",
		"demo -h":             "-seed",
		"migrate --help":      "monev migrate up|down|version",
		"import --help":       "-dry-run",
		"user --help":         "monev user add",
		"user add --help":     "-username",
		"token --help":        "monev token",
		"token create --help": "-username",
		"token revoke -h":     "-id",
		"aggregates --help":   "monev aggregates check|rebuild",
		"report --help":       "monev report pdf",
		"report pdf --help":   "-summary",
		"help":                "Usage:",
	}
	for args, want := range cases {
		out, errOut, err := monev(t, "", "", strings.Fields(args)...)
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("monev %s: err %v, stdout %q (stderr %q), want %q on stdout", args, err, out, errOut, want)
		}
	}
}
