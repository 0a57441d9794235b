package imports_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/imports"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/platform/pgdev"
	"github.com/cilegon/monev/internal/platform/sheet"
	"github.com/cilegon/monev/internal/registry"
	"github.com/cilegon/monev/internal/settings"
)

func TestMain(m *testing.M) { pgdev.Main(m) }

var actor = domain.OperatorActor("3672", "tester")

func file(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, im *imports.Service, kind sheet.Kind, path string, dry bool) imports.Result {
	t.Helper()
	res, err := im.Run(context.Background(), actor, imports.Request{Kind: kind, Path: path, FileName: filepath.Base(path), DryRun: dry})
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	return res
}

func count(t *testing.T, db *database.DB, table string) int {
	t.Helper()
	var n int
	if err := db.Pool().QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func problemText(res imports.Result) string {
	var b strings.Builder
	for _, p := range res.Problems {
		b.WriteString(p.Error())
		b.WriteString("\n")
	}
	return b.String()
}

const workersCSV = "\ufeffnik;nama;tanggal_lahir;jenis_kelamin;kategori;kelurahan;no_kpj;tanggal_mulai;tanggal_selesai;status;penghasilan\n" +
	"3672014101900001;Siti Aminah;01/01/1990;P;Kader;Kepuh;24010000001;01/01/2024;;aktif;\n" +
	"3672010505850002;Budi Santoso;5 Mei 1985;L;nelayan;Lebak Gede;;2023-01-01;31/12/2023;nonaktif;Rp 1.000.000\n" +
	"3672010505850002;Budi Santoso;5 Mei 1985;L;nelayan;Lebak Gede;;01/03/2024;;aktif;1.000.000\n"

func TestImportWorkersTwiceChangesNothing(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	path := file(t, "peserta.csv", workersCSV)

	dry := run(t, im, registry.WorkerImport, path, true)
	if dry.Batch.Status != "checked" || dry.Batch.New != 3 || count(t, db, "worker") != 0 {
		t.Fatalf("dry run: %+v; %d workers written", dry.Batch, count(t, db, "worker"))
	}

	res := run(t, im, registry.WorkerImport, path, false)
	if res.Batch.Status != "imported" || res.Batch.New != 3 || res.ProblemCount != 0 {
		t.Fatalf("first import: %+v\n%s", res.Batch, problemText(res))
	}
	if count(t, db, "worker") != 2 || count(t, db, "enrollment") != 3 {
		t.Fatalf("want 2 workers with 3 spells, got %d and %d", count(t, db, "worker"), count(t, db, "enrollment"))
	}

	again := run(t, im, registry.WorkerImport, path, false)
	if again.Batch.Status != "unchanged" || again.Batch.Unchanged != 3 || again.Batch.New+again.Batch.Updated != 0 {
		t.Fatalf("second import: %+v", again.Batch)
	}
	if !strings.Contains(again.Batch.Message, "Tidak ada perubahan") || !strings.Contains(again.Batch.Message, "sudah diimpor pada") {
		t.Errorf("second import does not say so: %q", again.Batch.Message)
	}

	// A corrected file updates the worker and the spell, with old and new
	// values in the audit log.
	changed := strings.Replace(workersCSV, "Siti Aminah;01/01/1990;P;Kader;Kepuh;24010000001;01/01/2024;;aktif",
		"Siti Aminah Rahmawati;01/01/1990;P;Kader;Kepuh;24010000001;01/01/2024;30/06/2024;meninggal", 1)
	upd := run(t, im, registry.WorkerImport, file(t, "peserta-2.csv", changed), false)
	if upd.Batch.Status != "imported" || upd.Batch.Updated != 1 || upd.Batch.Unchanged != 2 {
		t.Fatalf("corrected import: %+v\n%s", upd.Batch, problemText(upd))
	}
	var oldName, newName string
	err := db.Pool().QueryRow(context.Background(), `SELECT old_values->>'name', new_values->>'name' FROM audit_log
		WHERE entity = 'worker' AND action = 'update'`).Scan(&oldName, &newName)
	if err != nil || oldName != "Siti Aminah" || newName != "Siti Aminah Rahmawati" {
		t.Errorf("audit of the update: %q → %q, %v", oldName, newName, err)
	}
	if diffs, err := analysisOf(db).CheckAggregates(context.Background()); err != nil || len(diffs) > 0 {
		t.Errorf("aggregates after imports: %v %v", diffs, err)
	}
}

func TestImportWithErrorsWritesNothing(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	run(t, im, registry.WorkerImport, file(t, "ok.csv", workersCSV), false)
	before := count(t, db, "enrollment")
	for _, sql := range []string{
		// Fishermen were funded until 2023; two desa share a name.
		`UPDATE category SET last_year = 2023 WHERE pemda = '3672' AND code = 'nelayan'`,
		`INSERT INTO kelurahan (pemda, code, kecamatan_code, bps_code, name)
		 SELECT '3672', k.code || '.2901', k.code, k.bps_code || '901', 'Sukamaju' FROM kecamatan k WHERE k.pemda = '3672' LIMIT 2`,
	} {
		if _, err := db.Pool().Exec(context.Background(), sql); err != nil {
			t.Fatal(err)
		}
	}

	bad := "nik,nama,kategori,kelurahan,tanggal_mulai,tanggal_selesai,status\n" +
		"3672015708900012,Rina Marlina,kader,Kepuh,01/01/2024,,aktif\n" + // fine on its own
		"3.67201E+15,Asep,kader,Kepuh,01/01/2024,,aktif\n" + // Excel ate the NIK
		"3672015708900012,Rina Marlina,kader,Kepuh,01/01/2024,,aktif\n" + // the same spell twice
		"3672015708900012,Rina Marlina,kader,Kepuh,01/06/2023,31/01/2024,nonaktif\n" + // overlaps row 2
		"3672010505850002,Budi Santoso,nelayan,Lebakgede,01/06/2023,,aktif\n" + // overlaps a stored spell
		"3672019909990001,Tanpa Kategori,penyanyi,Atlantis,31/02/2024,,aktif\n" + // several problems in one row
		"3672010101800003,Ujang,nelayan,Kepuh,01/02/2024,,aktif\n" + // a category no longer funded
		"3672010101800004,Dadang,kader,Sukamaju,01/02/2024,,aktif\n" // which Sukamaju?
	res := run(t, im, registry.WorkerImport, file(t, "bad.csv", bad), false)
	if res.Batch.Status != "rejected" {
		t.Fatalf("status %s, want rejected", res.Batch.Status)
	}
	text := problemText(res)
	for _, want := range []string{
		"Baris 3, kolom nik: NIK terbaca sebagai angka oleh Excel",
		"Baris 4, kolom tanggal_mulai: NIK 3672015708900012 dengan tanggal mulai 01/01/2024 sudah ada di baris 2",
		"bertumpang tindih dengan kepesertaan di baris 5",
		"Baris 6, kolom tanggal_mulai: kepesertaan mulai 01/06/2023 bertumpang tindih dengan kepesertaan yang sudah tercatat",
		"Baris 7, kolom kategori:",
		"Baris 7, kolom kelurahan:",
		"Baris 7, kolom tanggal_mulai:",
		"Baris 8, kolom kategori: kategori Nelayan hanya didanai sampai tahun 2023; kepesertaan mulai 01/02/2024 di luar tahun itu",
		`Baris 9, kolom kelurahan: kelurahan "Sukamaju" ada lebih dari satu dengan nama itu: tulis kode Kemendagri-nya`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("problems lack %q:\n%s", want, text)
		}
	}
	if count(t, db, "enrollment") != before || count(t, db, "worker") != 2 {
		t.Error("a rejected file changed the data")
	}
	stored, err := im.Problems(context.Background(), "3672", res.Batch.ID, 0, 100)
	if err != nil || int64(len(stored)) != res.ProblemCount {
		t.Errorf("stored %d problems, want %d (%v)", len(stored), res.ProblemCount, err)
	}
}

func TestImportContributionsAndClaims(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	run(t, im, registry.WorkerImport, file(t, "peserta.csv", workersCSV), false)

	pay := "periode,jumlah_peserta,tagihan,dibayar,tanggal_bayar,no_sp2d,keterangan\n" +
		"Januari 2024,2,Rp 33.600,33.600,12/02/2024,SP2D-001,\n" +
		"02/2024,2,33600,\"33.600,00\",11 Mar 2024,SP2D-002,\n" +
		"2024-03,,,33600,10/04/2024,,tanpa SP2D\n"
	res := run(t, im, contributions.ContributionImport, file(t, "iuran.csv", pay), false)
	if res.Batch.Status != "imported" || res.Batch.New != 3 {
		t.Fatalf("contributions: %+v\n%s", res.Batch, problemText(res))
	}
	if again := run(t, im, contributions.ContributionImport, file(t, "iuran.csv", pay), false); again.Batch.Status != "unchanged" {
		t.Errorf("second contributions import: %s", again.Batch.Status)
	}
	dup := pay + "Januari 2024,2,33600,33600,13/02/2024,SP2D-001,\n"
	if res := run(t, im, contributions.ContributionImport, file(t, "dup.csv", dup), false); res.Batch.Status != "rejected" ||
		!strings.Contains(problemText(res), "Baris 5, kolom no_sp2d: pembayaran iuran 01/2024 dengan SP2D SP2D-001 sudah ada di baris 2") {
		t.Errorf("duplicate SP2D: %s\n%s", res.Batch.Status, problemText(res))
	}

	claimCSV := "no_klaim,nik,jenis_klaim,tanggal_kejadian,tanggal_bayar,nominal,status,ahli_waris\n" +
		"K-1,3672010505850002,Jaminan Kematian,10/05/2024,01/06/2024,Rp 42.000.000,dibayar,Ani (istri)\n" +
		",3672014101900001,jkk-perawatan,02/03/2024,,5.000.000,diproses,\n" +
		"K-3,3672011212880001,JKM,01/01/2024,01/02/2024,42000000,dibayar,\n"
	res = run(t, im, claims.ClaimImport, file(t, "klaim.csv", claimCSV), false)
	if res.Batch.Status != "rejected" || !strings.Contains(problemText(res), "Baris 4, kolom nik: NIK 3672011212880001 belum terdaftar") {
		t.Fatalf("unregistered NIK: %s\n%s", res.Batch.Status, problemText(res))
	}
	claimCSV = strings.Join(strings.Split(claimCSV, "\n")[:3], "\n") + "\n"
	res = run(t, im, claims.ClaimImport, file(t, "klaim.csv", claimCSV), false)
	if res.Batch.Status != "imported" || res.Batch.New != 2 {
		t.Fatalf("claims: %+v\n%s", res.Batch, problemText(res))
	}
	// The pending claim is paid later: the same worker, type and date update it.
	paid := strings.Replace(claimCSV, "02/03/2024,,5.000.000,diproses", "02/03/2024,20/03/2024,5.250.000,dibayar", 1)
	res = run(t, im, claims.ClaimImport, file(t, "klaim-2.csv", paid), false)
	if res.Batch.Updated != 1 || res.Batch.Unchanged != 1 {
		t.Fatalf("claim update: %+v\n%s", res.Batch, problemText(res))
	}
	b, err := analysisOf(db).Balance(context.Background(), "3672", domain.YearPeriod(2024), domain.BasisCash)
	if err != nil || b.ContributionsPaid != 100_800 || b.ClaimsPaid != 47_250_000 || b.ClaimsCount != 2 {
		t.Errorf("balance after imports: %+v %v", b, err)
	}
	if diffs, err := analysisOf(db).CheckAggregates(context.Background()); err != nil || len(diffs) > 0 {
		t.Errorf("aggregates after imports: %v %v", diffs, err)
	}
}

func TestImportRefusesWhatIsNotASpreadsheet(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	res := run(t, im, registry.WorkerImport, file(t, "foto.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel"), false)
	if res.Batch.Status != "rejected" || res.ProblemCount == 0 || !strings.Contains(problemText(res), "Berkas") {
		t.Errorf("binary file: %+v\n%s", res.Batch, problemText(res))
	}
	res = run(t, im, registry.WorkerImport, file(t, "kosong.csv", "nama,alamat\nBudi,Cilegon\n"), false)
	if res.Batch.Status != "rejected" || !strings.Contains(problemText(res), "nik") {
		t.Errorf("missing columns: %+v\n%s", res.Batch, problemText(res))
	}
}

// analysisOf is the analysis service of a test's database.
func analysisOf(db *database.DB) *analysis.Service {
	return analysis.NewService(db, settings.NewService(db), contributions.NewService(db, settings.NewService(db)))
}

// newService is the import service of a test's database, for the three kinds
// monev imports.
func newService(db *database.DB) *imports.Service {
	return imports.NewService(db, settings.NewService(db), registry.WorkerImport, contributions.ContributionImport, contributions.BillImport, claims.ClaimImport)
}

func TestKindAcceptsWhatPeopleCallIt(t *testing.T) {
	im := newService(pgdev.New(t))
	for name, want := range map[string]string{
		"workers": "workers", "Peserta": "workers", " iuran ": "contributions", "contributions": "contributions",
		"KLAIM": "claims", "claims": "claims",
	} {
		k, err := im.Kind(name)
		if err != nil || k.Name() != want {
			t.Errorf("Kind(%q) = %q, %v; want %q", name, k.Name(), err, want)
		}
	}
	_, err := im.Kind("gaji")
	if err == nil || !strings.Contains(err.Error(), "jenis data tidak dikenal") || !strings.Contains(err.Error(), " atau ") {
		t.Errorf("Kind(gaji) = %v", err)
	}
}

func TestImportUnpaidBills(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	bill := "periode,jumlah_peserta,tagihan,dibayar,tanggal_bayar,no_sp2d\n" +
		"2024-08,6,100.800,,,\n" +
		"2024-09,6,100.800,,,\n"
	res := run(t, im, contributions.ContributionImport, file(t, "tagihan.csv", bill), false)
	if res.Batch.Status != "imported" || res.Batch.New != 2 {
		t.Fatalf("unpaid bills: %+v\n%s", res.Batch, problemText(res))
	}
	if again := run(t, im, contributions.ContributionImport, file(t, "tagihan.csv", bill), false); again.Batch.Status != "unchanged" {
		t.Errorf("the same bills again: %s", again.Batch.Status)
	}
	// A corrected bill updates the month's unpaid row; a payment is a row of its own.
	fixed := "periode,jumlah_peserta,tagihan,dibayar,tanggal_bayar,no_sp2d\n" +
		"2024-08,7,117.600,,,\n" +
		"2024-08,7,117.600,50.000,12/08/2024,SP2D-9\n"
	res = run(t, im, contributions.ContributionImport, file(t, "bayar.csv", fixed), false)
	if res.Batch.Status != "imported" || res.Batch.New != 1 || res.Batch.Updated != 1 {
		t.Fatalf("corrected bill and a payment: %+v\n%s", res.Batch, problemText(res))
	}
	var unpaid, billed, paid int64
	err := db.Pool().QueryRow(context.Background(), `SELECT count(*) FILTER (WHERE paid IS NULL),
		max(billed) FILTER (WHERE coverage_month = '2024-08-01'), coalesce(sum(paid), 0) FROM contribution`).Scan(&unpaid, &billed, &paid)
	if err != nil || unpaid != 2 || billed != 117_600 || paid != 50_000 {
		t.Errorf("stored: %d unpaid rows, August billed %d, paid %d (%v)", unpaid, billed, paid, err)
	}
	twice := "periode,tagihan,dibayar,tanggal_bayar\n2024-10,100800,,\n2024-10,100800,,\n"
	if res := run(t, im, contributions.ContributionImport, file(t, "dua.csv", twice), false); res.Batch.Status != "rejected" ||
		!strings.Contains(problemText(res), "Baris 3, kolom tagihan: tagihan iuran 10/2024 yang belum dibayar sudah ada di baris 2") {
		t.Errorf("the same unpaid bill twice: %s\n%s", res.Batch.Status, problemText(res))
	}
	if diffs, err := analysisOf(db).CheckAggregates(context.Background()); err != nil || len(diffs) > 0 {
		t.Errorf("aggregates after imports: %v %v", diffs, err)
	}
}

// billHeader is the header of a bill file, with its optional columns.
const billHeader = "periode,no_tagihan,no_kpj,nik,nama,upah,iuran,iuran_jkk,iuran_jkm,keterangan\n"

func TestImportBills(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	bill := billHeader +
		"2024-03,T-1,24010000001,3672014101900001,Siti Aminah,1.000.000,16.800,10.000,6.800,\n" +
		"2024-03,T-1,24010000002,3672010505850002,Budi Santoso,2.000.000,26.800,20.000,6.800,\n" +
		"2024-03,T-1,24010000002,3672010505850002,Budi Santoso,2.000.000,26.800,,,tertagih dua kali\n" + // BPJS's duplicate: kept, for the reconciliation
		"April 2024,,24010000001,3672014101900001,Siti Aminah,,16800,,,\n"
	res := run(t, im, contributions.BillImport, file(t, "tagihan.csv", bill), false)
	if res.Batch.Status != "imported" || res.Batch.New != 4 {
		t.Fatalf("bills: %+v\n%s", res.Batch, problemText(res))
	}
	again := run(t, im, contributions.BillImport, file(t, "tagihan-lagi.csv", bill), false)
	if again.Batch.Status != "unchanged" || again.Batch.Unchanged != 4 {
		t.Errorf("the same bills again: %+v", again.Batch)
	}
	// BPJS corrects March's bill T-1: its lines are replaced, April stays.
	fixed := billHeader +
		"2024-03,T-1,24010000001,3672014101900001,Siti Aminah,1.000.000,16.800,10.000,6.800,\n" +
		"2024-03,T-1,24010000002,3672010505850002,Budi Santoso,2.000.000,26.800,20.000,6.800,\n"
	res = run(t, im, contributions.BillImport, file(t, "koreksi.csv", fixed), false)
	if res.Batch.Status != "imported" || res.Batch.Updated != 2 || res.Batch.New != 0 {
		t.Fatalf("corrected bill: %+v\n%s", res.Batch, problemText(res))
	}
	var lines, march, april int64
	err := db.Pool().QueryRow(context.Background(), `SELECT count(*), coalesce(sum(amount) FILTER (WHERE coverage_month = '2024-03-01'), 0),
		coalesce(sum(amount) FILTER (WHERE coverage_month = '2024-04-01'), 0) FROM bill_line`).Scan(&lines, &march, &april)
	if err != nil || lines != 3 || march != 43_600 || april != 16_800 {
		t.Errorf("stored: %d lines, March %d, April %d (%v)", lines, march, april, err)
	}
	var audited int
	_ = db.Pool().QueryRow(context.Background(), `SELECT count(*) FROM audit_log WHERE entity = 'bill' AND entity_id = '2024-03 T-1'
		AND (old_values->>'lines')::int = 3 AND (new_values->>'lines')::int = 2`).Scan(&audited)
	if audited != 1 {
		t.Errorf("%d audit entries of the replaced bill, want 1", audited)
	}
	if diffs, err := analysisOf(db).CheckAggregates(context.Background()); err != nil || len(diffs) > 0 {
		t.Errorf("aggregates after imports: %v %v", diffs, err)
	}
}

func TestImportBadBillsChangesNothing(t *testing.T) {
	db := pgdev.New(t)
	im := newService(db)
	bad := billHeader +
		"2024-13,T-1,24010000001,3672014101900001,Siti Aminah,,16.800,,,\n" + // no such month
		"2024-03,T-1,24010000002,36720105058500,Budi Santoso,,16.800,,,\n" + // a NIK of 14 digits
		"2024-03,T-1,24010000003,3672014101900001,Siti Aminah,,16.800,10.000,6.000,\n" + // JKK + JKM ≠ iuran
		"2024-03,T-1,24010000004,3672014101900001,Siti Aminah,-1.000.000,-16.800,,,\n" + // negative amounts
		"2024-03,T-1,,3672014101900001,Siti Aminah,,16.800,,,\n" // no KPJ
	res := run(t, im, contributions.BillImport, file(t, "salah.csv", bad), false)
	if res.Batch.Status != "rejected" {
		t.Fatalf("status %s, want rejected", res.Batch.Status)
	}
	text := problemText(res)
	for _, want := range []string{
		"Baris 2, kolom periode: bulan tidak valid",
		"Baris 3, kolom nik:",
		"Baris 4, kolom iuran: iuran Rp 16.800 tidak sama dengan iuran JKK Rp 10.000 + iuran JKM Rp 6.000 = Rp 16.000",
		"Baris 5, kolom upah: nilai rupiah tidak boleh negatif",
		"Baris 5, kolom iuran: nilai rupiah tidak boleh negatif",
		"Baris 6, kolom no_kpj: nomor KPJ belum diisi",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("problems lack %q:\n%s", want, text)
		}
	}
	if count(t, db, "bill_line") != 0 {
		t.Error("a rejected bill file wrote lines")
	}
}
