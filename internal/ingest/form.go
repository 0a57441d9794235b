package ingest

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// Forms in the browser send one record with the canonical column names of
// Columns(kind) as field names. The functions here read such a record
// through the same row parser as the Decoder, so a form accepts what an
// import accepts and says what is wrong in the same words. Unknown keys are
// ignored; the RowErrors have Line 0.

// ParseWorker reads one worker with its first coverage spell.
func ParseWorker(ref Reference, values map[string]string) (WorkerRow, []RowError) {
	d := formDecoder(Workers, ref, values)
	d.decodeWorker()
	return d.worker, d.formResult()
}

// ParseWorkerDetails reads a worker's own columns without a spell, for the
// form that corrects a registered worker.
func ParseWorkerDetails(ref Reference, values map[string]string) (domain.Worker, []RowError) {
	d := formDecoder(Workers, ref, values)
	w, nikOK := d.p.workerDetails(&d.res)
	if nikOK {
		checkAgainstNIK(&d.p, w.NIK, w.BirthDate, w.Sex)
	}
	return w, d.formResult()
}

// ParseEnrollment reads one coverage spell: tanggal_mulai, tanggal_selesai
// and status of the workers layout.
func ParseEnrollment(values map[string]string) (domain.Enrollment, []RowError) {
	d := formDecoder(Workers, Reference{}, values)
	e := d.p.spell()
	return e, d.formResult()
}

// ParseContribution reads one contribution payment.
func ParseContribution(values map[string]string) (ContributionRow, []RowError) {
	d := formDecoder(Contributions, Reference{}, values)
	d.decodeContribution()
	return d.contribution, d.formResult()
}

// ParseClaim reads one claim; Claim.NIK names the worker.
func ParseClaim(values map[string]string) (ClaimRow, []RowError) {
	d := formDecoder(Claims, Reference{}, values)
	d.decodeClaim()
	return d.claim, d.formResult()
}

// FieldErrors turns the problems of a form into messages by field (the column name).
func FieldErrors(errs []RowError) domain.FieldErrors {
	fe := domain.FieldErrors{}
	for _, e := range errs {
		fe.Add(e.Column, e.Msg)
	}
	return fe
}

// formDecoder is a Decoder positioned on one row made of values, with the
// columns of kind in template order.
func formDecoder(kind Kind, ref Reference, values map[string]string) *Decoder {
	cols := columnsOf(kind)
	idx := make([]int, len(cols))
	cells := make([]cell, len(cols))
	for i, c := range cols {
		idx[i] = i
		cells[i] = cell{text: values[c.Name], kind: textCell}
	}
	d := &Decoder{kind: kind, lim: Limits{}.withDefaults(), res: newResolver(ref)}
	d.p = rowParser{cols: cols, idx: idx, maxChars: d.lim.MaxCellChars, dates: make([]dateMemo, len(cols))}
	d.p.start(0, cells)
	return d
}

// formResult returns a copy of the row's problems (the parser reuses its
// slice), nil when the row is valid.
func (d *Decoder) formResult() []RowError {
	if d.p.valid() {
		return nil
	}
	return append([]RowError(nil), d.p.rowErrs...)
}

// WorkerValues is a worker and one of its spells (nil for none) as a form
// holds them: the canonical columns, days as a date input holds them and
// amounts grouped by dots, so that saving an unchanged form gives the same
// record.
func WorkerValues(w domain.Worker, e *domain.Enrollment) map[string]string {
	v := map[string]string{
		"nik": string(w.NIK), "nama": w.Name, "tanggal_lahir": isoDay(w.BirthDate), "jenis_kelamin": string(w.Sex),
		"kategori": w.CategoryCode, "kelurahan": w.KelurahanCode, "no_kpj": w.KPJ, "penghasilan": w.Income.Plain(),
		"alamat": w.Address, "no_hp": w.Phone,
	}
	if e != nil {
		for k, x := range EnrollmentValues(*e) {
			v[k] = x
		}
	}
	return v
}

// EnrollmentValues is a spell as its form holds it.
func EnrollmentValues(e domain.Enrollment) map[string]string {
	return map[string]string{"tanggal_mulai": isoDay(e.Start), "tanggal_selesai": isoDay(optionalDay(e.End)), "status": string(e.Status)}
}

// ContributionValues is a contribution payment as its form holds it.
func ContributionValues(c domain.Contribution) map[string]string {
	v := map[string]string{
		"periode": c.CoverageMonth.String(), "dibayar": c.Paid.Plain(), "tanggal_bayar": isoDay(c.PaidOn),
		"no_sp2d": c.SP2D, "keterangan": c.Note,
	}
	if c.Participants != nil {
		v["jumlah_peserta"] = domain.FormatInt(*c.Participants)
	}
	if c.Billed != nil {
		v["tagihan"] = c.Billed.Plain()
	}
	return v
}

// ClaimValues is a claim as its form holds it.
func ClaimValues(c domain.Claim) map[string]string {
	return map[string]string{
		"no_klaim": c.No, "nik": string(c.NIK), "jenis_klaim": string(c.Type), "tanggal_kejadian": isoDay(c.IncidentOn),
		"tanggal_pengajuan": isoDay(c.SubmittedOn), "tanggal_bayar": isoDay(c.PaidOn), "nominal": c.Amount.Plain(),
		"status": string(c.Status), "ahli_waris": c.Beneficiary, "keterangan": c.Note,
	}
}

// isoDay writes a day as a date input holds it, 2024-07-17; "" for the zero time.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
