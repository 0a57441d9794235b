// Package demo builds and loads the Cilegon demo: a realistic, deterministic
// programme for 2023–2024 whose cash-basis figures for January–July 2024 are
// exactly the July 2024 monev meeting's (iuran Rp 480.457.660, klaim
// Rp 790.000.000), with users for every role and that meeting's signed
// monev report.
package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/auth/password"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// Password is the password of every demo account.
const Password = "demo-cilegon-2024"

// ErrNotEmpty reports a database that already holds data.
var ErrNotEmpty = errors.New("the database already holds data; the demo loads only into an empty one")

// Users are the demo accounts, one or more per role.
var Users = []domain.User{
	{Username: "admin", FullName: "Administrator Sistem", Role: domain.RoleAdmin,
		Institution: "Dinas Tenaga Kerja Kota Cilegon", Position: "Pranata Komputer"},
	{Username: "disnaker", FullName: "Rina Marlina, S.E.", Role: domain.RoleDisnaker,
		Institution: "Dinas Tenaga Kerja Kota Cilegon", Position: "Analis Jaminan Sosial Tenaga Kerja"},
	{Username: "kadis", FullName: "Drs. H. Ahmad Suhendi, M.Si.", Role: domain.RoleDisnaker,
		Institution: "Dinas Tenaga Kerja Kota Cilegon", Position: "Kepala Dinas Tenaga Kerja Kota Cilegon",
		Rank: "Pembina Utama Muda (IV/c)", NIP: "196805121994031007", Signatory: true},
	{Username: "bpjs", FullName: "Dedi Kurniawan", Role: domain.RoleBPJS,
		Institution: "BPJS Ketenagakerjaan Cabang Cilegon", Position: "Penata Madya Kepesertaan BPU"},
	{Username: "pimpinan", FullName: "Pimpinan Daerah (akun demo)", Role: domain.RolePimpinan,
		Institution: "Pemerintah Kota Cilegon", Position: "Walikota Cilegon"},
}

// Load fills an empty database with the Cilegon demo.
func Load(ctx context.Context, db *database.DB, actor domain.Actor) error {
	has, err := HasData(ctx, db, domain.DefaultPemda)
	if err != nil {
		return err
	}
	if has {
		return ErrNotEmpty
	}
	kel, err := settings.NewService(db).Kelurahans(ctx, domain.DefaultPemda)
	if err != nil {
		return err
	}
	data, err := build(kel)
	if err != nil {
		return err
	}
	if err := LoadBulk(ctx, db, actor, data); err != nil {
		return err
	}
	if err := createUsers(ctx, db, actor, domain.DefaultPemda); err != nil {
		return err
	}
	if err := settings.NewService(db).SetReportTexts(ctx, actor, cilegonTexts); err != nil {
		return err
	}
	return loadReports(ctx, db, domain.DefaultPemda)
}

// createUsers adds the demo accounts to a Pemda.
func createUsers(ctx context.Context, db *database.DB, actor domain.Actor, pemda string) error {
	hash, err := password.Hash(Password)
	if err != nil {
		return err
	}
	accounts := auth.NewService(db)
	actor.Role = domain.RoleAdmin
	for _, u := range Users {
		u.Pemda, u.Active = pemda, true
		if _, err := accounts.CreateUserWithHash(ctx, actor, u, hash); err != nil {
			return fmt.Errorf("demo: user %s: %w", u.Username, err)
		}
	}
	return nil
}

// analysisOf is the analysis service of the demo's database.
func analysisOf(db *database.DB) *analysis.Service {
	return analysis.NewService(db, settings.NewService(db), contributions.NewService(db, settings.NewService(db)))
}

// reportsOf is the report service of the demo's database.
func reportsOf(db *database.DB) *laporan.Service {
	return laporan.NewService(db, analysisOf(db))
}
