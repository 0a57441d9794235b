package contributions

import (
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// Bills is the table of BPJS's bill files (tagihan): a line per
// participant and coverage month. A file may hold several months and
// several bills; the import, the exports and the template follow it.
var Bills = &sheet.Table[BillLine]{
	Kind: "bills", Label: "Tagihan BPJS", Template: "tagihan", Aliases: []string{"bill", "tagihan", "tagihan bpjs"},
	Columns: []sheet.Column[BillLine]{
		{Spec: sheet.Spec{Name: "periode",
			Label: "Bulan kepesertaan", Required: true, Type: sheet.Text, DB: "coverage_month", SQL: "date",
			Help:     "Bulan kepesertaan yang ditagih, misalnya 2024-03, 03/2024 atau Maret 2024.",
			Examples: [2]string{"2024-03", "Maret 2024"}, Aliases: []string{"bulan", "bulan iuran", "masa iuran", "periode tagihan"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.Month, _ = c.Month() },
			Get:   func(r *BillLine) any { return r.Month.String() },
			Stage: func(r *BillLine) any { return r.Month.First() }},
		{Spec: sheet.Spec{Name: "no_tagihan",
			Label: "No. tagihan", Type: sheet.Text, DB: "bill_no", SQL: "text",
			Help: "Nomor tagihan BPJS. Mengimpor ulang baris bulan dan nomor tagihan yang sama menggantikan tagihan itu " +
				"(BPJS menerbitkan tagihan koreksi).",
			Examples: [2]string{"TAG/CLG/2024/03/001", "TAG/CLG/2024/03/001"}, Aliases: []string{"nomor tagihan", "no invoice", "nomor invoice"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.BillNo = c.Name() },
			Get:   func(r *BillLine) any { return r.BillNo }},
		{Spec: sheet.Spec{Name: "no_kpj",
			Label: "No. KPJ", Required: true, Type: sheet.ID, DB: "kpj", SQL: "text",
			Help:     "Nomor kartu BPJS Ketenagakerjaan (KPJ), 8–16 digit. Format kolom sebagai Teks agar angka 0 di depan tidak hilang.",
			Examples: [2]string{"23012345678", "09876543210"}, Aliases: []string{"kpj", "nomor kpj", "no kartu", "nomor kartu"}},
			Parse: func(c *sheet.Cell, r *BillLine) {
				if r.KPJ = c.KPJ(); r.KPJ == "" {
					c.Fail("nomor KPJ belum diisi")
				}
			},
			Get: func(r *BillLine) any { return r.KPJ }},
		{Spec: sheet.Spec{Name: "nik",
			Label: "NIK", Required: true, Type: sheet.ID, DB: "nik", SQL: "text", Masked: true,
			Help:     "NIK peserta pada tagihan, 16 digit. Format kolom sebagai Teks agar digit terakhir tidak hilang.",
			Examples: [2]string{"3672045707900012", "3672031203850004"}, Aliases: []string{"no nik", "nomor nik", "nik ktp"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.NIK, _ = c.NIK() },
			Get:   func(r *BillLine) any { return r.NIK }},
		{Spec: sheet.Spec{Name: "nama",
			Label: "Nama", Required: true, Type: sheet.Text, DB: "name", SQL: "text",
			Help:     "Nama peserta pada tagihan.",
			Examples: [2]string{"Siti Aminah", "Ahmad Fauzi"}, Aliases: []string{"nama peserta", "nama tenaga kerja", "nama lengkap"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.Name = c.RequiredName("nama") },
			Get:   func(r *BillLine) any { return r.Name }},
		{Spec: sheet.Spec{Name: "upah",
			Label: "Penghasilan (Rp)", Type: sheet.Money, DB: "income", SQL: "bigint", Null: true,
			Help:     "Penghasilan yang dilaporkan menurut BPJS, dasar iuran JKK.",
			Examples: [2]string{"1.000.000", "2000000"}, Aliases: []string{"penghasilan", "upah dilaporkan", "penghasilan dilaporkan"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.Income = optionalMoney(c) },
			Get:   func(r *BillLine) any { return r.Income }},
		{Spec: sheet.Spec{Name: "iuran",
			Label: "Iuran (Rp)", Required: true, Type: sheet.Money, DB: "amount", SQL: "bigint",
			Help:     "Iuran yang ditagih untuk peserta itu pada bulan itu (JKK + JKM).",
			Examples: [2]string{"16.800", "26800"}, Aliases: []string{"jumlah iuran", "total iuran", "tagihan", "jumlah"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.Amount, _ = c.Money() },
			Get:   func(r *BillLine) any { return r.Amount }},
		{Spec: sheet.Spec{Name: "iuran_jkk",
			Label: "Iuran JKK (Rp)", Type: sheet.Money, DB: "jkk", SQL: "bigint", Null: true,
			Help:     "Bagian iuran Jaminan Kecelakaan Kerja, bila tagihan merincinya.",
			Examples: [2]string{"10.000", "20000"}, Aliases: []string{"jkk"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.JKK = optionalMoney(c) },
			Get:   func(r *BillLine) any { return r.JKK }},
		{Spec: sheet.Spec{Name: "iuran_jkm",
			Label: "Iuran JKM (Rp)", Type: sheet.Money, DB: "jkm", SQL: "bigint", Null: true,
			Help:     "Bagian iuran Jaminan Kematian, bila tagihan merincinya.",
			Examples: [2]string{"6.800", "6800"}, Aliases: []string{"jkm"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.JKM = optionalMoney(c) },
			Get:   func(r *BillLine) any { return r.JKM }},
		{Spec: sheet.Spec{Name: "keterangan",
			Label: "Keterangan", Type: sheet.Text, DB: "note", SQL: "text",
			Help:     "Catatan bebas.",
			Examples: [2]string{"", "Peserta baru"}, Aliases: []string{"ket", "catatan"}},
			Parse: func(c *sheet.Cell, r *BillLine) { r.Note = c.Text() },
			Get:   func(r *BillLine) any { return r.Note }},
	},
	Check: checkBillLine,
}

// optionalMoney reads an amount that may be left empty.
func optionalMoney(c *sheet.Cell) *domain.Rupiah {
	if v, ok := c.Money(); ok {
		return &v
	}
	return nil
}

// checkBillLine holds the parts of the iuran to their total.
func checkBillLine(row *sheet.Row, r *BillLine) {
	if r.JKK == nil || r.JKM == nil || row.Bad("iuran") {
		return
	}
	if *r.JKK+*r.JKM != r.Amount {
		row.Fail("iuran", "iuran "+r.Amount.String()+" tidak sama dengan iuran JKK "+r.JKK.String()+
			" + iuran JKM "+r.JKM.String()+" = "+(*r.JKK+*r.JKM).String())
	}
}

// BillImport is the import of BPJS's bill files: the lines of a coverage
// month under one bill number replace the stored lines of that bill when
// they differ, and change nothing when they are the same.
var BillImport = sheet.KindOf(Bills, "tagihan", nil, billCounts, billMerge)

// billGroups are the bills of the staging table with a signature of their
// lines, and stored the same for the stored bills of those months.
const billGroups = `
	staged AS (
		SELECT coverage_month, bill_no, count(*) AS n, sum(amount) AS amount, ` + billSignature + ` AS sig
		FROM stage GROUP BY 1, 2
	), stored AS (
		SELECT coverage_month, bill_no, count(*) AS n, sum(amount) AS amount, ` + billSignature + ` AS sig
		FROM bill_line
		WHERE pemda = $1 AND (coverage_month, bill_no) IN (SELECT coverage_month, bill_no FROM staged)
		GROUP BY 1, 2
	)`

// billSignature is the lines of a bill as one text, whatever their order.
const billSignature = `string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s', kpj, nik, name, income, amount, jkk, jkm, note),
	E'\n' ORDER BY kpj, nik, name, income, amount, jkk, jkm, note)`

// billCounts counts the staged lines of new bills, of bills that change
// and of bills that stay as they are.
const billCounts = `
	WITH ` + billGroups + `
	SELECT coalesce(sum(s.n) FILTER (WHERE o.sig IS NULL), 0),
	       coalesce(sum(s.n) FILTER (WHERE o.sig IS NOT NULL AND o.sig <> s.sig), 0),
	       coalesce(sum(s.n) FILTER (WHERE o.sig = s.sig), 0)
	FROM staged s LEFT JOIN stored o USING (coverage_month, bill_no)`

var billMerge = []string{
	// Bills that change: their old lines go, with an audit entry each.
	`WITH ` + billGroups + `, changed AS (
		SELECT o.coverage_month, o.bill_no, o.n AS old_n, o.amount AS old_amount, s.n, s.amount
		FROM stored o JOIN staged s USING (coverage_month, bill_no) WHERE o.sig <> s.sig
	), gone AS (
		DELETE FROM bill_line l USING changed c
		WHERE l.pemda = $1 AND l.coverage_month = c.coverage_month AND l.bill_no = c.bill_no
	)
	INSERT INTO audit_log (pemda, user_id, username, action, entity, entity_id, summary, old_values, new_values, request_id)
	SELECT $1, nullif($2::bigint, 0), $3, 'update', 'bill', to_char(coverage_month, 'YYYY-MM') || ' ' || bill_no,
	       'Tagihan ' || to_char(coverage_month, 'MM/YYYY') || ' diganti lewat impor (batch ' || $5::bigint || ')',
	       jsonb_build_object('lines', old_n, 'amount', old_amount), jsonb_build_object('lines', n, 'amount', amount), $4
	FROM changed`,
	// The lines of new and changed bills; the batch names where they came
	// from (the actor, $2 to $4, is in the batch and its audit entry).
	`INSERT INTO bill_line (pemda, line, ` + sheet.List(Bills, "") + `, import_batch)
	SELECT $1, s.line, ` + sheet.List(Bills, "s") + `, $5
	FROM stage s, (SELECT $2::bigint, $3::text, $4::text) actor
	WHERE NOT EXISTS (SELECT 1 FROM bill_line l WHERE l.pemda = $1 AND l.coverage_month = s.coverage_month AND l.bill_no = s.bill_no)
	ORDER BY s.coverage_month, s.bill_no, s.line`,
}
