// Package ui holds the pages of contribution payments (iuran): the list
// with its filters, totals and exports, a payment's page with its history,
// and the forms that add and correct payments. It reaches the data through
// contributions.Service and never imports pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/contributions"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// Handlers serve the pages of contribution payments.
type Handlers struct {
	*httpx.Site
	svc      *contributions.Service
	settings *settings.Service
	audit    *audit.Log
	api      *contributions.API
}

// New returns the handlers of the contribution pages and the billing API;
// exports are recorded in log.
func New(site *httpx.Site, svc *contributions.Service, set *settings.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, svc: svc, settings: set, audit: log, api: contributions.NewAPI(site, svc)}
}

// Routes declares the routes of contribution payments: list, details,
// forms and exports. Everyone reads; Disnaker staff and admins add,
// correct and delete.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/contributions", httpx.AnyRole, s.contributionList)
	s.Handle(http.MethodGet, "/contributions/export.{format}", httpx.AnyRole, s.contributionExport)
	s.Handle(http.MethodGet, "/contributions/new", httpx.Editors, s.contributionNew)
	s.Handle(http.MethodPost, "/contributions", httpx.Editors, s.contributionCreate)
	s.Handle(http.MethodGet, "/contributions/{id}", httpx.AnyRole, s.contributionShow)
	s.Handle(http.MethodGet, "/contributions/{id}/edit", httpx.Editors, s.contributionEdit)
	s.Handle(http.MethodPost, "/contributions/{id}", httpx.Editors, s.contributionUpdate)
	s.Handle(http.MethodPost, "/contributions/{id}/delete", httpx.Editors, s.contributionDelete)

	s.Handle(http.MethodGet, "/api/v1/billing", httpx.APIAnyRole, s.api.Billing)
	s.Handle(http.MethodGet, "/api/v1/billing/reconciliation", httpx.APIAnyRole, s.api.Reconciliation)
}

// withRef runs fn with the reference data, failing when it cannot be read.
func (s *Handlers) withRef(w http.ResponseWriter, r *http.Request, fn func(records.Ref)) {
	records.WithRef(s.Site, s.settings, w, r, fn)
}

// history is the history of a payment in words.
func (s *Handlers) history(r *http.Request, ref records.Ref, _ string, id int64) ([]components.HistoryItem, error) {
	entries, err := s.svc.History(r.Context(), httpx.User(r).Pemda, id, records.HistoryLimit)
	return contributionHistory.Items(entries, ref, httpx.User(r).Role.SeesFullNIK()), err
}

// contributionHistory says how payments read in their history.
var contributionHistory = records.History{
	Fields: map[string][]records.Field{
		"contribution": {{Key: "coverage_month", Label: "Bulan kepesertaan"}, {Key: "paid", Label: "Dibayar"}, {Key: "paid_on", Label: "Tanggal bayar"},
			{Key: "sp2d_no", Label: "No. SP2D"}, {Key: "participants", Label: "Jumlah peserta"}, {Key: "billed", Label: "Tagihan"}, {Key: "note", Label: "Keterangan"}},
	},
	Subject: func(audit.Entry) string { return "Pembayaran iuran" },
}

// contributionSorts are the sorts of the payments list; the first is the default.
var contributionSorts = []string{"month", "paid_on", "paid", "billed", "sp2d"}

// contributionQuery reads what a payments list or export asks for:
// /contributions?q=&from=&to=&paid_from=&paid_to=, the filters' reader and
// the list's state.
func contributionQuery(r *http.Request) (contributions.ContributionFilter, *records.Filters, components.ListState) {
	fr := records.NewFilters(r)
	f := contributions.ContributionFilter{
		Text:     fr.Text("q", "Cari"),
		From:     fr.Month("from", "Bulan iuran dari"),
		To:       fr.Month("to", "Bulan iuran sampai"),
		PaidFrom: fr.Day("paid_from", "Dibayar dari"),
		PaidTo:   fr.Day("paid_to", "Dibayar sampai"),
	}
	l := records.List(r, "/contributions", fr, contributionSorts, true)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}
