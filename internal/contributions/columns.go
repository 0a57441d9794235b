package contributions

import (
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// Contributions is the table of contribution files (iuran): one payment to
// BPJS per row. It declares every column once: the import, the forms, the
// exports and the template all follow it.
var Contributions = &sheet.Table[Contribution]{
	Kind: "contributions", Label: "Iuran", Template: "iuran", Aliases: []string{"contribution", "iuran"},
	Columns: []sheet.Column[Contribution]{
		{Spec: sheet.Spec{Name: "periode",
			Label: "Bulan kepesertaan", Input: "month", Hint: "Bulan yang dibayar iurannya.",
			Required: true, Type: sheet.Text, DB: "coverage_month", SQL: "date",
			Help:     "Bulan kepesertaan yang dibayar, misalnya 2024-01, 01/2024 atau Januari 2024.",
			Examples: [2]string{"2024-01", "Februari 2024"}, Aliases: []string{"bulan", "periode iuran", "bulan iuran", "masa iuran"}},
			Parse: func(c *sheet.Cell, r *Contribution) { r.CoverageMonth, _ = c.Month() },
			Get:   func(r *Contribution) any { return r.CoverageMonth.String() },
			Stage: func(r *Contribution) any { return r.CoverageMonth.First() }},
		{Spec: sheet.Spec{Name: "jumlah_peserta",
			Label: "Jumlah peserta", Input: "text", InputMode: "numeric", Hint: "Pada tagihan bulan itu.",
			Type: sheet.Count, DB: "participants", SQL: "bigint", Null: true,
			Help:     "Jumlah peserta pada tagihan bulan itu.",
			Examples: [2]string{"4.143", "4150"}, Aliases: []string{"peserta", "jml peserta", "jumlah tenaga kerja"}},
			Parse: func(c *sheet.Cell, r *Contribution) {
				if n, ok := c.Count(); ok {
					r.Participants = &n
				}
			},
			Get: func(r *Contribution) any { return r.Participants }},
		{Spec: sheet.Spec{Name: "tagihan",
			Label: "Tagihan (Rp)", Input: "text", InputMode: "numeric", Hint: "-",
			Type: sheet.Money, DB: "billed", SQL: "bigint", Null: true,
			Help:     "Jumlah tagihan BPJS untuk bulan itu dalam rupiah (sama pada setiap pembayaran bulan yang sama).",
			Examples: [2]string{"69.602.400", "69720000"}, Aliases: []string{"jumlah tagihan", "nilai tagihan"}},
			Parse: func(c *sheet.Cell, r *Contribution) {
				if billed, ok := c.Money(); ok {
					r.Billed = &billed
				}
			},
			Get: func(r *Contribution) any { return r.Billed }},
		{Spec: sheet.Spec{Name: "dibayar",
			Label: "Dibayar (Rp)", Input: "text", InputMode: "numeric", Hint: "Kosongkan bila tagihan belum dibayar.",
			Type: sheet.Money, DB: "paid", SQL: "bigint", Null: true,
			Help:     "Jumlah yang dibayar dalam rupiah; kosongkan bersama tanggal bayar untuk tagihan yang belum dibayar.",
			Examples: [2]string{"69.602.400", "Rp 69.720.000"}, Aliases: []string{"jumlah dibayar", "jumlah bayar", "nilai bayar", "pembayaran", "realisasi"}},
			Parse: func(c *sheet.Cell, r *Contribution) { r.Paid, _ = c.Money() },
			Get: func(r *Contribution) any {
				if r.Unpaid() {
					return nil
				}
				return r.Paid
			}},
		{Spec: sheet.Spec{Name: "tanggal_bayar",
			Label: "Tanggal bayar", Input: "date", Hint: "Tanggal SP2D; kosongkan bila belum dibayar.",
			Type: sheet.Date, DB: "paid_on", SQL: "date", Null: true,
			Help:     "Tanggal pembayaran (tanggal SP2D); kosongkan untuk tagihan yang belum dibayar.",
			Examples: [2]string{"15/02/2024", "2024-03-14"}, Aliases: []string{"tgl bayar", "tanggal sp2d", "tgl sp2d"}},
			Parse: func(c *sheet.Cell, r *Contribution) { r.PaidOn, _ = c.Date() },
			Get:   func(r *Contribution) any { return r.PaidOn }},
		{Spec: sheet.Spec{Name: "no_sp2d",
			Label: "No. SP2D", Input: "text", Hint: "-",
			Type: sheet.Text, DB: "sp2d_no", SQL: "text", Null: true,
			Help:     "Nomor SP2D.",
			Examples: [2]string{"0123/SP2D/LS/2024", "0187/SP2D/LS/2024"}, Aliases: []string{"sp2d", "nomor sp2d"}},
			Parse: func(c *sheet.Cell, r *Contribution) { r.SP2D = c.Name() },
			Get:   func(r *Contribution) any { return r.SP2D }},
		{Spec: sheet.Spec{Name: "keterangan",
			Label: "Keterangan", Input: "textarea", Wide: true, Hint: "-",
			Type: sheet.Text, DB: "note", SQL: "text",
			Help:     "Catatan bebas.",
			Examples: [2]string{"Iuran Januari 2024", ""}, Aliases: []string{"ket", "catatan"}},
			Parse: func(c *sheet.Cell, r *Contribution) { r.Note = c.Text() },
			Get:   func(r *Contribution) any { return r.Note }},
	},
	Check: checkContributionRow,
}

// checkContributionRow asks for a payment's amount and date together, and
// for a bill not yet paid (neither) its tagihan and no SP2D.
func checkContributionRow(row *sheet.Row, r *Contribution) {
	paid, dated := !row.Empty("dibayar"), !row.Empty("tanggal_bayar")
	switch {
	case paid && !dated:
		row.Fail("tanggal_bayar", "tanggal belum diisi; kosongkan jumlah dibayar bila tagihan belum dibayar")
	case dated && !paid:
		row.Fail("dibayar", "nilai rupiah belum diisi; kosongkan tanggal bayar bila tagihan belum dibayar")
	case !paid && !dated && r.Billed == nil && !row.Bad("tagihan"):
		row.Fail("dibayar", "isi jumlah dibayar dan tanggal bayar, atau tagihan bila iuran belum dibayar")
	case !paid && !dated && r.SP2D != "":
		row.Fail("no_sp2d", "tagihan yang belum dibayar tidak punya SP2D; isi juga jumlah dibayar dan tanggal bayar")
	}
}

// ContributionImport is the import of contribution files: a payment with
// the same month and SP2D number (without one: the same month, date and
// amount) updates the stored one.
var ContributionImport = sheet.KindOf(Contributions, "iuran", contributionChecks, contributionCounts, contributionMerge)

var contributionChecks = []string{
	`SELECT s.line, 'no_sp2d',
	        format('pembayaran iuran %s dengan SP2D %s sudah ada di baris %s', to_char(s.coverage_month, 'MM/YYYY'), s.sp2d_no, s.first)
	 FROM (SELECT line, coverage_month, sp2d_no, min(line) OVER (PARTITION BY coverage_month, sp2d_no) AS first
	       FROM stage WHERE sp2d_no IS NOT NULL) s
	 WHERE s.line <> s.first`,
	`SELECT s.line, 'dibayar',
	        format('pembayaran iuran %s tanpa SP2D dengan tanggal dan jumlah yang sama sudah ada di baris %s',
	               to_char(s.coverage_month, 'MM/YYYY'), s.first)
	 FROM (SELECT line, coverage_month, min(line) OVER (PARTITION BY coverage_month, paid_on, paid) AS first
	       FROM stage WHERE sp2d_no IS NULL AND paid IS NOT NULL) s
	 WHERE s.line <> s.first`,
	`SELECT s.line, 'tagihan',
	        format('tagihan iuran %s yang belum dibayar sudah ada di baris %s', to_char(s.coverage_month, 'MM/YYYY'), s.first)
	 FROM (SELECT line, coverage_month, min(line) OVER (PARTITION BY coverage_month) AS first
	       FROM stage WHERE paid IS NULL) s
	 WHERE s.line <> s.first`,
}

// contributionMatch pairs a staged payment with the stored one it updates:
// the same month and SP2D number, or without one the same month, date and
// amount; a bill not paid yet pairs with the month's unpaid bill.
const contributionMatch = `
	LEFT JOIN contribution c ON c.pemda = $1 AND c.coverage_month = s.coverage_month
	     AND ((s.sp2d_no IS NOT NULL AND c.sp2d_no = s.sp2d_no)
	       OR (s.sp2d_no IS NULL AND c.sp2d_no IS NULL AND c.paid_on = s.paid_on AND c.paid = s.paid)
	       OR (s.paid IS NULL AND c.paid IS NULL))`

const contributionCounts = `
	SELECT count(*) FILTER (WHERE c.id IS NULL),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE c.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT c.id, (c.participants, c.billed, c.paid, c.paid_on, c.note)
		             IS DISTINCT FROM (s.participants, s.billed, s.paid, s.paid_on, s.note) AS changed
		FROM stage s` + contributionMatch + `
	) c`

var contributionMerge = []string{
	`WITH old AS (
		SELECT c.* FROM contribution c WHERE c.pemda = $1 AND c.coverage_month IN (SELECT coverage_month FROM stage)
	), up AS (
		INSERT INTO contribution AS c (pemda, ` + sheet.List(Contributions, "") + `)
		SELECT $1, ` + sheet.List(Contributions, "") + ` FROM stage WHERE sp2d_no IS NOT NULL
		ON CONFLICT (pemda, coverage_month, sp2d_no) WHERE sp2d_no IS NOT NULL DO UPDATE SET
			participants = EXCLUDED.participants, billed = EXCLUDED.billed, paid = EXCLUDED.paid,
			paid_on = EXCLUDED.paid_on, note = EXCLUDED.note, updated_at = now()
		WHERE (c.participants, c.billed, c.paid, c.paid_on, c.note)
		      IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.billed, EXCLUDED.paid, EXCLUDED.paid_on, EXCLUDED.note)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("contribution"),
	`WITH old AS (
		SELECT c.* FROM contribution c WHERE c.pemda = $1 AND c.coverage_month IN (SELECT coverage_month FROM stage)
	), up AS (
		INSERT INTO contribution AS c (pemda, ` + sheet.List(Contributions, "") + `)
		SELECT $1, ` + sheet.List(Contributions, "") + ` FROM stage WHERE sp2d_no IS NULL AND paid IS NOT NULL
		ON CONFLICT (pemda, coverage_month, paid_on, paid) WHERE sp2d_no IS NULL DO UPDATE SET
			participants = EXCLUDED.participants, billed = EXCLUDED.billed, note = EXCLUDED.note, updated_at = now()
		WHERE (c.participants, c.billed, c.note) IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.billed, EXCLUDED.note)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("contribution"),
	`WITH old AS (
		SELECT c.* FROM contribution c WHERE c.pemda = $1 AND c.coverage_month IN (SELECT coverage_month FROM stage)
	), up AS (
		INSERT INTO contribution AS c (pemda, ` + sheet.List(Contributions, "") + `)
		SELECT $1, ` + sheet.List(Contributions, "") + ` FROM stage WHERE paid IS NULL
		ON CONFLICT (pemda, coverage_month) WHERE paid IS NULL DO UPDATE SET
			participants = EXCLUDED.participants, billed = EXCLUDED.billed, note = EXCLUDED.note, updated_at = now()
		WHERE (c.participants, c.billed, c.note) IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.billed, EXCLUDED.note)
		RETURNING c.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("contribution"),
}
