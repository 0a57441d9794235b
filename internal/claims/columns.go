package claims

import (
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/sheet"
)

// Claims is the table of claim files (klaim): one benefit claim per row,
// naming its worker by NIK. It declares every column once: the import, the
// forms, the exports and the template all follow it.
var Claims = &sheet.Table[Claim]{
	Kind: "claims", Label: "Klaim", Template: "klaim", Aliases: []string{"claim", "klaim"},
	Columns: []sheet.Column[Claim]{
		{Spec: sheet.Spec{Name: "no_klaim",
			Label: "No. klaim", Input: "text", Hint: "Dari BPJS Ketenagakerjaan, bila ada.",
			Type: sheet.Text, DB: "claim_no", SQL: "text", Null: true,
			Help:     "Nomor klaim dari BPJS Ketenagakerjaan.",
			Examples: [2]string{"KLM-2024-000123", ""}, Aliases: []string{"nomor klaim"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.No = c.Name() },
			Get:   func(r *Claim) any { return r.No }},
		{Spec: sheet.Spec{Name: "nik",
			Label: "NIK peserta", Input: "text", InputMode: "numeric", Hint: "Peserta harus sudah terdaftar.",
			Required: true, Type: sheet.ID, DB: "nik", SQL: "text", Masked: true,
			Help:     "NIK peserta, 16 digit; peserta harus sudah terdaftar. Format kolom sebagai Teks.",
			Examples: [2]string{"3672031203850004", "3672045707900012"}, Aliases: []string{"no nik", "nomor nik", "nik peserta", "nik ktp"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.NIK, _ = c.NIK() },
			Get:   func(r *Claim) any { return r.NIK }},
		{Spec: sheet.Spec{Name: "jenis_klaim",
			Label: "Jenis klaim", Input: "select", Hint: "-", Options: claimTypeOptions(),
			Required: true, Type: sheet.Text, DB: "type", SQL: "text",
			Help:     "JKM, JKK_MENINGGAL, JKK_CACAT, JKK_PERAWATAN atau BEASISWA; nama seperti Jaminan Kematian juga diterima.",
			Examples: [2]string{"JKM", "JKK Perawatan"}, Aliases: []string{"jenis", "jenis manfaat", "program", "tipe klaim"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.Type, _ = sheet.Parse(c, "", domain.ParseClaimType) },
			Get:   func(r *Claim) any { return string(r.Type) }},
		{Spec: sheet.Spec{Name: "tanggal_kejadian",
			Label: "Tanggal kejadian", Input: "date", Hint: "Tanggal meninggal dunia atau kecelakaan kerja.",
			Required: true, Type: sheet.Date, DB: "incident_on", SQL: "date",
			Help:     "Tanggal meninggal dunia atau kecelakaan kerja.",
			Examples: [2]string{"03/05/2024", "12/06/2024"}, Aliases: []string{"tgl kejadian", "tanggal peristiwa"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.IncidentOn, _ = c.Date() },
			Get:   func(r *Claim) any { return r.IncidentOn }},
		{Spec: sheet.Spec{Name: "tanggal_pengajuan",
			Label: "Tanggal pengajuan", Input: "date", Hint: "Tidak boleh sebelum tanggal kejadian.",
			Type: sheet.Date, DB: "submitted_on", SQL: "date", Null: true, Group: groupValues,
			Help:     "Tanggal klaim diajukan; tidak boleh sebelum tanggal kejadian.",
			Examples: [2]string{"10/05/2024", "14/06/2024"}, Aliases: []string{"tgl pengajuan", "tanggal klaim"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.SubmittedOn, _ = c.Date() },
			Get:   func(r *Claim) any { return r.SubmittedOn }},
		{Spec: sheet.Spec{Name: "tanggal_bayar",
			Label: "Tanggal bayar", Input: "date", Hint: "Wajib bila status dibayar.",
			Type: sheet.Date, DB: "paid_on", SQL: "date", Null: true, Group: groupValues,
			Help:     "Tanggal klaim dibayar; wajib bila status dibayar, tidak boleh sebelum tanggal kejadian.",
			Examples: [2]string{"24/05/2024", ""}, Aliases: []string{"tgl bayar", "tanggal pembayaran", "tgl pembayaran"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.PaidOn, _ = c.Date() },
			Get:   func(r *Claim) any { return r.PaidOn }},
		{Spec: sheet.Spec{Name: "nominal",
			Label: "Nominal (Rp)", Input: "text", InputMode: "numeric", Hint: "-",
			Required: true, Type: sheet.Money, DB: "amount", SQL: "bigint", Group: groupValues,
			Help:     "Nilai klaim dalam rupiah.",
			Examples: [2]string{"42.000.000", "3.500.000"}, Aliases: []string{"jumlah", "nilai klaim", "nominal klaim", "jumlah klaim", "manfaat"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.Amount, _ = c.Money() },
			Get:   func(r *Claim) any { return r.Amount }},
		{Spec: sheet.Spec{Name: "status",
			Label: "Status klaim", Input: "select", Hint: "-", Options: claimStatusOptions(),
			Type: sheet.Text, DB: "status", SQL: "text", Group: groupValues,
			Help:     "diajukan, diproses, dibayar atau ditolak; kosong berarti dibayar.",
			Examples: [2]string{"dibayar", "diproses"}, Aliases: []string{"status klaim"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.Status, _ = sheet.Parse(c, "", domain.ParseClaimStatus) },
			Get:   func(r *Claim) any { return string(r.Status) }},
		{Spec: sheet.Spec{Name: "ahli_waris",
			Label: "Ahli waris", Input: "text", Hint: "Penerima santunan kematian.",
			Type: sheet.Text, DB: "beneficiary", SQL: "text", Group: groupValues,
			Help:     "Nama ahli waris penerima santunan kematian.",
			Examples: [2]string{"Budi Santoso", ""}, Aliases: []string{"nama ahli waris", "penerima"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.Beneficiary = c.Name() },
			Get:   func(r *Claim) any { return r.Beneficiary }},
		{Spec: sheet.Spec{Name: "keterangan",
			Label: "Keterangan", Input: "textarea", Wide: true, Hint: "-",
			Type: sheet.Text, DB: "note", SQL: "text", Group: groupValues,
			Help:     "Catatan bebas.",
			Examples: [2]string{"", "Perawatan di RSUD Cilegon"}, Aliases: []string{"ket", "catatan"}},
			Parse: func(c *sheet.Cell, r *Claim) { r.Note = c.Text() },
			Get:   func(r *Claim) any { return r.Note }},
	},
	Check: func(row *sheet.Row, c *Claim) {
		row.NotBefore("tanggal_pengajuan", "tanggal pengajuan", c.SubmittedOn, "tanggal kejadian", c.IncidentOn)
		row.NotBefore("tanggal_bayar", "tanggal bayar", c.PaidOn, "tanggal kejadian", c.IncidentOn)
		if !row.Bad("tanggal_bayar") && c.PaidOn.IsZero() && c.Status == domain.ClaimPaid {
			row.Fail("tanggal_bayar", "wajib diisi bila status dibayar")
		}
	},
}

// groupValues are the columns a claim row sets besides its keys.
const groupValues = "values"

// ClaimImport is the import of claim files: a claim with the same number
// (without one: the same worker, type and incident date) updates the stored
// one. Every claim's NIK must be a registered worker.
var ClaimImport = sheet.KindOf(Claims, "klaim", claimChecks, claimCounts, claimMerge)

// claimValues are the columns a claim row sets besides its keys.
var claimValues = sheet.List(Claims, "", groupValues)

var claimChecks = []string{
	`SELECT s.line, 'nik', format('NIK %s belum terdaftar sebagai peserta; impor data peserta terlebih dahulu', s.nik)
	 FROM stage s WHERE NOT EXISTS (SELECT 1 FROM worker w WHERE w.pemda = $1 AND w.nik = s.nik)`,
	`SELECT s.line, 'no_klaim', format('nomor klaim %s sudah ada di baris %s', s.claim_no, s.first)
	 FROM (SELECT line, claim_no, min(line) OVER (PARTITION BY claim_no) AS first FROM stage WHERE claim_no IS NOT NULL) s
	 WHERE s.line <> s.first`,
	`SELECT s.line, 'tanggal_kejadian',
	        format('klaim %s untuk NIK %s dengan tanggal kejadian %s sudah ada di baris %s; beri nomor klaim bila keduanya benar',
	               s.type, s.nik, to_char(s.incident_on, 'DD/MM/YYYY'), s.first)
	 FROM (SELECT line, nik, type, incident_on, min(line) OVER (PARTITION BY nik, type, incident_on) AS first
	       FROM stage WHERE claim_no IS NULL) s
	 WHERE s.line <> s.first`,
}

// claimMatch pairs a staged claim with its worker and the stored claim it
// updates: the same claim number, or without one the same worker, type and
// incident date.
const claimMatch = `
	JOIN worker w ON w.pemda = $1 AND w.nik = s.nik
	LEFT JOIN claim k ON k.pemda = $1
	     AND ((s.claim_no IS NOT NULL AND k.claim_no = s.claim_no)
	       OR (s.claim_no IS NULL AND k.claim_no IS NULL AND k.worker_id = w.id AND k.type = s.type AND k.incident_on = s.incident_on))`

var claimCounts = `
	SELECT count(*) FILTER (WHERE k.id IS NULL),
	       count(*) FILTER (WHERE k.id IS NOT NULL AND changed),
	       count(*) FILTER (WHERE k.id IS NOT NULL AND NOT changed)
	FROM (
		SELECT k.id, (k.worker_id, k.type, k.incident_on, ` + sheet.List(Claims, "k", groupValues) + `)
		             IS DISTINCT FROM (w.id, s.type, s.incident_on, ` + sheet.List(Claims, "s", groupValues) + `) AS changed
		FROM stage s` + claimMatch + `
	) k`

var claimMerge = []string{
	`WITH old AS (
		SELECT k.* FROM claim k WHERE k.pemda = $1 AND k.claim_no IN (SELECT claim_no FROM stage)
	), up AS (
		INSERT INTO claim AS k (pemda, claim_no, worker_id, category_code, kelurahan_code, type, incident_on, ` + claimValues + `)
		SELECT $1, s.claim_no, w.id, w.category_code, w.kelurahan_code, s.type, s.incident_on, ` + sheet.List(Claims, "s", groupValues) + `
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik WHERE s.claim_no IS NOT NULL
		ON CONFLICT (pemda, claim_no) WHERE claim_no IS NOT NULL DO UPDATE SET
			worker_id = EXCLUDED.worker_id, category_code = EXCLUDED.category_code, kelurahan_code = EXCLUDED.kelurahan_code,
			type = EXCLUDED.type, incident_on = EXCLUDED.incident_on, ` + sheet.SetFrom(Claims, "EXCLUDED", groupValues) + `, updated_at = now()
		WHERE (k.worker_id, k.type, k.incident_on, ` + sheet.List(Claims, "k", groupValues) + `)
		      IS DISTINCT FROM (EXCLUDED.worker_id, EXCLUDED.type, EXCLUDED.incident_on, ` + sheet.List(Claims, "EXCLUDED", groupValues) + `)
		RETURNING k.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("claim"),
	`WITH old AS (
		SELECT k.* FROM claim k JOIN worker w ON w.pemda = k.pemda AND w.id = k.worker_id
		WHERE k.pemda = $1 AND k.claim_no IS NULL AND w.nik IN (SELECT nik FROM stage)
	), up AS (
		INSERT INTO claim AS k (pemda, worker_id, category_code, kelurahan_code, type, incident_on, ` + claimValues + `)
		SELECT $1, w.id, w.category_code, w.kelurahan_code, s.type, s.incident_on, ` + sheet.List(Claims, "s", groupValues) + `
		FROM stage s JOIN worker w ON w.pemda = $1 AND w.nik = s.nik WHERE s.claim_no IS NULL
		ON CONFLICT (pemda, worker_id, type, incident_on) WHERE claim_no IS NULL DO UPDATE SET
			` + sheet.SetFrom(Claims, "EXCLUDED", groupValues) + `, updated_at = now()
		WHERE (` + sheet.List(Claims, "k", groupValues) + `) IS DISTINCT FROM (` + sheet.List(Claims, "EXCLUDED", groupValues) + `)
		RETURNING k.*, (xmax = 0) AS inserted
	)` + audit.ChangesSQL("claim"),
}

// claimTypeOptions are the claim types, for a form's select.
func claimTypeOptions() []sheet.Option {
	opts := []sheet.Option{{Value: "", Label: "Pilih jenis klaim"}}
	for _, t := range domain.ClaimTypes {
		opts = append(opts, sheet.Option{Value: string(t), Label: t.Name()})
	}
	return opts
}

// claimStatusOptions are the statuses of a claim, for a form's select.
func claimStatusOptions() []sheet.Option {
	var opts []sheet.Option
	for _, s := range domain.ClaimStatuses {
		opts = append(opts, sheet.Option{Value: string(s), Label: s.Label()})
	}
	return opts
}
