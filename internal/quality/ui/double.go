package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/platform/wilayah"
	"github.com/cilegon/monev/internal/quality"
)

// DoubleProps is the double-funding page: the NIKs covered by two or more
// Pemda of the user's scope in the same months of the period.
type DoubleProps struct {
	Period   domain.Period
	Notice   string
	Scope    int // how many Pemda the look-up covered
	Found    []quality.DoubleFunding
	Names    map[string]string // Pemda code → name
	FullNIK  bool
	PeriodIn string // the period as the form shows it
}

// NIK is a finding's NIK as the user may see it.
func (p DoubleProps) NIK(d quality.DoubleFunding) string {
	if p.FullNIK {
		return string(d.NIK)
	}
	return d.NIK.Masked()
}

// WorkerHref finds the NIK in one Pemda's registry, switching to it.
func (p DoubleProps) WorkerHref(d quality.DoubleFunding, code string) string {
	return "/workers?" + url.Values{"q": {string(d.NIK)}, "pemda": {code}}.Encode()
}

// ExportHref is the address of the CSV or XLSX of the same look-up.
func (p DoubleProps) ExportHref(format string) string {
	return "/quality/double-funding." + format + "?" + url.Values{"period": {p.Period.String()}}.Encode()
}

// Months lists the overlapping months in words.
func Months(d quality.DoubleFunding) string {
	var parts []string
	for _, m := range d.Months {
		parts = append(parts, m.ShortLabel())
	}
	return strings.Join(parts, ", ")
}

// loadDouble runs the look-up for the address's period over the user's scope.
func (s *Handlers) loadDouble(r *http.Request) (DoubleProps, int, error) {
	u := httpx.User(r)
	p := DoubleProps{FullNIK: u.Role.SeesFullNIK(), Names: map[string]string{}}
	status := http.StatusOK
	period, err := quality.DoubleFundingPeriod(r.URL.Query(), s.Now())
	if err != nil {
		p.Notice = "Periode tidak valid: " + err.Error()
		status = http.StatusBadRequest
		period = domain.YearPeriod(s.Now().Year())
	}
	p.Period, p.PeriodIn = period, period.String()
	scope := quality.Scope(u)
	p.Scope = len(scope)
	for _, code := range scope {
		p.Names[code] = s.PemdaName(r.Context(), code)
	}
	p.Found, err = s.svc.DoubleFunding(r.Context(), scope, period)
	return p, status, err
}

// double is /quality/double-funding.
func (s *Handlers) double(w http.ResponseWriter, r *http.Request) {
	p, status, err := s.loadDouble(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, status, "Pembiayaan ganda antar-Pemda", "quality", Double(p))
}

// doubleExport is /quality/double-funding.{csv,xlsx}, recorded in the audit log.
func (s *Handlers) doubleExport(w http.ResponseWriter, r *http.Request) {
	p, status, err := s.loadDouble(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	t := records.Table{File: "pembiayaan-ganda-" + strings.ReplaceAll(p.Period.String(), "..", "-"),
		Title:  "Pembiayaan ganda antar-Pemda " + p.Period.Label(),
		Header: []string{"nik", "nama", "kode_pemda", "pemda", "bulan_tumpang_tindih"}}
	for _, d := range p.Found {
		var codes []string
		for _, c := range d.Pemdas {
			dotted, _ := wilayah.ParseCode(c)
			codes = append(codes, dotted)
		}
		var names []string
		for _, c := range d.Pemdas {
			names = append(names, p.Names[c])
		}
		var months []string
		for _, m := range d.Months {
			months = append(months, m.String())
		}
		t.Rows = append(t.Rows, []any{p.NIK(d), strings.Join(d.Names, "; "), strings.Join(codes, "; "),
			strings.Join(names, "; "), strings.Join(months, " ")})
	}
	records.ExportTable(s.Site, s.audit, w, r, status, "quality", t)
}
