// Package registrytest registers a small, known set of workers for the
// tests of the registry and of the features whose records name workers.
package registrytest

import (
	"context"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/domain/domaintest"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/registry"
)

// The fixture: four workers in three kelurahan.
const (
	NIKSiti  = "3672045707900012" // kader, Kepuh (Ciwandan), active since 2024
	NIKAhmad = "3672031203850004" // nelayan, Lebakgede (Pulomerak), a closed spell then an open one
	NIKBudi  = "3672010505850002" // nelayan, Kepuh, died in May 2024
	NIKDewi  = "3672014101900001" // linmas, Grogol (Gerogol), one month in 2024
)

const (
	KelKepuh     = "36.72.04.1005"
	KelLebakgede = "36.72.03.1002"
	KelGrogol    = "36.72.06.1002"
)

// Spell is a spell from start to end (open when end is "").
func Spell(start, end string, status domain.EnrollmentStatus) registry.Enrollment {
	e := registry.Enrollment{Start: domaintest.Date(start), Status: status}
	if end != "" {
		e.End = domaintest.DatePtr(end)
	}
	return e
}

// Load registers the fixture in a fresh database and returns the workers by NIK.
func Load(t *testing.T, db *database.DB) map[string]registry.Worker {
	t.Helper()
	ws := []registry.Worker{
		{NIK: NIKSiti, Name: "Siti Aminah", CategoryCode: "kader", KelurahanCode: KelKepuh, KPJ: "23012345678",
			Income: domain.DefaultIncome, Sex: domain.SexFemale, Enrollments: []registry.Enrollment{Spell("2024-01-01", "", domain.StatusActive)}},
		{NIK: NIKAhmad, Name: "Ahmad Fauzi", CategoryCode: "nelayan", KelurahanCode: KelLebakgede, Income: domain.DefaultIncome,
			Enrollments: []registry.Enrollment{Spell("2023-01-01", "2023-12-31", domain.StatusInactive), Spell("2024-03-01", "", domain.StatusActive)}},
		{NIK: NIKBudi, Name: "Budi Santoso", CategoryCode: "nelayan", KelurahanCode: KelKepuh, Income: domain.DefaultIncome,
			Enrollments: []registry.Enrollment{Spell("2024-01-01", "2024-05-03", domain.StatusDeceased)}},
		{NIK: NIKDewi, Name: "Dewi Lestari", CategoryCode: "linmas", KelurahanCode: KelGrogol, Income: domain.DefaultIncome,
			Enrollments: []registry.Enrollment{Spell("2024-06-01", "2024-06-30", domain.StatusInactive)}},
	}
	out := map[string]registry.Worker{}
	for _, w := range ws {
		got, err := registry.NewService(db).CreateWorker(context.Background(), domaintest.Actor, w)
		if err != nil {
			t.Fatalf("create %s: %v", w.Name, err)
		}
		out[string(w.NIK)] = got
	}
	return out
}

// AuditRow is one audit entry as the tests read it.
type AuditRow struct {
	Action, Entity, EntityID string
	Old, New                 map[string]any
}

// AuditRows returns the audit entries of the registry's entities, oldest first.
func AuditRows(t *testing.T, db *database.DB) []AuditRow {
	t.Helper()
	rows, err := db.Pool().Query(context.Background(), `SELECT action, entity, entity_id, old_values, new_values FROM audit_log
		WHERE entity IN ('worker', 'enrollment', 'contribution', 'claim') ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		var a AuditRow
		if err := rows.Scan(&a.Action, &a.Entity, &a.EntityID, &a.Old, &a.New); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}
