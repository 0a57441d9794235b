package registry

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// WorkerRow is a worker with one coverage spell: a row of a workers file,
// and of its export. The worker's Enrollments are left empty; Spell is the
// row's spell.
type WorkerRow struct {
	Worker Worker
	Spell  Enrollment
}

// The example NIKs are valid: a woman born 17-07-1990 (day 17 + 40 = 57) and
// a man born 12-03-1985, both first registered in Kota Cilegon.
const (
	exampleNIKWoman = "3672045707900012"
	exampleNIKMan   = "3672031203850004"
)

// The column groups of a workers row: the worker's key, the worker's
// details, and the spell's key and details.
const (
	groupKey      = "key"
	groupWorker   = "worker"
	groupSpellKey = "spell_key"
	groupSpell    = "spell"
)

// Workers is the table of workers files (peserta): a worker with one
// coverage spell per row. It declares every column once: the import, the
// forms, the exports and the template all follow it.
var Workers = &sheet.Table[WorkerRow]{
	Kind: "workers", Label: "Peserta", Template: "peserta", Aliases: []string{"worker", "peserta"},
	Columns: []sheet.Column[WorkerRow]{
		{Spec: sheet.Spec{Name: "nik",
			Label: "NIK", Input: "text", InputMode: "numeric", Hint: "16 digit, sesuai KTP.",
			Required: true, Type: sheet.ID, DB: "nik", SQL: "text", Group: groupKey, Masked: true,
			Help:     "Nomor Induk Kependudukan, 16 digit. Format kolom sebagai Teks agar digit terakhir tidak hilang.",
			Examples: [2]string{exampleNIKWoman, exampleNIKMan}, Aliases: []string{"no nik", "nomor nik", "nik ktp", "no ktp", "nomor induk kependudukan"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.NIK, _ = c.NIK() },
			Get:   func(r *WorkerRow) any { return r.Worker.NIK }},
		{Spec: sheet.Spec{Name: "nama",
			Label: "Nama lengkap", Input: "text", Hint: "Sesuai KTP.",
			Required: true, Type: sheet.Text, DB: "name", SQL: "text", Group: groupWorker,
			Help:     "Nama lengkap sesuai KTP.",
			Examples: [2]string{"Siti Aminah", "Ahmad Fauzi"}, Aliases: []string{"nama lengkap", "nama peserta", "nama tenaga kerja"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.Name = c.RequiredName("nama") },
			Get:   func(r *WorkerRow) any { return r.Worker.Name }},
		{Spec: sheet.Spec{Name: "tanggal_lahir",
			Label: "Tanggal lahir", Input: "date", Hint: "Harus cocok dengan NIK.",
			Type: sheet.Date, DB: "birth_date", SQL: "date", Null: true, Group: groupWorker,
			Help:     "Tanggal lahir, misalnya 17/07/1990; harus cocok dengan NIK.",
			Examples: [2]string{"17/07/1990", "12/03/1985"}, Aliases: []string{"tgl lahir"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.BirthDate, _ = c.Date() },
			Get:   func(r *WorkerRow) any { return r.Worker.BirthDate }},
		{Spec: sheet.Spec{Name: "jenis_kelamin",
			Label: "Jenis kelamin", Input: "select", Hint: "Harus cocok dengan NIK (tanggal lahir perempuan ditambah 40).", Options: []sheet.Option{{Value: "", Label: "Tidak diisi"}, {Value: "L", Label: "Laki-laki"}, {Value: "P", Label: "Perempuan"}},
			Type: sheet.Text, DB: "sex", SQL: "text", Null: true, Group: groupWorker,
			Help:     "L (laki-laki) atau P (perempuan); harus cocok dengan NIK (tanggal lahir perempuan pada NIK ditambah 40).",
			Examples: [2]string{"P", "L"}, Aliases: []string{"jk", "l/p", "kelamin", "jenis kelamin (l/p)"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.Sex, _ = sheet.Parse(c, "", optionalSex) },
			Get:   func(r *WorkerRow) any { return string(r.Worker.Sex) }},
		{Spec: sheet.Spec{Name: "kategori",
			Label: "Kategori pekerja", Input: "select", Hint: "-", Lookup: "kategori",
			Required: true, Type: sheet.Text, DB: "category_code", SQL: "text", Group: groupWorker,
			Help:     "Kode atau nama kategori pekerja, misalnya rt_rw atau Ketua RT/RW.",
			Examples: [2]string{"kader", "Ketua RT/RW"}, Aliases: []string{"kategori pekerja", "segmen", "segmen pekerja", "kode kategori"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.CategoryCode = c.Category() },
			Get:   func(r *WorkerRow) any { return r.Worker.CategoryCode }},
		{Spec: sheet.Spec{Name: "kelurahan",
			Label: "Kelurahan", Input: "select", Hint: "Tempat tinggal, bukan tempat NIK diterbitkan.", Lookup: "kelurahan",
			Required: true, Type: sheet.Text, DB: "kelurahan_code", SQL: "text", Group: groupWorker,
			Help:     "Nama kelurahan tempat tinggal (ejaan lain seperti Lebak Gede diterima) atau kode Kemendagri seperti 36.72.04.1005.",
			Examples: [2]string{"Kepuh", "Lebak Gede"}, Aliases: []string{"desa/kelurahan", "kelurahan/desa", "desa", "kode kelurahan"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.KelurahanCode = c.Kelurahan() },
			Get:   func(r *WorkerRow) any { return r.Worker.KelurahanCode }},
		{Spec: sheet.Spec{Name: "no_kpj",
			Label: "No. KPJ", Input: "text", InputMode: "numeric", Hint: "Nomor kartu BPJS Ketenagakerjaan, 8–16 digit.",
			Type: sheet.ID, DB: "kpj", SQL: "text", Null: true, Group: groupWorker,
			Help:     "Nomor kartu BPJS Ketenagakerjaan (KPJ), 8–16 digit. Format kolom sebagai Teks agar angka 0 di depan tidak hilang.",
			Examples: [2]string{"23012345678", "09876543210"}, Aliases: []string{"kpj", "nomor kpj", "no kartu", "nomor kartu"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.KPJ = c.KPJ() },
			Get:   func(r *WorkerRow) any { return r.Worker.KPJ }},
		{Spec: sheet.Spec{Name: "tanggal_mulai",
			Label: "Tanggal mulai", Input: "date", Hint: "-",
			Required: true, Type: sheet.Date, DB: "start_date", SQL: "date", Group: groupSpellKey,
			Help:     "Tanggal mulai kepesertaan.",
			Examples: [2]string{"01/01/2024", "2024-01-01"}, Aliases: []string{"tgl mulai", "mulai", "tmt", "tanggal mulai kepesertaan"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Spell.Start, _ = c.Date() },
			Get:   func(r *WorkerRow) any { return r.Spell.Start }},
		{Spec: sheet.Spec{Name: "tanggal_selesai",
			Label: "Tanggal selesai", Input: "date", Hint: "Hari itu masih dijamin. Wajib bila status nonaktif atau meninggal.",
			Type: sheet.Date, DB: "end_date", SQL: "date", Null: true, Group: groupSpell,
			Help:     "Tanggal akhir kepesertaan (hari itu masih dijamin). Kosongkan bila masih berjalan; wajib bila status nonaktif atau meninggal.",
			Examples: [2]string{"", "03/05/2024"}, Aliases: []string{"tgl selesai", "selesai", "tanggal akhir", "tgl akhir", "tanggal berakhir"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) {
				if end, _ := c.Date(); !end.IsZero() {
					r.Spell.End = &end
				}
			},
			Get: func(r *WorkerRow) any { return r.Spell.End }},
		{Spec: sheet.Spec{Name: "status",
			Label: "Status kepesertaan", Input: "select", Hint: "-", Options: enrollmentStatusOptions(),
			Type: sheet.Text, DB: "status", SQL: "text", Group: groupSpell,
			Help:     "aktif, nonaktif atau meninggal; kosong berarti aktif.",
			Examples: [2]string{"aktif", "meninggal"}, Aliases: []string{"status kepesertaan", "status peserta"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) {
				r.Spell.Status, _ = sheet.Parse(c, "", domain.ParseEnrollmentStatus)
			},
			Get: func(r *WorkerRow) any { return string(r.Spell.Status) }},
		{Spec: sheet.Spec{Name: "penghasilan",
			Label: "Penghasilan per bulan (Rp)", Input: "text", InputMode: "numeric", Hint: "Kosong berarti Rp 1.000.000.",
			Type: sheet.Money, DB: "income", SQL: "bigint", Group: groupWorker,
			Help:     "Penghasilan yang dilaporkan per bulan, dalam rupiah; kosong berarti Rp 1.000.000.",
			Examples: [2]string{"1.000.000", ""}, Aliases: []string{"upah", "penghasilan dilaporkan", "penghasilan per bulan"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) {
				r.Worker.Income = domain.DefaultIncome
				if income, ok := c.Money(); ok {
					if income == 0 {
						c.Fail("penghasilan harus lebih dari 0; kosongkan untuk Rp 1.000.000")
					}
					r.Worker.Income = income
				}
			},
			Get: func(r *WorkerRow) any { return r.Worker.Income }},
		{Spec: sheet.Spec{Name: "alamat",
			Label: "Alamat", Input: "text", Wide: true, Hint: "-",
			Type: sheet.Text, DB: "address", SQL: "text", Group: groupWorker,
			Help:     "Alamat tempat tinggal.",
			Examples: [2]string{"Jl. Raya Anyer No. 12 RT 001/002", "Link. Lebak Gede RT 003/001"}, Aliases: []string{"alamat lengkap"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.Address = c.Name() },
			Get:   func(r *WorkerRow) any { return r.Worker.Address }},
		{Spec: sheet.Spec{Name: "no_hp",
			Label: "No. HP", Input: "text", InputMode: "tel", Hint: "Boleh diawali +62.",
			Type: sheet.Text, DB: "phone", SQL: "text", Group: groupWorker,
			Help:     "Nomor HP, boleh diawali +62; spasi dan tanda hubung diabaikan.",
			Examples: [2]string{"081234567890", "0857 1234 5678"}, Aliases: []string{"hp", "nomor hp", "no telp", "telepon", "no wa", "nomor telepon"}},
			Parse: func(c *sheet.Cell, r *WorkerRow) { r.Worker.Phone = c.Phone() },
			Get:   func(r *WorkerRow) any { return r.Worker.Phone }},
	},
	Check: checkWorkerRow,
}

// checkWorkerRow checks a row across its columns: the birth date and sex
// against what the NIK encodes (women have 40 added to the day), and the
// spell's end against its start and status.
func checkWorkerRow(row *sheet.Row, r *WorkerRow) {
	w, e := &r.Worker, &r.Spell
	if w.NIK != "" && !row.Bad("nik") {
		fromNIK := w.NIK.BirthDate()
		if birth := w.BirthDate; !birth.IsZero() && (birth.Day() != fromNIK.Day() || birth.Month() != fromNIK.Month() || birth.Year()%100 != fromNIK.Year()%100) {
			row.Fail("tanggal_lahir", "tanggal lahir "+domain.FormatDate(birth)+" tidak cocok dengan NIK; menurut NIK lahir "+domain.FormatDate(fromNIK))
		}
		if w.Sex != "" && w.Sex != w.NIK.Sex() {
			why := "laki-laki (tanggal lahir pada NIK tidak ditambah 40)"
			if w.NIK.Sex() == domain.SexFemale {
				why = "perempuan (tanggal lahir pada NIK ditambah 40)"
			}
			row.Fail("jenis_kelamin", "jenis kelamin "+string(w.Sex)+" tidak cocok dengan NIK; menurut NIK "+why)
		}
	}
	row.NotBefore("tanggal_selesai", "tanggal selesai", endDay(e.End), "tanggal mulai", e.Start)
	if !row.Bad("tanggal_selesai") && e.End == nil && (e.Status == domain.StatusInactive || e.Status == domain.StatusDeceased) {
		row.Fail("tanggal_selesai", "wajib diisi bila status "+string(e.Status))
	}
}

// endDay is the last day of a spell, the zero time while it runs.
func endDay(end *time.Time) time.Time {
	if end == nil {
		return time.Time{}
	}
	return *end
}

// optionalSex reads jenis kelamin, which may be left empty.
func optionalSex(s string) (domain.Sex, error) {
	if s == "" {
		return "", nil
	}
	return domain.ParseSex(s)
}

// enrollmentStatusOptions are the statuses of a spell, for a form's select.
func enrollmentStatusOptions() []sheet.Option {
	var opts []sheet.Option
	for _, s := range domain.EnrollmentStatuses {
		opts = append(opts, sheet.Option{Value: string(s), Label: s.Label()})
	}
	return opts
}
