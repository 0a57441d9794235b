package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// calcAnchor is where the calculator sits on the report's edit page.
const calcAnchor = "anggaran"

// budgetCalculator is the calculator on its own page. Editors can take the
// scenario to any report they may still edit.
func (s *Handlers) budgetCalculator(w http.ResponseWriter, r *http.Request) {
	base := s.Now().Year()
	if years, err := s.analysis.DataYears(r.Context(), httpx.User(r).Pemda); err == nil && len(years) > 0 {
		base = years[0]
	}
	p, err := s.budgetCalc(r, "/reports/budget-calculator", base)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	if p.Scenario != nil && s.Can(r, http.MethodPost, "/reports/{id}/budget") {
		list, err := s.svc.Reports(r.Context(), httpx.User(r).Pemda, laporan.Draft, laporan.Returned)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		for _, it := range list {
			p.Reports = append(p.Reports, BudgetReportLink{Title: it.Title,
				Href: reportPath(it.ID) + "/edit?" + r.URL.RawQuery + "#" + calcAnchor})
		}
	}
	s.Render(w, r, http.StatusOK, "Kalkulator anggaran", "reports", BudgetCalculatorPage(p))
}

// calcBase is what the calculator is prefilled from: the categories with
// the base year's targets and the workers active now.
type calcBase struct {
	base  int
	cats  []domain.Category
	rates domain.RateTable
	rows  []BudgetRow
}

// loadCalcBase reads the categories, the base year's targets (Pemda-wide,
// or the sum per kelurahan) and the roster at the end of this month.
func (s *Handlers) loadCalcBase(r *http.Request, base int) (calcBase, error) {
	ctx, pemda := r.Context(), httpx.User(r).Pemda
	b := calcBase{base: base}
	var err error
	if b.cats, err = s.settings.Categories(ctx, pemda); err != nil {
		return b, err
	}
	if b.rates, err = s.settings.Rates(ctx, pemda); err != nil {
		return b, err
	}
	targets, err := s.analysis.Targets(ctx, pemda, base)
	if err != nil {
		return b, err
	}
	now, err := s.analysis.CoverageView(ctx, pemda, domain.MonthPeriod(domain.MonthOf(s.Now())), "")
	if err != nil {
		return b, err
	}
	for _, c := range b.cats {
		row := BudgetRow{Code: c.Code, Name: c.Name}
		var wide, perKel int64
		var hasWide bool
		for _, t := range targets {
			switch {
			case t.CategoryCode != c.Code:
			case t.KelurahanCode == "":
				wide, hasWide = t.Workers, true
			default:
				perKel += t.Workers
				row.HasTarget = true
			}
		}
		row.Target = perKel
		if hasWide {
			row.Target, row.HasTarget = wide, true
		}
		for _, a := range now.ByCategory {
			if a.Code == c.Code {
				row.Active = a.Active
			}
		}
		b.rows = append(b.rows, row)
	}
	return b, nil
}

// planned is a row's default: the target, or the workers active now when there is none.
func planned(row BudgetRow) int64 {
	if row.HasTarget {
		return row.Target
	}
	return row.Active
}

// budgetCalc builds the calculator for a page at action: the form as the
// query gives it (prefilled from the base year's targets when it gives no
// numbers), the scenario it prices, and the scenarios to compare.
func (s *Handlers) budgetCalc(r *http.Request, action string, base int) (BudgetCalcProps, error) {
	q := r.URL.Query()
	if b, err := strconv.Atoi(q.Get("base")); err == nil && b >= 2000 && b <= 2100 {
		base = b
	}
	cb, err := s.loadCalcBase(r, base)
	if err != nil {
		return BudgetCalcProps{}, err
	}
	baseYear := strconv.Itoa(base)
	p := BudgetCalcProps{Action: action, Anchor: calcAnchor, Base: baseYear, Year: orDefault(q.Get("year"), strconv.Itoa(base+1)),
		Months: orDefault(q.Get("months"), "12"), Income: orDefault(q.Get("income"), domain.DefaultIncome.Plain()),
		Name: orDefault(q.Get("name"), "Sasaran "+baseYear+" per kategori")}
	typed := false
	for k := range q {
		typed = typed || strings.HasPrefix(k, "w_")
	}
	for _, row := range cb.rows {
		row.Workers = q.Get("w_" + row.Code)
		if !typed && planned(row) > 0 {
			row.Workers = domain.FormatInt(planned(row))
		}
		p.Rows = append(p.Rows, row)
	}
	scenario, errs := priceScenario(cb, q)
	if errs != nil {
		p.Errors = errs
	} else {
		p.Scenario = &scenario
	}
	p.Presets = calcPresets(cb, action)
	return p, nil
}

// priceScenario reads the calculator's fields (year, months, income, name
// and w_<category> counts) and prices the scenario, or says what is wrong.
func priceScenario(cb calcBase, v url.Values) (laporan.BudgetScenario, domain.FieldErrors) {
	errs := domain.FieldErrors{}
	year, err := strconv.Atoi(strings.TrimSpace(v.Get("year")))
	if err != nil {
		year = cb.base + 1
		if v.Get("year") != "" {
			errs.Add("year", "tahun anggaran tidak valid")
		}
	}
	months, err := strconv.Atoi(strings.TrimSpace(orDefault(v.Get("months"), "12")))
	if err != nil {
		errs.Add("months", "jumlah bulan tidak valid")
	}
	income, err := domain.ParseRupiah(orDefault(v.Get("income"), domain.DefaultIncome.Plain()))
	if err != nil {
		errs.Add("income", err.Error())
	}
	typed := false
	for k := range v {
		typed = typed || strings.HasPrefix(k, "w_")
	}
	var lines []laporan.BudgetLine
	for _, row := range cb.rows {
		n := planned(row)
		if typed {
			n = 0
			if text := strings.TrimSpace(v.Get("w_" + row.Code)); text != "" {
				if n, err = domain.ParseCount(text); err != nil {
					errs.Add("workers", row.Name+": "+err.Error())
				}
			}
		}
		lines = append(lines, laporan.BudgetLine{Category: row.Code, Name: row.Name, Workers: n})
	}
	if len(errs) > 0 {
		return laporan.BudgetScenario{}, errs
	}
	name := orDefault(strings.TrimSpace(v.Get("name")), "Sasaran "+strconv.Itoa(cb.base)+" per kategori")
	s, err := laporan.NewBudgetScenario(cb.rates, name, year, months, income, lines)
	var fe domain.FieldErrors
	switch {
	case errors.As(err, &fe):
		return s, fe
	case err != nil:
		return s, domain.FieldErrors{"year": err.Error()}
	}
	return s, nil
}

// calcPresets are the scenarios to compare: today's roster, the targets
// (more categories), a partial year and a higher income band.
func calcPresets(cb calcBase, action string) []BudgetPreset {
	base := strconv.Itoa(cb.base)
	year := strconv.Itoa(cb.base + 1)
	roster, targets := url.Values{}, url.Values{}
	for _, row := range cb.rows {
		if row.Active > 0 {
			roster.Set("w_"+row.Code, strconv.FormatInt(row.Active, 10))
		}
		if n := planned(row); n > 0 {
			targets.Set("w_"+row.Code, strconv.FormatInt(n, 10))
		}
	}
	with := func(v url.Values, kv ...string) url.Values {
		out := url.Values{"base": {base}, "year": {year}, "months": {"12"}, "income": {domain.DefaultIncome.Plain()}}
		for k, x := range v {
			out[k] = x
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	presets := []url.Values{
		with(roster, "name", "Tetap: peserta aktif sekarang"),
		with(targets, "name", "Sasaran "+base+", semua kategori termasuk kategori baru"),
		with(targets, "name", "Sasaran "+base+", mulai Juli (6 bulan)", "months", "6"),
		with(targets, "name", "Sasaran "+base+", penghasilan dilaporkan Rp 1.500.000", "income", "1.500.000"),
	}
	var out []BudgetPreset
	for _, v := range presets {
		s, errs := priceScenario(cb, v)
		if errs != nil {
			continue
		}
		out = append(out, BudgetPreset{Label: s.Name, Href: action + "?" + v.Encode() + "#" + calcAnchor,
			Workers: s.Workers(), Months: s.Months, Total: s.Total()})
	}
	return out
}

// orDefault is s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// reportBudget writes the scenario priced from the posted fields into the
// report's recommendation (clear=1 removes it); the server prices it again
// rather than trusting posted amounts.
func (s *Handlers) reportBudget(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	_ = r.ParseForm()
	var scenario *laporan.BudgetScenario
	if r.PostForm.Get("clear") == "" {
		cb, err := s.loadCalcBase(r, rep.Period.To.Year())
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		sc, errs := priceScenario(cb, r.PostForm)
		if errs != nil {
			s.Flash(r, "error", "Skenario anggaran tidak valid: "+joinMessages(errs)+".")
			http.Redirect(w, r, reportPath(rep.ID)+"/edit#"+calcAnchor, http.StatusSeeOther)
			return
		}
		scenario = &sc
	}
	err := s.svc.SetBudget(r.Context(), s.reportChange(r, ""), rep.ID, scenario)
	switch {
	case errors.Is(err, domain.ErrConflict):
		s.Flash(r, "error", "Laporan berstatus "+rep.Status.Label()+" tidak dapat diubah.")
		http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
	case err != nil:
		s.Fail(w, r, err)
	case scenario == nil:
		s.Saved(w, r, "Rekomendasi anggaran dihapus dari laporan.", reportPath(rep.ID)+"/edit#"+calcAnchor)
	default:
		s.Saved(w, r, "Rekomendasi anggaran dipakai dalam laporan: "+scenario.Arithmetic()+".", reportPath(rep.ID)+"/edit#"+calcAnchor)
	}
}
