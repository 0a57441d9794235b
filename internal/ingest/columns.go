package ingest

// Column is one column of a kind's template: its canonical name, whether
// every row must fill it, an Indonesian explanation, two example values (the
// template's two example rows) and other header spellings accepted on import.
type Column struct {
	Name     string
	Required bool
	Help     string
	Examples [2]string
	Aliases  []string

	typ valueType // how templates and exports write the column
}

// valueType says how a column's values are written to a spreadsheet.
type valueType uint8

const (
	typeText  valueType = iota // plain text
	typeID                     // digits kept as text (NIK, KPJ): "@" format in XLSX
	typeDate                   // a day: date cell in XLSX, 2024-07-17 in CSV
	typeMoney                  // whole rupiah: number with "#,##0" in XLSX
	typeCount                  // a whole number of people
)

// Column positions of each kind, in the order of Columns(kind); the decoders
// index the header mapping with them.
const (
	wNIK = iota
	wName
	wBirth
	wSex
	wCategory
	wKelurahan
	wKPJ
	wStart
	wEnd
	wStatus
	wIncome
	wAddress
	wPhone
)

const (
	cPeriod = iota
	cParticipants
	cBilled
	cPaid
	cPaidOn
	cSP2D
	cNote
)

const (
	kNo = iota
	kNIK
	kType
	kIncident
	kSubmitted
	kPaidOn
	kAmount
	kStatus
	kBeneficiary
	kNote
)

// The example NIKs are valid: a woman born 17-07-1990 (day 17 + 40 = 57) and
// a man born 12-03-1985, both first registered in Kota Cilegon.
const (
	exampleNIKWoman = "3672045707900012"
	exampleNIKMan   = "3672031203850004"
)

var workerColumns = []Column{
	{"nik", true, "Nomor Induk Kependudukan, 16 digit. Format kolom sebagai Teks agar digit terakhir tidak hilang.",
		[2]string{exampleNIKWoman, exampleNIKMan}, []string{"no nik", "nomor nik", "nik ktp", "no ktp", "nomor induk kependudukan"}, typeID},
	{"nama", true, "Nama lengkap sesuai KTP.",
		[2]string{"Siti Aminah", "Ahmad Fauzi"}, []string{"nama lengkap", "nama peserta", "nama tenaga kerja"}, typeText},
	{"tanggal_lahir", false, "Tanggal lahir, misalnya 17/07/1990; harus cocok dengan NIK.",
		[2]string{"17/07/1990", "12/03/1985"}, []string{"tgl lahir"}, typeDate},
	{"jenis_kelamin", false, "L (laki-laki) atau P (perempuan); harus cocok dengan NIK (tanggal lahir perempuan pada NIK ditambah 40).",
		[2]string{"P", "L"}, []string{"jk", "l/p", "kelamin", "jenis kelamin (l/p)"}, typeText},
	{"kategori", true, "Kode atau nama kategori pekerja, misalnya rt_rw atau Ketua RT/RW.",
		[2]string{"kader", "Ketua RT/RW"}, []string{"kategori pekerja", "segmen", "segmen pekerja", "kode kategori"}, typeText},
	{"kelurahan", true, "Nama kelurahan tempat tinggal (ejaan lain seperti Lebak Gede diterima) atau kode Kemendagri seperti 36.72.04.1005.",
		[2]string{"Kepuh", "Lebak Gede"}, []string{"desa/kelurahan", "kelurahan/desa", "desa", "kode kelurahan"}, typeText},
	{"no_kpj", false, "Nomor kartu BPJS Ketenagakerjaan (KPJ), 8–16 digit. Format kolom sebagai Teks agar angka 0 di depan tidak hilang.",
		[2]string{"23012345678", "09876543210"}, []string{"kpj", "nomor kpj", "no kartu", "nomor kartu"}, typeID},
	{"tanggal_mulai", true, "Tanggal mulai kepesertaan.",
		[2]string{"01/01/2024", "2024-01-01"}, []string{"tgl mulai", "mulai", "tmt", "tanggal mulai kepesertaan"}, typeDate},
	{"tanggal_selesai", false, "Tanggal akhir kepesertaan (hari itu masih dijamin). Kosongkan bila masih berjalan; wajib bila status nonaktif atau meninggal.",
		[2]string{"", "03/05/2024"}, []string{"tgl selesai", "selesai", "tanggal akhir", "tgl akhir", "tanggal berakhir"}, typeDate},
	{"status", false, "aktif, nonaktif atau meninggal; kosong berarti aktif.",
		[2]string{"aktif", "meninggal"}, []string{"status kepesertaan", "status peserta"}, typeText},
	{"penghasilan", false, "Penghasilan yang dilaporkan per bulan, dalam rupiah; kosong berarti Rp 1.000.000.",
		[2]string{"1.000.000", ""}, []string{"upah", "penghasilan dilaporkan", "penghasilan per bulan"}, typeMoney},
	{"alamat", false, "Alamat tempat tinggal.",
		[2]string{"Jl. Raya Anyer No. 12 RT 001/002", "Link. Lebak Gede RT 003/001"}, []string{"alamat lengkap"}, typeText},
	{"no_hp", false, "Nomor HP, boleh diawali +62; spasi dan tanda hubung diabaikan.",
		[2]string{"081234567890", "0857 1234 5678"}, []string{"hp", "nomor hp", "no telp", "telepon", "no wa", "nomor telepon"}, typeText},
}

var contributionColumns = []Column{
	{"periode", true, "Bulan kepesertaan yang dibayar, misalnya 2024-01, 01/2024 atau Januari 2024.",
		[2]string{"2024-01", "Februari 2024"}, []string{"bulan", "periode iuran", "bulan iuran", "masa iuran"}, typeText},
	{"jumlah_peserta", false, "Jumlah peserta pada tagihan bulan itu.",
		[2]string{"4.143", "4150"}, []string{"peserta", "jml peserta", "jumlah tenaga kerja"}, typeCount},
	{"tagihan", false, "Jumlah tagihan dalam rupiah.",
		[2]string{"69.602.400", "69720000"}, []string{"jumlah tagihan", "nilai tagihan"}, typeMoney},
	{"dibayar", true, "Jumlah yang dibayar dalam rupiah.",
		[2]string{"69.602.400", "Rp 69.720.000"}, []string{"jumlah dibayar", "jumlah bayar", "nilai bayar", "pembayaran", "realisasi"}, typeMoney},
	{"tanggal_bayar", true, "Tanggal pembayaran (tanggal SP2D).",
		[2]string{"15/02/2024", "2024-03-14"}, []string{"tgl bayar", "tanggal sp2d", "tgl sp2d"}, typeDate},
	{"no_sp2d", false, "Nomor SP2D.",
		[2]string{"0123/SP2D/LS/2024", "0187/SP2D/LS/2024"}, []string{"sp2d", "nomor sp2d"}, typeText},
	{"keterangan", false, "Catatan bebas.",
		[2]string{"Iuran Januari 2024", ""}, []string{"ket", "catatan"}, typeText},
}

var claimColumns = []Column{
	{"no_klaim", false, "Nomor klaim dari BPJS Ketenagakerjaan.",
		[2]string{"KLM-2024-000123", ""}, []string{"nomor klaim"}, typeText},
	{"nik", true, "NIK peserta, 16 digit; peserta harus sudah terdaftar. Format kolom sebagai Teks.",
		[2]string{exampleNIKMan, exampleNIKWoman}, []string{"no nik", "nomor nik", "nik peserta", "nik ktp"}, typeID},
	{"jenis_klaim", true, "JKM, JKK_MENINGGAL, JKK_CACAT, JKK_PERAWATAN atau BEASISWA; nama seperti Jaminan Kematian juga diterima.",
		[2]string{"JKM", "JKK Perawatan"}, []string{"jenis", "jenis manfaat", "program", "tipe klaim"}, typeText},
	{"tanggal_kejadian", true, "Tanggal meninggal dunia atau kecelakaan kerja.",
		[2]string{"03/05/2024", "12/06/2024"}, []string{"tgl kejadian", "tanggal peristiwa"}, typeDate},
	{"tanggal_pengajuan", false, "Tanggal klaim diajukan; tidak boleh sebelum tanggal kejadian.",
		[2]string{"10/05/2024", "14/06/2024"}, []string{"tgl pengajuan", "tanggal klaim"}, typeDate},
	{"tanggal_bayar", false, "Tanggal klaim dibayar; wajib bila status dibayar, tidak boleh sebelum tanggal kejadian.",
		[2]string{"24/05/2024", ""}, []string{"tgl bayar", "tanggal pembayaran", "tgl pembayaran"}, typeDate},
	{"nominal", true, "Nilai klaim dalam rupiah.",
		[2]string{"42.000.000", "3.500.000"}, []string{"jumlah", "nilai klaim", "nominal klaim", "jumlah klaim", "manfaat"}, typeMoney},
	{"status", false, "diajukan, diproses, dibayar atau ditolak; kosong berarti dibayar.",
		[2]string{"dibayar", "diproses"}, []string{"status klaim"}, typeText},
	{"ahli_waris", false, "Nama ahli waris penerima santunan kematian.",
		[2]string{"Budi Santoso", ""}, []string{"nama ahli waris", "penerima"}, typeText},
	{"keterangan", false, "Catatan bebas.",
		[2]string{"", "Perawatan di RSUD Cilegon"}, []string{"ket", "catatan"}, typeText},
}

// columnsOf returns the column table of k, or nil for an unknown kind; callers must not change it.
func columnsOf(k Kind) []Column {
	switch k {
	case Workers:
		return workerColumns
	case Contributions:
		return contributionColumns
	case Claims:
		return claimColumns
	}
	return nil
}

// Columns returns the template columns of k in order, or nil for an unknown kind.
func Columns(k Kind) []Column {
	cols := columnsOf(k)
	if cols == nil {
		return nil
	}
	out := make([]Column, len(cols))
	for i, c := range cols {
		c.Aliases = append([]string(nil), c.Aliases...)
		out[i] = c
	}
	return out
}
