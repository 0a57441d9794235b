package laporan

import (
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
)

// FindingsDraft writes the findings a report's figures support, as a
// numbered list an author can edit: the balance and claim ratio, the
// claims by type and those still in process, coverage against the targets,
// the budget and the reconciliation. The numbers are the figures' own, so
// they are never typed twice.
func (f Figures) FindingsDraft() string {
	var items []string
	b := f.Balance
	s := "Selama " + f.Label + " (basis kas), iuran yang dibayarkan dari APBD sebesar " + b.Contributions.String() +
		", sedangkan klaim yang dibayarkan BPJS Ketenagakerjaan kepada pekerja yang iurannya dibiayai APBD sebesar " +
		b.Claims.String() + " (" + domain.FormatInt(b.ClaimsCount) + " kasus, menurut tanggal bayar)."
	if f.Basis == domain.BasisAccrual {
		s = "Selama " + f.Label + " (basis akrual), iuran yang terutang dari APBD untuk bulan kepesertaan dalam periode itu " +
			"(ditagih, dibayar atau belum) sebesar " + b.Contributions.String() + ", sedangkan klaim yang terjadi dalam periode itu " +
			"(dibayar atau masih diproses, menurut tanggal kejadian) sebesar " + b.Claims.String() + "."
	}
	if b.Deficit() {
		s += " Saldo iuran dikurangi klaim " + b.Saldo.String() + " dengan rasio klaim " + b.ClaimRatio.Percent() +
			": setiap Rp 1 iuran APBD kembali kepada keluarga pekerja sebagai manfaat Rp " + b.ClaimRatio.Ratio().Per(2) + "."
	} else {
		s += " Saldo iuran dikurangi klaim " + b.Saldo.String() + " dengan rasio klaim " + b.ClaimRatio.Percent() + "."
	}
	items = append(items, s)
	if top, ok := f.largestClaim(); ok {
		s := "Klaim terbesar adalah " + top.Name + ": " + domain.FormatInt(top.Count) + " kasus senilai " + top.Amount.String() +
			" (" + top.Share.Percent() + " dari klaim yang dibayar)."
		if p := f.pendingTotal(); p.Count > 0 {
			s += " Angka klaim di atas hanya klaim yang sudah dibayar; selain itu " + domain.FormatInt(p.Count) + " klaim senilai " +
				p.Amount.String() + " masih dalam proses dan menjadi potensi kewajiban."
		} else {
			s += " Angka klaim di atas adalah klaim yang sudah dibayar; pada akhir periode tidak ada klaim yang masih diajukan atau diproses."
		}
		items = append(items, s)
	}
	if t := f.CoverageTotal; t.HasTarget {
		items = append(items, "Peserta aktif pada akhir periode sebanyak "+domain.FormatInt(b.ActiveWorkers)+" pekerja. Terhadap sasaran tahun "+
			strconv.Itoa(f.UCJ.Year)+" sebanyak "+domain.FormatInt(t.Target)+" pekerja, masih kurang "+domain.FormatInt(t.Gap)+
			" pekerja; menutup kekurangan itu membutuhkan "+t.GapCost.String()+" setahun.")
	}
	if bu := f.Budget; bu.HasCeiling {
		items = append(items, "Realisasi iuran sampai "+lastMonthLabel(bu)+" sebesar "+bu.Realized.String()+" atau "+
			bu.Absorption.Percent()+" dari pagu "+bu.CeilingLabel+" sebesar "+bu.Ceiling.String()+".")
	}
	if n := f.ReconTotal.Flagged; n > 0 {
		items = append(items, "Rekonsiliasi tagihan menandai "+strconv.Itoa(n)+" bulan kepesertaan yang perlu ditindaklanjuti "+
			"(selisih tagihan, keterlambatan atau kekurangan bayar).")
	}
	if u := f.UCJ; u.HasWorkforce {
		items = append(items, "Universal Coverage Jamsostek (UCJ) tahun "+strconv.Itoa(u.Year)+": "+domain.FormatInt(u.Protected)+
			" pekerja terlindungi dari "+domain.FormatInt(u.Workforce)+" angkatan kerja ("+u.Coverage.Percent()+"), target "+
			u.Target.Percent()+".")
	}
	var out strings.Builder
	for i, s := range items {
		if i > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(strconv.Itoa(i+1) + ". " + s)
	}
	return out.String()
}

// largestClaim is the claim type with the most money paid.
func (f Figures) largestClaim() (ClaimFigure, bool) {
	var top ClaimFigure
	for _, c := range f.ClaimsByType {
		if c.Amount > top.Amount {
			top = c
		}
	}
	return top, top.Amount > 0
}

// pendingTotal adds up the claims still in process.
func (f Figures) pendingTotal() ClaimFigure {
	var t ClaimFigure
	for _, c := range f.ClaimsPending {
		t.Count += c.Count
		t.Amount += c.Amount
	}
	return t
}

// lastMonthLabel names the last month the budget counts, "Juli 2024".
func lastMonthLabel(b BudgetFigures) string {
	if len(b.Months) == 0 {
		return b.Through
	}
	return b.Months[len(b.Months)-1].Label
}

// TextBlock is a paragraph, or a list with its items, of a narrative section.
type TextBlock struct {
	List    bool
	Ordered bool     // numbered ("1.", "a.") rather than bulleted ("-", "•")
	Items   []string // the list's items, or the paragraph as one item
}

// TextBlocks reads the text an author typed into paragraphs and lists: a
// blank line ends a paragraph; lines starting "1.", "1)", "a.", "-", "•"
// or "*" are list items, and a line without a marker continues the item
// before it.
func TextBlocks(text string) []TextBlock {
	var out []TextBlock
	open := false // whether the last block still takes lines
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			open = false
			continue
		}
		item, ordered, isItem := cutListMarker(line)
		last := len(out) - 1
		switch {
		case isItem && open && out[last].List && out[last].Ordered == ordered:
			out[last].Items = append(out[last].Items, item)
		case isItem:
			out = append(out, TextBlock{List: true, Ordered: ordered, Items: []string{item}})
		case open:
			out[last].Items[len(out[last].Items)-1] += " " + line
		default:
			out = append(out, TextBlock{Items: []string{line}})
		}
		open = true
	}
	return out
}

// ListItems is every item of a section's lists, or its paragraphs when it
// has no list: the recommendations of a report one by one.
func ListItems(text string) []string {
	var items, paragraphs []string
	for _, b := range TextBlocks(text) {
		if b.List {
			items = append(items, b.Items...)
		} else {
			paragraphs = append(paragraphs, b.Items...)
		}
	}
	if len(items) == 0 {
		return paragraphs
	}
	return items
}

// cutListMarker removes a list marker from the start of a line: "1.",
// "12)", "a." (ordered) or "-", "•", "*", "–" (bulleted).
func cutListMarker(line string) (item string, ordered, ok bool) {
	for _, bullet := range []string{"- ", "• ", "* ", "– "} {
		if rest, found := strings.CutPrefix(line, bullet); found {
			return strings.TrimSpace(rest), false, true
		}
	}
	n := 0
	for n < len(line) && n < 3 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n == 0 && len(line) > 0 && line[0] >= 'a' && line[0] <= 'z' {
		n = 1 // "a. …"
	}
	if n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ' {
		return strings.TrimSpace(line[n+1:]), true, true
	}
	return line, false, false
}
