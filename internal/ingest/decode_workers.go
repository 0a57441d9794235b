package ingest

import (
	"time"

	"github.com/cilegon/monev/internal/domain"
)

// decodeWorker parses the current row of a Workers file into d.worker and
// reports whether it is valid; every problem is recorded.
func (d *Decoder) decodeWorker() bool {
	p := &d.p
	w, nikOK := p.workerDetails(&d.res)
	e := p.spell()
	if nikOK {
		checkAgainstNIK(p, w.NIK, w.BirthDate, w.Sex)
	}
	if !p.valid() {
		return false
	}
	w.Enrollments = []domain.Enrollment{e}
	d.worker = WorkerRow{Line: p.line, Worker: w}
	return true
}

// workerDetails reads the worker's own columns of a row (not the spell's);
// nikOK says whether the NIK is valid, so it can be checked against the
// birth date and sex.
func (p *rowParser) workerDetails(res *resolver) (w domain.Worker, nikOK bool) {
	w.NIK, nikOK = p.nik(wNIK)
	w.Name = p.requiredName(wName, "nama")
	w.CategoryCode = p.category(wCategory, res)
	w.KelurahanCode = p.kelurahan(wKelurahan, res)
	w.Address = p.name(wAddress)
	w.BirthDate, _ = p.date(wBirth, false)
	w.Sex, _ = parseText(p, wSex, "", optionalSex)
	w.KPJ, _ = parseText(p, wKPJ, msgKPJNumber, parseKPJ)
	w.Phone, _ = parseText(p, wPhone, "", parsePhone)
	w.Income = domain.DefaultIncome
	if income, ok := p.money(wIncome, false); ok {
		if income == 0 {
			p.fail(wIncome, "penghasilan harus lebih dari 0; kosongkan untuk Rp 1.000.000")
		}
		w.Income = income
	}
	return w, nikOK
}

// spell reads the coverage spell of a Workers row: its start, end and status.
func (p *rowParser) spell() domain.Enrollment {
	e := domain.Enrollment{}
	e.Start, _ = p.date(wStart, true)
	end, endOK := p.date(wEnd, false)
	e.Status, _ = parseText(p, wStatus, "", domain.ParseEnrollmentStatus)
	if !end.IsZero() {
		e.End = &end
	}
	notBefore(p, wEnd, "tanggal selesai", end, "tanggal mulai", e.Start)
	if endOK && e.End == nil && (e.Status == domain.StatusInactive || e.Status == domain.StatusDeceased) {
		p.fail(wEnd, "wajib diisi bila status "+string(e.Status))
	}
	return e
}

// optionalSex reads jenis kelamin, which may be left empty.
func optionalSex(s string) (domain.Sex, error) {
	if s == "" {
		return "", nil
	}
	return domain.ParseSex(s)
}

// checkAgainstNIK records where the birth date or sex typed in the row
// disagrees with what the NIK encodes (women have 40 added to the day).
func checkAgainstNIK(p *rowParser, nik domain.NIK, birth time.Time, sex domain.Sex) {
	fromNIK := nik.BirthDate()
	if !birth.IsZero() && (birth.Day() != fromNIK.Day() || birth.Month() != fromNIK.Month() || birth.Year()%100 != fromNIK.Year()%100) {
		p.fail(wBirth, "tanggal lahir "+domain.FormatDate(birth)+" tidak cocok dengan NIK; menurut NIK lahir "+domain.FormatDate(fromNIK))
	}
	if sex != "" && sex != nik.Sex() {
		why := "laki-laki (tanggal lahir pada NIK tidak ditambah 40)"
		if nik.Sex() == domain.SexFemale {
			why = "perempuan (tanggal lahir pada NIK ditambah 40)"
		}
		p.fail(wSex, "jenis kelamin "+string(sex)+" tidak cocok dengan NIK; menurut NIK "+why)
	}
}
