package pgdev

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckReachNamesThePrivateAncestor(t *testing.T) {
	parent := filepath.Dir(filepath.Dir(dataDir(t))) // world-searchable, unlike t.TempDir's parent
	private := filepath.Join(parent, "private")
	if err := os.Mkdir(private, 0o700); err != nil {
		t.Fatal(err)
	}
	// A user who owns nothing here and belongs to no group that does.
	stranger := &sysUser{name: "stranger", uid: 1 << 30, gids: []int{1 << 30}}

	err := stranger.checkReach(filepath.Join(private, "pg"))
	if err == nil || !strings.Contains(err.Error(), private+" has mode") {
		t.Errorf("checkReach under a 0700 directory: err = %v, want it to name %s", err, private)
	}
	if err := os.Chmod(private, 0o701); err != nil {
		t.Fatal(err)
	}
	if err := stranger.checkReach(filepath.Join(private, "pg")); err != nil {
		t.Errorf("checkReach under a 0701 directory: %v", err)
	}
	var nobody *sysUser // the current user, not root
	if err := nobody.checkReach(filepath.Join(private, "pg")); err != nil {
		t.Errorf("checkReach for the current user: %v", err)
	}
}

func TestStartWithoutProgramsFails(t *testing.T) {
	_, err := Start(t.Context(), Options{BinDir: t.TempDir()})
	if !errors.Is(err, ErrNoBinaries) {
		t.Errorf("Start with an empty BinDir directory: err = %v, want ErrNoBinaries", err)
	}
}
