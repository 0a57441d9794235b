package app

import (
	"fmt"
	"regexp"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/web/components"
)

// historyField is one column of a registry row as its history shows it.
type historyField struct{ key, label string }

// historyFields are the columns each entity's history shows, in order. IDs
// and the category and kelurahan that spells copy from their worker are left out.
var historyFields = map[string][]historyField{
	"worker": {{"nik", "NIK"}, {"name", "Nama"}, {"birth_date", "Tanggal lahir"}, {"sex", "Jenis kelamin"},
		{"category_code", "Kategori"}, {"kelurahan_code", "Kelurahan"}, {"kpj", "No. KPJ"}, {"income", "Penghasilan"},
		{"address", "Alamat"}, {"phone", "No. HP"}},
	"enrollment": {{"start_date", "Tanggal mulai"}, {"end_date", "Tanggal selesai"}, {"status", "Status"}},
	"contribution": {{"coverage_month", "Bulan kepesertaan"}, {"paid", "Dibayar"}, {"paid_on", "Tanggal bayar"},
		{"sp2d_no", "No. SP2D"}, {"participants", "Jumlah peserta"}, {"billed", "Tagihan"}, {"note", "Keterangan"}},
	"claim": {{"claim_no", "No. klaim"}, {"type", "Jenis"}, {"status", "Status"}, {"amount", "Nominal"},
		{"incident_on", "Tanggal kejadian"}, {"submitted_on", "Tanggal pengajuan"}, {"paid_on", "Tanggal bayar"},
		{"beneficiary", "Ahli waris"}, {"category_code", "Kategori"}, {"kelurahan_code", "Kelurahan"}, {"note", "Keterangan"}},
}

// formSummary matches the summaries the registry's forms write, which
// repeat the subject ("Data peserta Siti diubah"); the import's and others'
// ("Diubah lewat impor (batch 12)", "... dihapus bersama pesertanya") say more.
var formSummary = regexp.MustCompile(` (ditambahkan|diubah|dihapus)$`)

// historyItems describes audit entries in words: what changed from what to
// what, with NIKs masked for roles that may not see them.
func historyItems(entries []audit.Entry, ref registryRef, fullNIK bool) []components.HistoryItem {
	items := make([]components.HistoryItem, 0, len(entries))
	for _, e := range entries {
		it := components.HistoryItem{At: e.At, Username: e.Username, Action: e.Action, Subject: historySubject(e), Summary: e.Summary}
		if formSummary.MatchString(e.Summary) {
			it.Summary = "" // the subject and the action's badge say it already
		}
		for _, f := range historyFields[e.Entity] {
			o := ref.auditValue(e.Entity, f.key, e.OldValues[f.key], fullNIK)
			n := ref.auditValue(e.Entity, f.key, e.NewValues[f.key], fullNIK)
			switch {
			case e.OldValues == nil && n != "":
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.label, New: n})
			case e.NewValues == nil && o != "":
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.label, Old: o})
			case e.OldValues != nil && e.NewValues != nil && o != n:
				it.Changes = append(it.Changes, components.HistoryChange{Label: f.label, Old: orNone(o), New: orNone(n)})
			}
		}
		items = append(items, it)
	}
	return items
}

func historySubject(e audit.Entry) string {
	switch e.Entity {
	case "worker":
		return "Data peserta"
	case "enrollment":
		start := e.NewValues["start_date"]
		if start == nil {
			start = e.OldValues["start_date"]
		}
		return "Kepesertaan mulai " + jsonDate(start)
	case "contribution":
		return "Pembayaran iuran"
	case "claim":
		return "Klaim"
	}
	return e.Entity
}

// auditValue shows one value of an audit entry ("" when empty) the way the
// pages show it: dates and months in Indonesian, rupiah, names for codes.
func (ref registryRef) auditValue(entity, key string, v any, fullNIK bool) string {
	if v == nil || v == "" {
		return ""
	}
	s, _ := v.(string)
	n, isNum := v.(float64)
	switch key {
	case "birth_date", "start_date", "end_date", "paid_on", "incident_on", "submitted_on":
		return jsonDate(v)
	case "coverage_month":
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return domain.MonthOf(t).Label()
		}
	case "income", "billed", "paid", "amount":
		if isNum {
			return domain.Rupiah(int64(n)).String()
		}
	case "participants":
		if isNum {
			return domain.FormatInt(int64(n))
		}
	case "nik":
		if !fullNIK {
			return domain.NIK(s).Masked()
		}
	case "sex":
		return domain.Sex(s).Label()
	case "category_code":
		return ref.categoryName(s)
	case "kelurahan_code":
		return ref.kelurahanOf(s).Name
	case "type":
		return domain.ClaimType(s).Name()
	case "status":
		if entity == "claim" {
			return domain.ClaimStatus(s).Label()
		}
		return domain.EnrollmentStatus(s).Label()
	}
	if isNum {
		return domain.FormatInt(int64(n))
	}
	return fmt.Sprint(v)
}

// jsonDate shows a day of an audit entry, "2024-07-17", as "17 Juli 2024".
func jsonDate(v any) string {
	s, _ := v.(string)
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return s
	}
	return domain.FormatDate(t)
}

func orNone(s string) string {
	if s == "" {
		return "(kosong)"
	}
	return s
}
