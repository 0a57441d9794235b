package registry_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/registry/registrytest"
)

// The fixture's names, as the tests read them.
const (
	nikSiti      = registrytest.NIKSiti
	nikAhmad     = registrytest.NIKAhmad
	nikBudi      = registrytest.NIKBudi
	nikDewi      = registrytest.NIKDewi
	kelKepuh     = registrytest.KelKepuh
	kelLebakgede = registrytest.KelLebakgede
	kelGrogol    = registrytest.KelGrogol
)

var loadRegistry = registrytest.Load

func spell(start, end string, status domain.EnrollmentStatus) registry.Enrollment {
	return registrytest.Spell(start, end, status)
}

// names lists the workers of a page by name.
func names(items []registry.WorkerListItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Name)
	}
	return out
}

func TestWorkerListFiltersSortsAndPages(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	loadRegistry(t, db)
	tests := []struct {
		name string
		f    registry.WorkerFilter
		want []string
	}{
		{"all by name", registry.WorkerFilter{}, []string{"Ahmad Fauzi", "Budi Santoso", "Dewi Lestari", "Siti Aminah"}},
		{"name part, any case", registry.WorkerFilter{Text: "AMINAH"}, []string{"Siti Aminah"}},
		{"percent matches itself", registry.WorkerFilter{Text: "%"}, nil},
		{"NIK part", registry.WorkerFilter{Text: "0457 07"}, []string{"Siti Aminah"}},
		{"KPJ part", registry.WorkerFilter{Text: "2301234"}, []string{"Siti Aminah"}},
		{"NIK part when only full NIKs match", registry.WorkerFilter{Text: "045707", NIKInFullOnly: true}, nil},
		{"full NIK when only full NIKs match", registry.WorkerFilter{Text: nikSiti, NIKInFullOnly: true}, []string{"Siti Aminah"}},
		{"category", registry.WorkerFilter{Category: "nelayan"}, []string{"Ahmad Fauzi", "Budi Santoso"}},
		{"kelurahan", registry.WorkerFilter{Kelurahan: kelKepuh}, []string{"Budi Santoso", "Siti Aminah"}},
		{"kecamatan", registry.WorkerFilter{Kecamatan: "36.72.03"}, []string{"Ahmad Fauzi"}},
		{"latest spell active", registry.WorkerFilter{Status: domain.StatusActive}, []string{"Ahmad Fauzi", "Siti Aminah"}},
		{"latest spell inactive (not an earlier one)", registry.WorkerFilter{Status: domain.StatusInactive}, []string{"Dewi Lestari"}},
		{"latest spell deceased", registry.WorkerFilter{Status: domain.StatusDeceased}, []string{"Budi Santoso"}},
		{"active on a day in 2023", registry.WorkerFilter{ActiveOn: date("2023-06-01")}, []string{"Ahmad Fauzi"}},
		{"active on a spell's last day", registry.WorkerFilter{ActiveOn: date("2024-05-03")}, []string{"Ahmad Fauzi", "Budi Santoso", "Siti Aminah"}},
		{"active in June 2024", registry.WorkerFilter{ActiveOn: date("2024-06-15")}, []string{"Ahmad Fauzi", "Dewi Lestari", "Siti Aminah"}},
		{"filters combine", registry.WorkerFilter{Category: "nelayan", Status: domain.StatusActive}, []string{"Ahmad Fauzi"}},
		{"name descending", registry.WorkerFilter{Desc: true}, []string{"Siti Aminah", "Dewi Lestari", "Budi Santoso", "Ahmad Fauzi"}},
		{"by NIK", registry.WorkerFilter{Sort: "nik"}, []string{"Budi Santoso", "Dewi Lestari", "Ahmad Fauzi", "Siti Aminah"}},
		{"by latest start is by name", registry.WorkerFilter{Sort: "start"}, []string{"Ahmad Fauzi", "Budi Santoso", "Dewi Lestari", "Siti Aminah"}},
		{"by kelurahan name", registry.WorkerFilter{Sort: "kelurahan"}, []string{"Dewi Lestari", "Siti Aminah", "Budi Santoso", "Ahmad Fauzi"}},
		{"unknown sort is by name", registry.WorkerFilter{Sort: "nik; DROP TABLE worker"}, []string{"Ahmad Fauzi", "Budi Santoso", "Dewi Lestari", "Siti Aminah"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, total, err := registry.NewService(db).Workers(ctx, "3672", tt.f, 0, 50)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(items); !slices.Equal(got, tt.want) || total != int64(len(tt.want)) {
				t.Errorf("got %q (total %d), want %q", got, total, tt.want)
			}
		})
	}

	items, total, err := registry.NewService(db).Workers(ctx, "3672", registry.WorkerFilter{}, 2, 2)
	if err != nil || total != 4 || !slices.Equal(names(items), []string{"Dewi Lestari", "Siti Aminah"}) {
		t.Errorf("second page of two: %q, total %d, %v", names(items), total, err)
	}
	ahmad := items[0]
	if items, _, _ = registry.NewService(db).Workers(ctx, "3672", registry.WorkerFilter{Text: "ahmad"}, 0, 50); len(items) == 1 {
		ahmad = items[0]
	}
	if ahmad.Status != domain.StatusActive || !ahmad.Start.Equal(date("2024-03-01")) || ahmad.End != nil ||
		ahmad.KelurahanName != "Lebakgede" || ahmad.KecamatanName != "Pulomerak" || ahmad.CategoryName != "Nelayan" {
		t.Errorf("list item of Ahmad: %+v", ahmad)
	}
	if _, total, _ := registry.NewService(db).Workers(ctx, "9999", registry.WorkerFilter{}, 0, 50); total != 0 {
		t.Errorf("another Pemda sees %d workers", total)
	}
}

func TestEachWorkerSpellStreamsOneRowPerSpell(t *testing.T) {
	db := pgdev.New(t)
	loadRegistry(t, db)
	var rows []string
	err := registry.NewService(db).EachWorkerSpell(context.Background(), "3672", registry.WorkerFilter{Category: "nelayan"}, func(w registry.Worker, e registry.Enrollment) error {
		rows = append(rows, w.Name+" "+e.Start.Format("2006-01")+" "+string(e.Status))
		return nil
	})
	want := []string{"Ahmad Fauzi 2023-01 nonaktif", "Ahmad Fauzi 2024-03 aktif", "Budi Santoso 2024-01 meninggal"}
	if err != nil || !slices.Equal(rows, want) {
		t.Errorf("rows %q, %v; want %q", rows, err, want)
	}
}

func TestWorkerChangesAreAudited(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	ws := loadRegistry(t, db)
	siti := ws[nikSiti]
	a := registrytest.AuditRows(t, db)
	if len(a) != 9 || a[0].Action != "create" || a[0].Entity != "worker" || a[0].Old != nil || a[0].New["nik"] != nikSiti ||
		a[1].Entity != "enrollment" || a[1].New["worker_id"] != float64(siti.ID) || a[1].New["start_date"] != "2024-01-01" {
		t.Fatalf("audit after creating four workers with five spells: %+v", a)
	}

	dup := ws[nikAhmad]
	dup.ID, dup.Name = 0, "Orang Lain"
	if f, msg := domaintest.ConflictField(t, domaintest.ErrOf(registry.NewService(db).CreateWorker(ctx, testActor, dup))); f != "nik" || !strings.Contains(msg, "sudah terdaftar") {
		t.Errorf("duplicate NIK: %s: %s", f, msg)
	}
	siti.Name, siti.CategoryCode = "Siti Aminah Rahayu", "umkm"
	if _, err := registry.NewService(db).UpdateWorker(ctx, testActor, siti); err != nil {
		t.Fatal(err)
	}
	if _, err := registry.NewService(db).UpdateWorker(ctx, testActor, siti); err != nil { // unchanged: no audit entry
		t.Fatal(err)
	}
	a = registrytest.AuditRows(t, db)
	last := a[len(a)-1]
	if len(a) != 10 || last.Action != "update" || last.Entity != "worker" || last.Old["name"] != "Siti Aminah" ||
		last.New["name"] != "Siti Aminah Rahayu" || last.Old["category_code"] != "kader" || last.New["category_code"] != "umkm" {
		t.Fatalf("audit of the update: %d rows, last %+v", len(a), last)
	}
	var spellCategory string
	if err := db.Pool().QueryRow(ctx, `SELECT category_code FROM enrollment WHERE worker_id = $1`, siti.ID).Scan(&spellCategory); err != nil || spellCategory != "umkm" {
		t.Errorf("the spell's category is %q (%v); the new category must carry over", spellCategory, err)
	}
	other := siti
	other.NIK = nikBudi
	if f, _ := domaintest.ConflictField(t, domaintest.ErrOf(registry.NewService(db).UpdateWorker(ctx, testActor, other))); f != "nik" {
		t.Errorf("taking another worker's NIK: field %q", f)
	}
	if _, err := registry.NewService(db).UpdateWorker(ctx, testActor, registry.Worker{ID: 999999, NIK: nikDewi, Name: "X", CategoryCode: "kader", KelurahanCode: kelKepuh}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("update of an unknown worker: %v", err)
	}
}

func TestSpellsRefuseOverlapsAndKeepOne(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	ws := loadRegistry(t, db)
	ahmad, err := registry.NewService(db).Worker(ctx, "3672", ws[nikAhmad].ID) // spells newest first
	if err != nil {
		t.Fatal(err)
	}
	_, err = registry.NewService(db).CreateEnrollment(ctx, testActor, ahmad.ID, spell("2023-06-01", "2024-02-29", domain.StatusInactive))
	f, msg := domaintest.ConflictField(t, err)
	if want := "kepesertaan mulai 01/06/2023 bertumpang tindih dengan kepesertaan yang sudah tercatat (01/01/2023–31/12/2023)"; f != "tanggal_mulai" || msg != want {
		t.Errorf("overlap: %s: %q, want %q", f, msg, want)
	}
	if _, err := registry.NewService(db).CreateEnrollment(ctx, testActor, 999999, spell("2020-01-01", "", domain.StatusActive)); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("spell of an unknown worker: %v", err)
	}

	open := ahmad.Enrollments[0]
	open.End, open.Status = datePtr("2024-08-31"), domain.StatusInactive
	if _, err := registry.NewService(db).UpdateEnrollment(ctx, testActor, open); err != nil {
		t.Fatal(err)
	}
	a := registrytest.AuditRows(t, db)
	if last := a[len(a)-1]; last.Action != "update" || last.Entity != "enrollment" || last.Old["end_date"] != nil ||
		last.New["end_date"] != "2024-08-31" || last.New["status"] != "nonaktif" {
		t.Errorf("audit of ending a spell: %+v", last)
	}
	moved := open
	moved.Start = date("2023-12-01")
	if f, _ := domaintest.ConflictField(t, domaintest.ErrOf(registry.NewService(db).UpdateEnrollment(ctx, testActor, moved))); f != "tanggal_mulai" {
		t.Errorf("moving a spell onto another: field %q", f)
	}

	budi := ws[nikBudi]
	if f, msg := domaintest.ConflictField(t, domaintest.ErrOf(registry.NewService(db).DeleteEnrollment(ctx, testActor, budi.Enrollments[0].ID))); f != "" || !strings.Contains(msg, "satu-satunya") {
		t.Errorf("deleting the only spell: %q %q", f, msg)
	}
	workerID, err := registry.NewService(db).DeleteEnrollment(ctx, testActor, ahmad.Enrollments[1].ID)
	if err != nil || workerID != ahmad.ID {
		t.Fatalf("delete a spell: worker %d, %v", workerID, err)
	}
	got, err := registry.NewService(db).Worker(ctx, "3672", ahmad.ID)
	if err != nil || len(got.Enrollments) != 1 || !got.Enrollments[0].Start.Equal(date("2024-03-01")) {
		t.Errorf("after deleting the 2023 spell: %+v, %v", got.Enrollments, err)
	}
	history, err := registry.NewService(db).History(ctx, "3672", "worker", ahmad.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for _, h := range history {
		seen = append(seen, h.Action+" "+h.Entity)
	}
	// Newest first, including the spell that no longer exists.
	want := []string{"delete enrollment", "update enrollment", "create enrollment", "create enrollment", "create worker"}
	if !slices.Equal(seen, want) || history[0].OldValues["start_date"] != "2023-01-01" {
		t.Errorf("history %q, want %q; first %+v", seen, want, history[0])
	}
}

func TestDeleteWorkerRefusedWhileTheyHaveClaims(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	ws := loadRegistry(t, db)
	budi := ws[nikBudi]
	claim, err := claims.NewService(db).CreateClaim(ctx, testActor, claims.Claim{NIK: nikBudi, Type: domain.ClaimJKM, IncidentOn: date("2024-05-03"),
		PaidOn: date("2024-05-20"), Amount: 42_000_000, Status: domain.ClaimPaid})
	if err != nil {
		t.Fatal(err)
	}
	if f, msg := domaintest.ConflictField(t, registry.NewService(db).DeleteWorker(ctx, testActor, budi.ID)); f != "" || !strings.Contains(msg, "1 klaim") {
		t.Errorf("delete a worker with a claim: %q %q", f, msg)
	}
	if err := claims.NewService(db).DeleteClaim(ctx, testActor, claim.ID); err != nil {
		t.Fatal(err)
	}
	if err := registry.NewService(db).DeleteWorker(ctx, testActor, budi.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := registry.NewService(db).Worker(ctx, "3672", budi.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleted worker: %v", err)
	}
	a := registrytest.AuditRows(t, db)
	n := len(a)
	if a[n-1].Action != "delete" || a[n-1].Entity != "worker" || a[n-1].Old["name"] != "Budi Santoso" || a[n-1].New != nil ||
		a[n-2].Action != "delete" || a[n-2].Entity != "enrollment" || a[n-2].Old["status"] != "meninggal" ||
		a[n-3].Action != "delete" || a[n-3].Entity != "claim" || a[n-3].Old["amount"] != float64(42_000_000) {
		t.Errorf("audit of the deletes: %+v", a[n-3:])
	}
	if err := registry.NewService(db).DeleteWorker(ctx, testActor, budi.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("deleting again: %v", err)
	}
	if _, total, _ := registry.NewService(db).Workers(ctx, "3672", registry.WorkerFilter{ActiveOn: time.Date(2024, 1, 15, 0, 0, 0, 0, time.UTC)}, 0, 10); total != 1 {
		t.Errorf("active on 15 Jan 2024 after the delete: %d, want 1 (Siti)", total)
	}
}

// TestSpellsStayWithinTheirCategoryYears: a spell cannot start after its
// category stopped being funded, nor before it was first offered.
func TestSpellsStayWithinTheirCategoryYears(t *testing.T) {
	ctx := context.Background()
	db := pgdev.New(t)
	ws := loadRegistry(t, db)
	ahmad := ws[nikAhmad]
	var name string
	err := db.Pool().QueryRow(ctx, `UPDATE category c SET last_year = 2024 FROM worker w
		WHERE w.pemda = '3672' AND w.id = $1 AND c.pemda = w.pemda AND c.code = w.category_code RETURNING c.name`, ahmad.ID).Scan(&name)
	if err != nil {
		t.Fatal(err)
	}
	_, err = registry.NewService(db).CreateEnrollment(ctx, testActor, ahmad.ID, spell("2025-01-01", "", domain.StatusActive))
	f, msg := domaintest.ConflictField(t, err)
	if want := "kategori " + name + " hanya didanai sampai tahun 2024; kepesertaan mulai 01/01/2025 di luar tahun itu"; f != "tanggal_mulai" || msg != want {
		t.Errorf("retired category: %s: %q, want %q", f, msg, want)
	}
	if _, err := db.Pool().Exec(ctx, `UPDATE category SET first_year = 2026, last_year = NULL WHERE pemda = '3672' AND name = $1`, name); err != nil {
		t.Fatal(err)
	}
	_, err = registry.NewService(db).CreateEnrollment(ctx, testActor, ahmad.ID, spell("2025-01-01", "", domain.StatusActive))
	if _, msg := domaintest.ConflictField(t, err); !strings.Contains(msg, "baru didanai mulai tahun 2026") {
		t.Errorf("category not yet offered: %q", msg)
	}
	for _, years := range []struct {
		first, last int
		want        string
	}{{2019, 2023, "hanya didanai tahun 2019–2023"}, {2023, 2023, "hanya didanai tahun 2023"}} {
		if _, err := db.Pool().Exec(ctx, `UPDATE category SET first_year = $2, last_year = $3 WHERE pemda = '3672' AND name = $1`,
			name, years.first, years.last); err != nil {
			t.Fatal(err)
		}
		_, err = registry.NewService(db).CreateEnrollment(ctx, testActor, ahmad.ID, spell("2025-01-01", "", domain.StatusActive))
		if _, msg := domaintest.ConflictField(t, err); msg != "kategori "+name+" "+years.want+"; kepesertaan mulai 01/01/2025 di luar tahun itu" {
			t.Errorf("category funded %d–%d: %q", years.first, years.last, msg)
		}
	}
}
