package sheet_test

import (
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/registry"
)

// workerHeader lists every worker column in template order.
var workerHeader = []string{"nik", "nama", "tanggal_lahir", "jenis_kelamin", "kategori", "kelurahan", "no_kpj",
	"tanggal_mulai", "tanggal_selesai", "status", "penghasilan", "alamat", "no_hp"}

// workerBase is a valid worker row by column.
func workerBase() map[string]string {
	return map[string]string{
		"nik": nikWoman, "nama": "Siti Aminah", "tanggal_lahir": "17/07/1990", "jenis_kelamin": "P",
		"kategori": "kader", "kelurahan": "Kepuh", "no_kpj": "23012345678", "tanggal_mulai": "01/01/2024",
		"status": "aktif", "penghasilan": "1.000.000", "alamat": "Jl. Raya Anyer No. 12", "no_hp": "081234567890",
	}
}

// workerCSV is a semicolon CSV (so values may hold commas) with the header and
// one row: the base row with the given columns changed.
func workerCSV(changes ...string) []byte { return oneRowCSV(workerHeader, workerBase(), changes) }

// oneRowCSV is a semicolon CSV with header and one row: base with changes
// (column, value, column, value ...) applied.
func oneRowCSV(header []string, base map[string]string, changes []string) []byte {
	for i := 0; i+1 < len(changes); i += 2 {
		base[changes[i]] = changes[i+1]
	}
	row := make([]string, len(header))
	for i, h := range header {
		row[i] = base[h]
	}
	return csvFile(strings.Join(header, ";"), strings.Join(row, ";"))
}

func TestWorkerValuesAccepted(t *testing.T) {
	tests := []accepted[registry.Worker]{
		{"nik with spaces", []string{"nik", " 3672 0457 0790 0012 "}, func(x registry.Worker) bool { return x.NIK == nikWoman }},
		{"nik after an apostrophe", []string{"nik", "'" + nikWoman}, func(x registry.Worker) bool { return x.NIK == nikWoman }},
		{"name with stray spaces", []string{"nama", "  Siti \t Aminah  "}, func(x registry.Worker) bool { return x.Name == "Siti Aminah" }},
		{"birth date ISO", []string{"tanggal_lahir", "1990-07-17"}, func(x registry.Worker) bool { return x.BirthDate.Equal(day(1990, 7, 17)) }},
		{"birth date with slashes", []string{"tanggal_lahir", "17/07/1990"}, func(x registry.Worker) bool { return x.BirthDate.Equal(day(1990, 7, 17)) }},
		{"birth date with dashes", []string{"tanggal_lahir", "17-07-1990"}, func(x registry.Worker) bool { return x.BirthDate.Equal(day(1990, 7, 17)) }},
		{"birth date month name", []string{"tanggal_lahir", "17 Juli 1990"}, func(x registry.Worker) bool { return x.BirthDate.Equal(day(1990, 7, 17)) }},
		{"birth date short month", []string{"tanggal_lahir", "17 Jul 1990"}, func(x registry.Worker) bool { return x.BirthDate.Equal(day(1990, 7, 17)) }},
		{"no birth date", []string{"tanggal_lahir", ""}, func(x registry.Worker) bool { return x.BirthDate.IsZero() }},
		{"sex lower case", []string{"jenis_kelamin", "p"}, func(x registry.Worker) bool { return x.Sex == domain.SexFemale }},
		{"sex in words", []string{"jenis_kelamin", "Perempuan"}, func(x registry.Worker) bool { return x.Sex == domain.SexFemale }},
		{"no sex", []string{"jenis_kelamin", ""}, func(x registry.Worker) bool { return x.Sex == "" }},
		{"category code any case", []string{"kategori", "KADER"}, func(x registry.Worker) bool { return x.CategoryCode == "kader" }},
		{"category by name", []string{"kategori", "Ketua RT/RW"}, func(x registry.Worker) bool { return x.CategoryCode == "rt_rw" }},
		{"category code with underscore", []string{"kategori", "rt_rw"}, func(x registry.Worker) bool { return x.CategoryCode == "rt_rw" }},
		{"category name in other case", []string{"kategori", "marbot masjid"}, func(x registry.Worker) bool { return x.CategoryCode == "marbot" }},
		{"kelurahan by name", []string{"kelurahan", "kepuh"}, func(x registry.Worker) bool { return x.KelurahanCode == "36.72.04.1005" }},
		{"kelurahan by alias", []string{"kelurahan", "Lebak Gede"}, func(x registry.Worker) bool { return x.KelurahanCode == "36.72.03.1002" }},
		{"kelurahan alias Gerogol", []string{"kelurahan", "Gerogol"}, func(x registry.Worker) bool { return x.KelurahanCode == "36.72.06.1002" }},
		{"kelurahan by code", []string{"kelurahan", "36.72.04.1005"}, func(x registry.Worker) bool { return x.KelurahanCode == "36.72.04.1005" }},
		{"kpj leading zero kept", []string{"no_kpj", "09876543210"}, func(x registry.Worker) bool { return x.KPJ == "09876543210" }},
		{"kpj after an apostrophe", []string{"no_kpj", "'0987654321"}, func(x registry.Worker) bool { return x.KPJ == "0987654321" }},
		{"no kpj", []string{"no_kpj", ""}, func(x registry.Worker) bool { return x.KPJ == "" }},
		{"start ISO", []string{"tanggal_mulai", "2024-02-01"}, func(x registry.Worker) bool { return x.Enrollments[0].Start.Equal(day(2024, 2, 1)) }},
		{"open spell", []string{"tanggal_selesai", ""}, func(x registry.Worker) bool { return x.Enrollments[0].End == nil }},
		{"closed spell", []string{"tanggal_selesai", "31 Desember 2024"}, func(x registry.Worker) bool { return x.Enrollments[0].End.Equal(day(2024, 12, 31)) }},
		{"end on start day", []string{"tanggal_selesai", "01/01/2024"}, func(x registry.Worker) bool { return x.Enrollments[0].End.Equal(day(2024, 1, 1)) }},
		{"status default", []string{"status", ""}, func(x registry.Worker) bool { return x.Enrollments[0].Status == domain.StatusActive }},
		{"status nonaktif with end", []string{"status", "Non Aktif", "tanggal_selesai", "30/06/2024"},
			func(x registry.Worker) bool { return x.Enrollments[0].Status == domain.StatusInactive }},
		{"status meninggal with end", []string{"status", "meninggal dunia", "tanggal_selesai", "30/06/2024"},
			func(x registry.Worker) bool { return x.Enrollments[0].Status == domain.StatusDeceased }},
		{"income default", []string{"penghasilan", ""}, func(x registry.Worker) bool { return x.Income == domain.DefaultIncome }},
		{"income plain", []string{"penghasilan", "1500000"}, func(x registry.Worker) bool { return x.Income == 1_500_000 }},
		{"income grouped", []string{"penghasilan", "1.500.000"}, func(x registry.Worker) bool { return x.Income == 1_500_000 }},
		{"income with Rp", []string{"penghasilan", "Rp 1.500.000"}, func(x registry.Worker) bool { return x.Income == 1_500_000 }},
		{"income with zero cents", []string{"penghasilan", "1.500.000,00"}, func(x registry.Worker) bool { return x.Income == 1_500_000 }},
		{"address folded", []string{"alamat", " Jl.  Mawar   No. 1 "}, func(x registry.Worker) bool { return x.Address == "Jl. Mawar No. 1" }},
		{"guarded text loses its quote", []string{"alamat", "'=Jl. Mawar"}, func(x registry.Worker) bool { return x.Address == "=Jl. Mawar" }},
		{"phone with dashes", []string{"no_hp", "0812-3456-7890"}, func(x registry.Worker) bool { return x.Phone == "081234567890" }},
		{"phone international", []string{"no_hp", "+62 812 3456 7890"}, func(x registry.Worker) bool { return x.Phone == "+6281234567890" }},
		{"phone guarded", []string{"no_hp", "'+6281234567890"}, func(x registry.Worker) bool { return x.Phone == "+6281234567890" }},
		{"no phone", []string{"no_hp", ""}, func(x registry.Worker) bool { return x.Phone == "" }},
	}
	testAccepted(t, kinds.Workers, workerCSV, tests)
}

func TestWorkerValuesRejected(t *testing.T) {
	tests := []rejected{
		{"nik too short", []string{"nik", "123"}, "nik", "NIK harus 16 digit angka"},
		{"nik as an Excel number", []string{"nik", "3.67205E+15"}, "nik", "format kolom nik sebagai Teks"},
		{"nik missing", []string{"nik", ""}, "nik", "NIK belum diisi"},
		{"nik serial 0000", []string{"nik", "3672045707900000"}, "nik", "0000"},
		{"name missing", []string{"nama", "  "}, "nama", "nama belum diisi"},
		{"birth date impossible", []string{"tanggal_lahir", "31/02/1990"}, "tanggal_lahir", "hanya punya 28 hari"},
		{"birth date two-digit year", []string{"tanggal_lahir", "17/07/90"}, "tanggal_lahir", "4 digit"},
		{"birth date not a date", []string{"tanggal_lahir", "kemarin"}, "tanggal_lahir", "tanggal tidak valid"},
		{"birth date against NIK", []string{"tanggal_lahir", "18/07/1990"}, "tanggal_lahir",
			"tanggal lahir 18 Juli 1990 tidak cocok dengan NIK; menurut NIK lahir 17 Juli 1990"},
		{"sex unknown", []string{"jenis_kelamin", "X"}, "jenis_kelamin", "jenis kelamin tidak valid"},
		{"sex against a woman's NIK", []string{"jenis_kelamin", "L"}, "jenis_kelamin", "menurut NIK perempuan (tanggal lahir pada NIK ditambah 40)"},
		{"sex against a man's NIK", []string{"nik", nikMan, "tanggal_lahir", "12/03/1985", "jenis_kelamin", "Perempuan"},
			"jenis_kelamin", "menurut NIK laki-laki"},
		{"category missing", []string{"kategori", ""}, "kategori", "kategori belum diisi"},
		{"category unknown", []string{"kategori", "Ojol"}, "kategori", `kategori tidak dikenal: "Ojol"`},
		{"kelurahan missing", []string{"kelurahan", ""}, "kelurahan", "kelurahan belum diisi"},
		{"kelurahan unknown", []string{"kelurahan", "Atlantis"}, "kelurahan", `kelurahan tidak dikenal: "Atlantis"`},
		{"kelurahan code unknown", []string{"kelurahan", "36.72.99.9999"}, "kelurahan", "tidak dikenal"},
		{"kpj too short", []string{"no_kpj", "1234567"}, "no_kpj", "8–16 digit (terisi 7 digit)"},
		{"kpj too long", []string{"no_kpj", "12345678901234567"}, "no_kpj", "8–16 digit"},
		{"kpj as an Excel number", []string{"no_kpj", "2.30123E+10"}, "no_kpj", "format kolom no_kpj sebagai Teks"},
		{"kpj with letters", []string{"no_kpj", "KPJ-1234567"}, "no_kpj", "angka saja"},
		{"start missing", []string{"tanggal_mulai", ""}, "tanggal_mulai", "tanggal belum diisi"},
		{"end before start", []string{"tanggal_selesai", "31/12/2023"}, "tanggal_selesai",
			"tanggal selesai 31 Desember 2023 tidak boleh sebelum tanggal mulai 1 Januari 2024"},
		{"status unknown", []string{"status", "pensiun"}, "status", "status kepesertaan tidak valid"},
		{"nonaktif without end", []string{"status", "nonaktif"}, "tanggal_selesai", "wajib diisi bila status nonaktif"},
		{"meninggal without end", []string{"status", "meninggal"}, "tanggal_selesai", "wajib diisi bila status meninggal"},
		{"income in words", []string{"penghasilan", "1,5 juta"}, "penghasilan", "nilai rupiah tidak valid"},
		{"income negative", []string{"penghasilan", "-1.000"}, "penghasilan", "tidak boleh negatif"},
		{"income zero", []string{"penghasilan", "0"}, "penghasilan", "lebih dari 0"},
		{"phone with letters", []string{"no_hp", "0812abc"}, "no_hp", "hanya boleh berisi angka"},
		{"phone too short", []string{"no_hp", "0812"}, "no_hp", "8–15 digit"},
	}
	testRejected(t, kinds.Workers, workerCSV, tests)
}

func TestWorkerAllProblemsOfARow(t *testing.T) {
	data := workerCSV("nik", "123", "nama", "", "kategori", "ojol", "kelurahan", "Atlantis",
		"tanggal_mulai", "32/01/2024", "status", "meninggal", "no_kpj", "12")
	r := decode(t, data, kinds.Workers)
	want := []string{
		"Baris 2, kolom nik: NIK harus 16 digit angka (terisi 3 digit)",
		"Baris 2, kolom nama: nama belum diisi",
		"Baris 2, kolom kategori: kategori tidak dikenal",
		"Baris 2, kolom kelurahan: kelurahan tidak dikenal",
		"Baris 2, kolom no_kpj: No. KPJ harus 8–16 digit",
		"Baris 2, kolom tanggal_mulai: tanggal tidak valid",
		"Baris 2, kolom tanggal_selesai: wajib diisi bila status meninggal",
	}
	got := messages(r.errs)
	if len(got) != len(want) {
		t.Fatalf("got %d errors %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

func TestWorkerRowsAndNumbers(t *testing.T) {
	base := string(workerCSV())
	header, row, _ := strings.Cut(base, "\n")
	row = strings.TrimSuffix(row, "\n")
	bad := strings.Replace(row, nikWoman, "123", 1)
	// Blank lines, a line of separators, a row filled only in a column the
	// decoder does not know, and a bad row: the numbers are the spreadsheet's.
	data := header + ";nomor\n" + row + ";1\n\n;;;\n" + bad + "\n" + row + "\n  \n;;;;;;;;;;;;;7\n"
	r := decode(t, []byte(data), kinds.Workers)
	if len(r.workers) != 2 || r.workers[0].Line != 2 || r.workers[1].Line != 6 {
		t.Fatalf("rows %+v", r.workers)
	}
	for _, w := range r.workers {
		if w.Worker.ID != 0 || len(w.Worker.Enrollments) != 1 || w.Worker.Enrollments[0].ID != 0 {
			t.Errorf("a row is a new worker with exactly one spell: %+v", w.Worker)
		}
	}
	wantOneError(t, r, 5, "nik", "16 digit")
	if r.rows != 3 {
		t.Errorf("Rows() = %d, want 3", r.rows)
	}
}
