package ui

import (
	"net/url"
	"strconv"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/quality"
	"github.com/cilegon/monev/internal/registry"
)

// SummaryProps is the data-quality page: every check with its count and
// first findings.
type SummaryProps struct {
	Results []quality.Result
	FullNIK bool // the user may see NIKs in full
}

// Found is how many findings all checks made together.
func (p SummaryProps) Found() int64 {
	var n int64
	for _, r := range p.Results {
		n += r.Count
	}
	return n
}

// Failing is how many checks found something.
func (p SummaryProps) Failing() int {
	n := 0
	for _, r := range p.Results {
		if r.Count > 0 {
			n++
		}
	}
	return n
}

// CheckProps is one check's findings, a page at a time.
type CheckProps struct {
	Result   quality.Result
	Page     int
	PerPage  int
	FullNIK  bool
	Benefits []domain.Benefit // the standard benefits the amount check compares with
}

// Pages is how many pages of findings there are.
func (p CheckProps) Pages() int {
	return max(1, int((p.Result.Count+int64(p.PerPage)-1)/int64(p.PerPage)))
}

// RangeLabel says which findings the page lists: "Temuan 51–60 dari 60".
func (p CheckProps) RangeLabel() string {
	first := int64((p.Page-1)*p.PerPage) + 1
	last := first + int64(len(p.Result.Findings)) - 1
	of := " dari " + domain.FormatInt(p.Result.Count)
	if first == last {
		return "Temuan " + domain.FormatInt(first) + of
	}
	return "Temuan " + domain.FormatInt(first) + "–" + domain.FormatInt(last) + of
}

// PageHref links another page of the check's findings.
func (p CheckProps) PageHref(page int) string {
	return qualityCheckHref(p.Result.Check, page)
}

// findingsTable is what a table of findings needs to know.
type findingsTable struct {
	Check    quality.Check
	Findings []quality.Finding
	FullNIK  bool
}

// showsClaims reports whether the table needs its claim column.
func (t findingsTable) showsClaims() bool {
	for _, f := range t.Findings {
		if f.Claim != nil {
			return true
		}
	}
	return false
}

// people are the workers of a finding: the one it is about and, for
// duplicates, the others of the group.
func (t findingsTable) people(x quality.Finding) []registry.Worker {
	return append([]registry.Worker{x.Worker}, x.Others...)
}

// nik shows a NIK in full or masked, as the user's role allows.
func (t findingsTable) nik(n domain.NIK) string {
	if t.FullNIK {
		return string(n)
	}
	return n.Masked()
}

func qualityCheckHref(c quality.Check, page int) string {
	return "/quality/" + string(c) + "?page=" + strconv.Itoa(page)
}

func qualityWorkerHref(w registry.Worker) string { return "/workers/" + strconv.FormatInt(w.ID, 10) }

// qualityClaimHref finds the claim in the claim list by its number, or
// shows its worker when it has none.
func qualityClaimHref(f quality.Finding) string {
	if f.Claim.No == "" {
		return qualityWorkerHref(f.Worker)
	}
	return "/claims?q=" + url.QueryEscape(f.Claim.No)
}

func qualityClaimLabel(c *claims.Claim) string {
	if c.No == "" {
		return "Klaim tanpa nomor"
	}
	return c.No
}

// qualityClaimFacts is the claim's type, incident date and amount on one line.
func qualityClaimFacts(c *claims.Claim) string {
	return c.Type.ShortName() + " · " + domain.FormatDateShort(c.IncidentOn) + " · " + c.Amount.String()
}

// qualityStatusClass is the badge class of a claim status.
func qualityStatusClass(s domain.ClaimStatus) string {
	switch s {
	case domain.ClaimPaid:
		return "badge-surplus"
	case domain.ClaimRejected:
		return "badge-deficit"
	}
	return "badge-muted"
}

// qualityCountLabel says how many findings a check made: "tidak ada" or "3 temuan".
func qualityCountLabel(n int64) string {
	if n == 0 {
		return "Tidak ada"
	}
	return domain.FormatInt(n) + " temuan"
}

// benefitIncomeNote says which income a benefit that depends on it was computed for, or "".
func benefitIncomeNote(b domain.Benefit) string {
	if b.IncomePercent == 0 {
		return ""
	}
	return "pada penghasilan " + domain.DefaultIncome.String()
}
