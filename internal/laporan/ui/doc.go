package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// ReportDoc is a monev report as a document: what the print view, the
// PDF, the summary for the Walikota and the review page show. A final
// report's Figures are its frozen snapshot; an earlier one's are the data
// as it stands.
type ReportDoc struct {
	Letterhead settings.Letterhead
	Report     laporan.Report
	Figures    laporan.Figures
	Frozen     bool
	// Changes lists the figures that differ between the signed snapshot
	// and the data now, side by side.
	Changes []laporan.FigureChange
	// Tampered explains a snapshot that fails its checksum check; "" when sound.
	Tampered string
	// Trail is who prepared, reviewed and signed the report, for the approval sheet.
	Trail []TrailStep
	// Previous is the status of the previous meeting's follow-up items,
	// frozen with the figures once signed; nil when there is none.
	Previous *laporan.Carried
}

// carriedLead says whose follow-up items the table shows and as of when.
func carriedLead(c laporan.Carried, frozen bool) string {
	s := "Rencana tindak lanjut " + c.Title
	if m := c.MeetingDay(); !m.IsZero() {
		s += " (rapat " + domain.FormatDate(m) + ")"
	}
	s += ", keadaan " + domain.FormatDate(c.AsOfDay())
	if frozen {
		return s + ", sebagaimana dibekukan saat laporan ini ditandatangani."
	}
	return s + ". Tabel ini dibekukan saat laporan ini ditandatangani."
}

// TrailStep is one line of the approval sheet.
type TrailStep struct {
	Role string // "Disusun oleh", "Direviu dan disetujui oleh"
	Who  string
	On   time.Time
}

// KeyRecommendations are the first three recommendations, for the executive summary.
func (d ReportDoc) KeyRecommendations() []string {
	items := laporan.ListItems(d.Report.Recommendations)
	return items[:min(len(items), 3)]
}

// ShortChecksum is the start of the checksum, as the footer prints it.
func (d ReportDoc) ShortChecksum() string {
	if len(d.Report.Checksum) < 16 {
		return d.Report.Checksum
	}
	return d.Report.Checksum[:16]
}

// Footer is the line at the foot of every printed page.
func (d ReportDoc) Footer() string {
	s := "Laporan Monev " + d.Report.Period.Label() + " · " + d.Letterhead.Office + " " + d.Letterhead.PemdaName
	if d.Frozen {
		return s + " · SHA-256 " + d.ShortChecksum()
	}
	return s + " · " + strings.ToUpper(d.Report.Status.Label()) + ", belum ditandatangani"
}

// Signed reports whether the report carries its signature.
func (d ReportDoc) Signed() bool {
	return d.Report.Status == laporan.Final && d.Report.Signature.Name != ""
}

// SignPlaceDate is the place and date above a signature: "Cilegon, 31 Juli 2024".
func (d ReportDoc) SignPlaceDate() string {
	s := d.Report.Signature
	if s.On.IsZero() {
		return d.Letterhead.City + ", ………………… " + strconv.Itoa(time.Now().Year())
	}
	return s.Place + ", " + domain.FormatDate(s.On)
}

// MeetingDay is the meeting's day and date: "Rabu, 17 Juli 2024".
func (d ReportDoc) MeetingDay() string { return dayDate(d.Report.Meeting.On) }

// Budget is the budget recommendation, nil when none was chosen.
func (d ReportDoc) Budget() *laporan.BudgetScenario { return d.Report.Budget }

// dayNames are the Indonesian names of the days of the week, Sunday first.
var dayNames = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// dayDate formats a date with its weekday, "Rabu, 17 Juli 2024", or "–".
func dayDate(t time.Time) string {
	if t.IsZero() {
		return "\u2013"
	}
	return dayNames[t.Weekday()] + ", " + domain.FormatDate(t)
}

// basisName says how a report counts, "basis kas (menurut tanggal bayar)".
func basisName(b domain.Basis) string {
	if b == domain.BasisAccrual {
		return "basis akrual (menurut bulan kepesertaan dan tanggal kejadian)"
	}
	return "basis kas (menurut tanggal bayar)"
}

// reportStatusClass is the badge of a report's status.
func reportStatusClass(s laporan.Status) string {
	switch s {
	case laporan.Final:
		return "badge-surplus"
	case laporan.Returned:
		return "badge-deficit"
	case laporan.Approved, laporan.InReview, laporan.Submitted:
		return "badge-warn"
	}
	return "badge-muted"
}

// saldoWord names a saldo: "Defisit" or "Surplus".
func saldoWord(r domain.Rupiah) string {
	if r < 0 {
		return "Defisit"
	}
	return "Surplus"
}

// figureClass marks a negative figure.
func figureClass(r domain.Rupiah) string {
	if r < 0 {
		return "neg"
	}
	return ""
}

// dueDate formats a follow-up's due date, or says it is ongoing.
func dueDate(t time.Time) string {
	if t.IsZero() {
		return "berkelanjutan"
	}
	return domain.FormatDate(t)
}

// roman numbers the chapters.
var roman = [...]string{"I", "II", "III", "IV", "V"}

// PDFLinks say whether the PDF of a report can be downloaded, and why not.
type PDFLinks struct {
	Available bool
	Note      string // how to install Chromium, when it is missing
}

// formatNIP writes an 18-digit NIP in its groups: birth date, appointment
// month, sex, serial ("19680512 199403 1 007"); anything else as it is.
func formatNIP(nip string) string {
	if len(nip) != 18 {
		return nip
	}
	return nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
}

// attendeeSummary says how many came from how many institutions: "12
// orang dari 8 instansi (daftar hadir pada Lampiran 1)".
func attendeeSummary(as []laporan.Attendee) string {
	if len(as) == 0 {
		return "\u2013"
	}
	var inst []string
	for _, a := range as {
		if a.Institution != "" && !slices.Contains(inst, a.Institution) {
			inst = append(inst, a.Institution)
		}
	}
	s := strconv.Itoa(len(as)) + " orang"
	if len(inst) > 0 {
		s += " dari " + strconv.Itoa(len(inst)) + " instansi"
	}
	return s + " (daftar hadir pada Lampiran 1)"
}

// lastDay is the last day of the figures' period, "31 Juli 2024".
func lastDay(f laporan.Figures) string {
	p, err := domain.ParsePeriod(f.Period)
	if err != nil {
		return f.Label
	}
	return domain.FormatDate(p.End())
}

// gapCost is the yearly cost of a category's gap, or "–" without a target.
func gapCost(c laporan.CoverageFigure) string {
	if !c.HasTarget {
		return "\u2013"
	}
	return c.GapCost.String()
}

// shareOfAll is the share of the whole: 100 % when there is anything.
func shareOfAll(r domain.Rupiah) string { return domain.Ratio{Num: int64(r), Den: int64(r)}.Percent(1) }

// claimsLiability says which claims are still in process (the expected
// liability) and which were rejected, beside the paid claims.
func claimsLiability(f laporan.Figures) string {
	var count int64
	var amount domain.Rupiah
	var parts []string
	for _, c := range f.ClaimsPending {
		count += c.Count
		amount += c.Amount
		parts = append(parts, domain.ClaimType(c.Type).ShortName()+" "+domain.FormatInt(c.Count)+" ("+c.Amount.String()+")")
	}
	s := "Tidak ada klaim yang masih diajukan atau diproses pada akhir periode."
	if count > 0 {
		s = "Klaim yang masih diajukan atau diproses (perkiraan kewajiban): " + domain.FormatInt(count) + " kasus senilai " +
			amount.String() + ", yaitu " + strings.Join(parts, ", ") + "; tidak termasuk dalam klaim dibayar di atas."
	}
	if r := f.ClaimsReject; r.Count > 0 {
		s += " Klaim ditolak dengan kejadian dalam periode: " + domain.FormatInt(r.Count) + " kasus (" + r.Amount.String() + ")."
	}
	return s
}

// kecamatanCaption names the table per kecamatan and what its coverage measures.
func kecamatanCaption(f laporan.Figures) string {
	s := "Tabel 3.2 Peserta aktif per kecamatan"
	if len(f.RegionalTargets) > 0 {
		s += "; cakupan " + strings.Join(f.RegionalTargets, ", ") + " terhadap sasaran per kelurahan"
	}
	return s
}

// budgetSentence says the pagu in force and how much of it was spent.
func budgetSentence(f laporan.Figures) string {
	b := f.Budget
	if !b.HasCeiling {
		return "Pagu tahun anggaran " + components.YearText(b.Year) + " belum dicatat."
	}
	s := "Pagu yang berlaku pada " + domain.FormatDate(f.AsOf) + ": " + b.CeilingLabel + " sebesar " + b.Ceiling.String()
	if b.Document != "" {
		s += " (" + b.Document + ")"
	}
	return s + ". Realisasi menurut tanggal SP2D sampai " + lastBudgetMonth(b) + " sebesar " + b.Realized.String() + " atau " +
		b.Absorption.Percent() + "; sisa pagu " + b.Remaining.String() + "."
}

// lastBudgetMonth names the last month the budget counts.
func lastBudgetMonth(b laporan.BudgetFigures) string {
	if len(b.Months) == 0 {
		return b.Through
	}
	return b.Months[len(b.Months)-1].Label
}

// billed is what BPJS billed for a month, or "–" when the bill is not on record.
func billed(r laporan.ReconFigure) string {
	if !r.BillKnown {
		return "\u2013"
	}
	return r.Billed.String()
}

// flaggedText counts the months that need attention.
func flaggedText(n int) string {
	if n == 0 {
		return "semua sesuai"
	}
	return strconv.Itoa(n) + " bulan perlu perhatian"
}

// Review is the review state of a report on its page: the threads per
// section and what the user may do with them.
type Review struct {
	ReportID   int64
	Threads    map[string][]laporan.Thread // by section key
	CanStart   bool                        // open a new thread (BPJS, in review)
	CanReply   bool
	CanResolve bool
}
