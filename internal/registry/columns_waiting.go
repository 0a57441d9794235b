package registry

import (
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// WaitingList is the table of the waiting list (daftar tunggu): one
// candidate a row for a quota of a category in a kelurahan. The form and
// the export follow it.
var WaitingList = &sheet.Table[Candidate]{
	Kind: "waiting", Label: "Daftar tunggu", Template: "daftar_tunggu", Aliases: []string{"daftar_tunggu", "daftar tunggu", "calon"},
	Columns: []sheet.Column[Candidate]{
		{Spec: sheet.Spec{Name: "nik",
			Label: "NIK", Input: "text", InputMode: "numeric", Hint: "16 digit, sesuai KTP.",
			Required: true, Type: sheet.ID, DB: "nik", SQL: "text", Masked: true,
			Help:     "Nomor Induk Kependudukan calon, 16 digit. Format kolom sebagai Teks.",
			Examples: [2]string{"3672014101900001", "3672010505850002"}, Aliases: []string{"no nik", "nomor nik", "nik ktp", "no ktp"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.NIK, _ = c.NIK() },
			Get:   func(r *Candidate) any { return r.NIK }},
		{Spec: sheet.Spec{Name: "nama",
			Label: "Nama lengkap", Input: "text", Hint: "Sesuai KTP.",
			Required: true, Type: sheet.Text, DB: "name", SQL: "text", Group: groupCandidate,
			Help:     "Nama lengkap calon sesuai KTP.",
			Examples: [2]string{"Siti Aminah", "Budi Santoso"}, Aliases: []string{"nama lengkap", "nama calon"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.Name = c.RequiredName("nama") },
			Get:   func(r *Candidate) any { return r.Name }},
		{Spec: sheet.Spec{Name: "kategori",
			Label: "Kategori pekerja", Input: "select", Hint: "-", Lookup: "kategori",
			Required: true, Type: sheet.Text, DB: "category_code", SQL: "text", Group: groupCandidate,
			Help:     "Kode atau nama kategori kuota yang diusulkan, misalnya kader atau Ketua RT/RW.",
			Examples: [2]string{"kader", "Nelayan"}, Aliases: []string{"kategori pekerja", "segmen"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.CategoryCode = c.Category() },
			Get:   func(r *Candidate) any { return r.CategoryCode }},
		{Spec: sheet.Spec{Name: "kelurahan",
			Label: "Kelurahan", Input: "select", Hint: "Tempat tinggal calon.", Lookup: "kelurahan",
			Required: true, Type: sheet.Text, DB: "kelurahan_code", SQL: "text", Group: groupCandidate,
			Help:     "Nama kelurahan tempat tinggal calon (ejaan lain diterima) atau kode Kemendagri.",
			Examples: [2]string{"Kepuh", "Lebak Gede"}, Aliases: []string{"desa/kelurahan", "kelurahan/desa", "desa"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.KelurahanCode = c.Kelurahan() },
			Get:   func(r *Candidate) any { return r.KelurahanCode }},
		{Spec: sheet.Spec{Name: "prioritas",
			Label: "Prioritas", Input: "text", InputMode: "numeric", Hint: "1 didahulukan; kosong berarti 10.",
			Type: sheet.Count, DB: "priority", SQL: "integer", Group: groupCandidate,
			Help:     "Urutan prioritas 1–99: 1 didahulukan (misalnya DTSEN desil 1 = 1). Kosong berarti 10.",
			Examples: [2]string{"1", "2"}, Aliases: []string{"urutan", "peringkat"}},
			Parse: parsePriority,
			Get:   func(r *Candidate) any { return int64(r.Priority) }},
		{Spec: sheet.Spec{Name: "sumber_prioritas",
			Label: "Sumber prioritas", Input: "text", Hint: "Misalnya DTSEN desil 1.",
			Type: sheet.Text, DB: "source", SQL: "text", Group: groupCandidate,
			Help:     "Dasar prioritas, misalnya DTSEN desil 1 atau usulan kelurahan.",
			Examples: [2]string{"DTSEN desil 1", "Usulan kelurahan"}, Aliases: []string{"sumber", "dasar prioritas", "desil"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.Source = c.Text() },
			Get:   func(r *Candidate) any { return r.Source }},
		{Spec: sheet.Spec{Name: "tanggal_usulan",
			Label: "Tanggal usulan", Input: "date", Hint: "-",
			Required: true, Type: sheet.Date, DB: "proposed_on", SQL: "date", Group: groupCandidate,
			Help:     "Tanggal calon diusulkan; yang lebih dulu didahulukan pada prioritas yang sama.",
			Examples: [2]string{"02/01/2024", "15/02/2024"}, Aliases: []string{"tgl usulan", "tanggal diusulkan"}},
			Parse: func(c *sheet.Cell, r *Candidate) { r.ProposedOn, _ = c.Date() },
			Get:   func(r *Candidate) any { return r.ProposedOn }},
	},
}

// groupCandidate are the columns of a candidate besides the NIK, its key.
const groupCandidate = "candidate"

// WaitingImport is the import of waiting-list files: a row with a NIK
// already on the list updates that candidate while they still wait; a NIK
// registered as a worker is refused.
var WaitingImport = sheet.KindOf(WaitingList, "daftar tunggu", waitingChecks, waitingCounts, waitingMerge)

var waitingChecks = []string{
	`SELECT s.line, 'nik', format('NIK %s sudah terdaftar sebagai peserta; calon harus belum terdaftar', s.nik)
	 FROM stage s WHERE EXISTS (SELECT 1 FROM worker w WHERE w.pemda = $1 AND w.nik = s.nik)`,
	`SELECT s.line, 'nik', format('NIK %s sudah ada di baris %s', s.nik, s.first)
	 FROM (SELECT line, nik, min(line) OVER (PARTITION BY nik) AS first FROM stage) s WHERE s.line <> s.first`,
}

var waitingCounts = `
	SELECT count(*) FILTER (WHERE c.id IS NULL),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND (` + sheet.List(WaitingList, "c", groupCandidate) + `)
	                        IS DISTINCT FROM (` + sheet.List(WaitingList, "s", groupCandidate) + `)),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND (` + sheet.List(WaitingList, "c", groupCandidate) + `)
	                        IS NOT DISTINCT FROM (` + sheet.List(WaitingList, "s", groupCandidate) + `))
	FROM stage s LEFT JOIN waiting_candidate c ON c.pemda = $1 AND c.nik = s.nik`

var waitingMerge = []string{
	`WITH old AS (
		SELECT c.* FROM waiting_candidate c WHERE c.pemda = $1 AND c.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO waiting_candidate AS c (pemda, nik, ` + sheet.List(WaitingList, "", groupCandidate) + `)
		SELECT $1, s.nik, ` + sheet.List(WaitingList, "s", groupCandidate) + ` FROM stage s
		ON CONFLICT (pemda, nik) DO UPDATE SET ` + sheet.SetFrom(WaitingList, "EXCLUDED", groupCandidate) + `
		WHERE c.worker_id IS NULL
		  AND (` + sheet.List(WaitingList, "c", groupCandidate) + `) IS DISTINCT FROM (` + sheet.List(WaitingList, "EXCLUDED", groupCandidate) + `)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("waiting_candidate"),
}

// parsePriority reads the priority, 10 when empty.
func parsePriority(c *sheet.Cell, r *Candidate) {
	r.Priority, _ = sheet.Parse(c, "", func(s string) (int, error) {
		s = strings.TrimSpace(s)
		if s == "" {
			return 10, nil
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 99 {
			return 0, &domain.ValueError{Msg: "prioritas harus bilangan 1–99 (1 didahulukan): " + strconv.Quote(s)}
		}
		return n, nil
	})
}

// Replacements is the layout of the replacements export (who replaced
// whom, when); it is not an import.
var Replacements = &sheet.Table[Replacement]{
	Kind: "replacements", Label: "Pengganti", Template: "pengganti",
	Columns: []sheet.Column[Replacement]{
		{Spec: sheet.Spec{Name: "kategori", Type: sheet.Text, Lookup: "kategori", Help: "Kategori kuota."},
			Get: func(r *Replacement) any { return r.CategoryCode }},
		{Spec: sheet.Spec{Name: "kelurahan", Type: sheet.Text, Lookup: "kelurahan", Help: "Kelurahan kuota."},
			Get: func(r *Replacement) any { return r.KelurahanCode }},
		{Spec: sheet.Spec{Name: "nik_diganti", Type: sheet.ID, Masked: true, Help: "NIK peserta yang kepesertaannya berakhir."},
			Get: func(r *Replacement) any { return r.Freed.NIK }},
		{Spec: sheet.Spec{Name: "nama_diganti", Type: sheet.Text, Help: "Nama peserta yang diganti."},
			Get: func(r *Replacement) any { return r.Freed.Name }},
		{Spec: sheet.Spec{Name: "status_diganti", Type: sheet.Text, Help: "Mengapa kepesertaannya berakhir."},
			Get: func(r *Replacement) any { return string(r.FreedStatus) }},
		{Spec: sheet.Spec{Name: "tanggal_selesai", Type: sheet.Date, Help: "Hari terakhir kepesertaan yang diganti."},
			Get: func(r *Replacement) any { return r.FreedEnd }},
		{Spec: sheet.Spec{Name: "nik_pengganti", Type: sheet.ID, Masked: true, Help: "NIK pengganti."},
			Get: func(r *Replacement) any { return r.New.NIK }},
		{Spec: sheet.Spec{Name: "nama_pengganti", Type: sheet.Text, Help: "Nama pengganti."},
			Get: func(r *Replacement) any { return r.New.Name }},
		{Spec: sheet.Spec{Name: "tanggal_mulai", Type: sheet.Date, Help: "Hari pertama kepesertaan pengganti."},
			Get: func(r *Replacement) any { return r.NewStart }},
		{Spec: sheet.Spec{Name: "sumber_prioritas", Type: sheet.Text, Help: "Dasar prioritas pengganti."},
			Get: func(r *Replacement) any { return r.Source }},
		{Spec: sheet.Spec{Name: "dipilih_oleh", Type: sheet.Text, Help: "Pengguna yang memilih pengganti."},
			Get: func(r *Replacement) any { return r.ChosenBy }},
	},
}
