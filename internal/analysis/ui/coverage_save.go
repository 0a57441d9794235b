package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/analysis"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// coverageReturn points the request back at the coverage page the form was
// on (its period and category), for re-rendering or the redirect.
func coverageReturn(r *http.Request) string {
	q := url.Values{"period": {r.PostFormValue("period")}}
	if c := r.PostFormValue("category"); c != "" {
		q.Set("category", c)
	}
	r.URL.RawQuery = q.Encode()
	return "/analysis/coverage?" + q.Encode()
}

// analysisTargetsSave replaces a year's targets: per category (scope "") or
// per kelurahan of the category named by scope. An empty field removes a target.
func (s *Handlers) analysisTargetsSave(w http.ResponseWriter, r *http.Request) {
	back := coverageReturn(r)
	pemda, scope := httpx.User(r).Pemda, r.PostFormValue("scope")
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	cats, err := s.settings.Categories(r.Context(), pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	keys := make([]string, 0, len(cats))
	for _, c := range cats {
		keys = append(keys, c.Code)
	}
	if scope != "" {
		if !domain.HasCategory(cats, scope) {
			s.RenderError(w, r, http.StatusBadRequest)
			return
		}
		kels, err := s.settings.Kelurahans(r.Context(), pemda)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		keys = keys[:0]
		for _, k := range kels {
			keys = append(keys, k.Code)
		}
	}
	typed, targets, errs := targetsFrom(r, year, scope, keys)
	if errs.Err() == nil {
		err = s.svc.ReplaceTargets(r.Context(), s.Actor(r), year, scope, targets)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		s.Flash(r, "ok", "Sasaran tahun "+strconv.Itoa(year)+" disimpan.")
		http.Redirect(w, r, back+"#sasaran", http.StatusSeeOther)
		return
	}
	edit := CoverageEdit{Open: true, CategoryTargets: typed, KelurahanTargets: typed, Errors: errs}
	s.renderCoverage(w, r, http.StatusUnprocessableEntity, &edit)
}

// targetsFrom reads the target fields of the keys (category or kelurahan codes) as typed and as targets.
func targetsFrom(r *http.Request, year int, scope string, keys []string) (map[string]string, []analysis.Target, domain.FieldErrors) {
	typed, errs := map[string]string{}, domain.FieldErrors{}
	var targets []analysis.Target
	for _, k := range keys {
		v := strings.TrimSpace(r.PostFormValue("target_" + k))
		typed[k] = v
		if v == "" {
			continue
		}
		n, err := domain.ParseCount(v)
		if err != nil {
			errs.Add("target_"+k, err.Error())
			continue
		}
		t := analysis.Target{Year: year, CategoryCode: k, Workers: n}
		if scope != "" {
			t.CategoryCode, t.KelurahanCode = scope, k
		}
		if err := t.Validate(); err != nil {
			errs.Add("target_"+k, err.Error())
		}
		targets = append(targets, t)
	}
	return typed, targets, errs
}

// analysisWorkforceSave enters a year's workforce, protected workers and UCJ target with their sources.
func (s *Handlers) analysisWorkforceSave(w http.ResponseWriter, r *http.Request) {
	back := coverageReturn(r)
	f := WorkforceForm{Workforce: r.PostFormValue("workforce"), WorkforceSource: strings.TrimSpace(r.PostFormValue("workforce_source")),
		Protected: r.PostFormValue("protected"), ProtectedSource: strings.TrimSpace(r.PostFormValue("protected_source")),
		Target: strings.TrimSpace(r.PostFormValue("target")), Denominator: r.PostFormValue("denominator")}
	year, _ := strconv.Atoi(r.PostFormValue("year"))
	wf := analysis.Workforce{Year: year, WorkforceSource: f.WorkforceSource, ProtectedSource: f.ProtectedSource,
		Denominator: analysis.Denominator(f.Denominator)}
	errs := domain.FieldErrors{}
	var err error
	if wf.Workforce, err = domain.ParseCount(f.Workforce); err != nil {
		errs.Add("workforce", err.Error())
	}
	if wf.Protected, err = domain.ParseCount(f.Protected); err != nil {
		errs.Add("protected", err.Error())
	}
	if f.Target != "" {
		if wf.TargetPermille, err = domain.ParsePermille(f.Target); err != nil {
			errs.Add("target", err.Error())
		}
	}
	if verr, ok := wf.Validate().(domain.FieldErrors); ok && len(errs) == 0 {
		errs = verr
	}
	if errs.Err() != nil {
		s.renderCoverage(w, r, http.StatusUnprocessableEntity, &CoverageEdit{Open: true, Workforce: f, Errors: errs})
		return
	}
	if err := s.svc.SaveWorkforce(r.Context(), s.Actor(r), wf); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Flash(r, "ok", "Data angkatan kerja dan UCJ tahun "+strconv.Itoa(year)+" disimpan.")
	http.Redirect(w, r, back+"#ucj", http.StatusSeeOther)
}
