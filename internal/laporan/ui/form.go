package ui

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// reportList lists the reports the user may read: pimpinan only final ones.
func (s *Handlers) reportList(w http.ResponseWriter, r *http.Request) {
	u := httpx.User(r)
	var only []laporan.Status
	if !laporan.Draft.VisibleTo(u.Role) {
		only = []laporan.Status{laporan.Final}
	}
	items, err := s.svc.Reports(r.Context(), u.Pemda, only...)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "Laporan", "reports", ReportList(ReportListProps{
		Items: items, CanCreate: s.Can(r, http.MethodPost, "/reports"), FinalOnly: len(only) > 0}))
}

// reportNew is the form of a new report: the period of the year so far,
// the legal basis, aims and method prefilled, and the findings drafted
// from the figures once a period is chosen.
func (s *Handlers) reportNew(w http.ResponseWriter, r *http.Request) {
	today := s.Now()
	from, to := domain.NewMonth(today.Year(), time.January), domain.MonthOf(today)
	if p, err := domain.ParsePeriod(r.URL.Query().Get("period")); err == nil {
		from, to = p.From, p.To
	}
	texts, err := s.settings.ReportTexts(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	c := laporan.Content{Period: domain.RangePeriod(from, to), Basis: domain.BasisCash, LegalBasis: texts.LegalBasis,
		Aims: texts.Aims, Method: texts.Method}
	// The period prints under the title, so the title need not repeat it.
	c.Title = "Laporan Monitoring dan Evaluasi Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"
	s.renderReportForm(w, r, http.StatusOK, 0, laporan.Draft, reportFormOf(c), nil, nil)
}

// reportCreate saves a new draft.
func (s *Handlers) reportCreate(w http.ResponseWriter, r *http.Request) {
	owners, err := s.ownerOptions(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	form, c, errs := parseReportForm(r, owners)
	if errs != nil {
		s.renderReportForm(w, r, http.StatusUnprocessableEntity, 0, laporan.Draft, form, errs, nil)
		return
	}
	if c.Findings == "" {
		f, err := s.svc.Figures(r.Context(), httpx.User(r).Pemda, c.Period, c.Basis, s.Now())
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		c.Findings = f.FindingsDraft()
	}
	id, err := s.svc.Create(r.Context(), s.reportChange(r, ""), c)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Saved(w, r, "Draf laporan disimpan. Temuan terisi dari angka periode ini; periksa dan lengkapi.", reportPath(id)+"/edit")
}

// reportEdit is the form of an existing draft, with the budget calculator.
func (s *Handlers) reportEdit(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	if !rep.Status.Editable() {
		s.Flash(r, "error", "Laporan berstatus "+rep.Status.Label()+" tidak dapat diubah.")
		http.Redirect(w, r, reportPath(rep.ID), http.StatusSeeOther)
		return
	}
	s.renderReportForm(w, r, http.StatusOK, rep.ID, rep.Status, reportFormOf(rep.Content), nil, rep.Budget)
}

// reportUpdate saves the text of a draft or returned report.
func (s *Handlers) reportUpdate(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.loadReport(w, r)
	if !ok {
		return
	}
	owners, err := s.ownerOptions(r)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	form, c, errs := parseReportForm(r, owners)
	if errs != nil {
		s.renderReportForm(w, r, http.StatusUnprocessableEntity, rep.ID, rep.Status, form, errs, rep.Budget)
		return
	}
	if err := s.svc.Update(r.Context(), s.reportChange(r, ""), rep.ID, c); err != nil {
		s.Fail(w, r, err)
		return
	}
	s.Saved(w, r, "Perubahan laporan disimpan.", reportPath(rep.ID))
}

// renderReportForm shows the report form; an existing report gets the
// calculator and a findings draft from its figures.
func (s *Handlers) renderReportForm(w http.ResponseWriter, r *http.Request, status int, id int64, st laporan.Status,
	form ReportForm, errs domain.FieldErrors, budget *laporan.BudgetScenario) {
	p := ReportFormProps{ID: id, Status: st, Form: form, Errors: errs, Budget: budget}
	var err error
	if p.Owners, err = s.ownerOptions(r); err != nil {
		s.Fail(w, r, err)
		return
	}
	title := "Buat laporan"
	if id != 0 {
		title = "Ubah laporan"
		base := s.Now().Year()
		period, err := domain.PeriodFromTo(form.From, form.To)
		if err == nil {
			base = period.To.Year()
			basis, _ := domain.ParseBasis(form.Basis)
			f, err := s.svc.Figures(r.Context(), httpx.User(r).Pemda, period, basis, s.Now())
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			p.FindingsDraft = f.FindingsDraft()
		}
		calc, err := s.budgetCalc(r, reportPath(id)+"/edit", base)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		calc.UseAction = reportPath(id) + "/budget"
		p.Calc = &calc
	}
	s.Render(w, r, status, title, "reports", ReportFormPage(p))
}

// reportChange is who changes a report in this request.
func (s *Handlers) reportChange(r *http.Request, note string) laporan.Change {
	return laporan.Change{Actor: s.Actor(r), Role: httpx.User(r).Role, Note: note}
}

// reportFormOf fills the form with a report's content.
func reportFormOf(c laporan.Content) ReportForm {
	f := ReportForm{Title: c.Title, From: c.Period.From.String(), To: c.Period.To.String(), Basis: string(c.Basis),
		MeetingPlace: c.Meeting.Place, OpenedBy: c.Meeting.OpenedBy, LegalBasis: c.LegalBasis, Background: c.Background,
		Aims: c.Aims, Method: c.Method, Findings: c.Findings, Obstacles: c.Obstacles, Potential: c.Potential,
		Commits: c.Commitments, Recommendations: c.Recommendations, Attendees: c.Attendees}
	if !c.Meeting.On.IsZero() {
		f.MeetingOn = c.Meeting.On.Format(time.DateOnly)
	}
	for _, a := range c.Actions {
		row := ActionRow{ID: strconv.FormatInt(a.ID, 10), Action: a.Action, Kind: ownerValue(a), Owner: a.Owner}
		if !a.Due.IsZero() {
			row.Due = a.Due.Format(time.DateOnly)
		}
		f.Actions = append(f.Actions, row)
	}
	return f
}

// parseReportForm reads the posted form into a report's content, and the
// problems by field when there are any.
func parseReportForm(r *http.Request, opts []OwnerOption) (ReportForm, laporan.Content, domain.FieldErrors) {
	_ = r.ParseForm() // a malformed body leaves the fields empty, and the form says so
	v := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	f := ReportForm{Title: v("title"), From: v("from"), To: v("to"), Basis: v("basis"), MeetingOn: v("meeting_on"),
		MeetingPlace: v("meeting_place"), OpenedBy: v("opened_by"), LegalBasis: v("legal_basis"), Background: v("background"),
		Aims: v("aims"), Method: v("method"), Findings: v("findings"), Obstacles: v("obstacles"), Potential: v("potential"),
		Commits: v("commitments"), Recommendations: v("recommendations")}
	c := laporan.Content{Title: f.Title, LegalBasis: f.LegalBasis, Background: f.Background, Aims: f.Aims, Method: f.Method,
		Findings: f.Findings, Obstacles: f.Obstacles, Potential: f.Potential, Commitments: f.Commits, Recommendations: f.Recommendations,
		Meeting: laporan.Meeting{Place: f.MeetingPlace, OpenedBy: f.OpenedBy}}
	errs := domain.FieldErrors{}
	var err error
	if c.Period, err = domain.PeriodFromTo(f.From, f.To); err != nil {
		errs.Add("period", err.Error())
	}
	if c.Basis, err = domain.ParseBasis(f.Basis); err != nil {
		errs.Add("basis", err.Error())
	}
	if f.MeetingOn != "" {
		if c.Meeting.On, err = domain.ParseDate(f.MeetingOn); err != nil {
			errs.Add("meeting_on", err.Error())
		}
	}
	names, positions, insts := r.PostForm["attendee_name"], r.PostForm["attendee_position"], r.PostForm["attendee_institution"]
	for i := range names {
		a := laporan.Attendee{Name: strings.TrimSpace(names[i]), Position: strings.TrimSpace(nth(positions, i)),
			Institution: strings.TrimSpace(nth(insts, i))}
		if a != (laporan.Attendee{}) {
			f.Attendees, c.Attendees = append(f.Attendees, a), append(c.Attendees, a)
		}
	}
	actions, owners, dues := r.PostForm["action"], r.PostForm["action_owner"], r.PostForm["action_due"]
	ids, kinds := r.PostForm["action_id"], r.PostForm["action_kind"]
	for i := range actions {
		row := ActionRow{ID: strings.TrimSpace(nth(ids, i)), Action: strings.TrimSpace(actions[i]), Kind: strings.TrimSpace(nth(kinds, i)),
			Owner: strings.TrimSpace(nth(owners, i)), Due: strings.TrimSpace(nth(dues, i))}
		if row.ID == "" && row.Action == "" && row.Owner == "" && row.Due == "" {
			continue
		}
		f.Actions = append(f.Actions, row)
		a := laporan.FollowUp{Action: row.Action, Owner: row.Owner}
		a.ID, _ = strconv.ParseInt(row.ID, 10, 64)
		if o, ok := ownerOption(opts, row.Kind); !ok {
			errs.Add("actions", "tindak lanjut "+row.Action+": pilih penanggung jawab dari daftar")
		} else if a.OwnerKind, a.OwnerUserID = o.Kind, o.UserID; a.Owner == "" {
			a.Owner = o.Label
		}
		if row.Due != "" {
			if a.Due, err = domain.ParseDate(row.Due); err != nil {
				errs.Add("actions", "tindak lanjut "+row.Action+": "+err.Error())
			}
		}
		c.Actions = append(c.Actions, a)
	}
	if fe, ok := c.Validate().(domain.FieldErrors); ok {
		for k, msg := range fe {
			errs.Add(k, msg)
		}
	}
	if len(errs) == 0 {
		return f, c, nil
	}
	return f, c, errs
}

// nth is the i-th value of a repeated form field, "" when it has fewer.
func nth(vs []string, i int) string {
	if i < len(vs) {
		return vs[i]
	}
	return ""
}
