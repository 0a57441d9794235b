// Package ui holds the pages of claims (klaim): the list with its filters,
// totals and exports, a claim's page with its history, and the forms that
// record and correct claims. It reaches the data through claims.Service and
// never imports pgx.
package ui

import (
	"net/http"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/audit"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/platform/records"
	"github.com/cilegon/monev/internal/settings"
	"github.com/cilegon/monev/web/components"
)

// Handlers serve the pages of claims.
type Handlers struct {
	*httpx.Site
	svc      *claims.Service
	settings *settings.Service
	audit    *audit.Log
}

// New returns the handlers of the claim pages; exports are recorded in log.
func New(site *httpx.Site, svc *claims.Service, set *settings.Service, log *audit.Log) *Handlers {
	return &Handlers{Site: site, svc: svc, settings: set, audit: log}
}

// Routes declares the routes of claims: list, details, forms and exports.
// Everyone reads (pimpinan with NIKs masked); Disnaker staff and admins
// record, correct and delete.
func (s *Handlers) Routes() {
	s.Handle(http.MethodGet, "/claims", httpx.AnyRole, s.claimList)
	s.Handle(http.MethodGet, "/claims/export.{format}", httpx.AnyRole, s.claimExport)
	s.Handle(http.MethodGet, "/claims/new", httpx.Editors, s.claimNew)
	s.Handle(http.MethodPost, "/claims", httpx.Editors, s.claimCreate)
	s.Handle(http.MethodGet, "/claims/{id}", httpx.AnyRole, s.claimShow)
	s.Handle(http.MethodGet, "/claims/{id}/edit", httpx.Editors, s.claimEdit)
	s.Handle(http.MethodPost, "/claims/{id}", httpx.Editors, s.claimUpdate)
	s.Handle(http.MethodPost, "/claims/{id}/delete", httpx.Editors, s.claimDelete)
}

// withRef runs fn with the reference data, failing when it cannot be read.
func (s *Handlers) withRef(w http.ResponseWriter, r *http.Request, fn func(records.Ref)) {
	records.WithRef(s.Site, s.settings, w, r, fn)
}

// history is the history of a claim in words.
func (s *Handlers) history(r *http.Request, ref records.Ref, _ string, id int64) ([]components.HistoryItem, error) {
	entries, err := s.svc.History(r.Context(), httpx.User(r).Pemda, id, records.HistoryLimit)
	return claimHistory.Items(entries, ref, httpx.User(r).Role.SeesFullNIK()), err
}

// claimHistory says how claims read in their history.
var claimHistory = records.History{
	Fields: map[string][]records.Field{
		"claim": {{Key: "claim_no", Label: "No. klaim"}, {Key: "type", Label: "Jenis"}, {Key: "status", Label: "Status"}, {Key: "amount", Label: "Nominal"},
			{Key: "incident_on", Label: "Tanggal kejadian"}, {Key: "submitted_on", Label: "Tanggal pengajuan"}, {Key: "paid_on", Label: "Tanggal bayar"},
			{Key: "beneficiary", Label: "Ahli waris"}, {Key: "category_code", Label: "Kategori"}, {Key: "kelurahan_code", Label: "Kelurahan"}, {Key: "note", Label: "Keterangan"}},
	},
	Subject: func(audit.Entry) string { return "Klaim" },
	Value: func(entity, key string, v any) string {
		s, _ := v.(string)
		switch key {
		case "type":
			return domain.ClaimType(s).Name()
		case "status":
			return domain.ClaimStatus(s).Label()
		}
		return ""
	},
}

// claimSorts are the sorts of the claims list; the first is the default.
var claimSorts = []string{"incident", "paid_on", "amount", "name", "type", "status", "no"}

// statusLabels are the statuses a list can be filtered by, with "every
// claim but the rejected ones" (the claims the accrual basis counts).
var statusLabels = func() map[string]string {
	m := records.Labels(domain.ClaimStatuses, domain.ClaimStatus.Label)
	m[string(claims.NotRejected)] = notRejectedLabel
	return m
}()

// notRejectedLabel names the NotRejected filter.
const notRejectedLabel = "Semua kecuali ditolak"

// claimQuery reads what a claims list or export asks for:
// /claims?q=&type=&status=&category=&kecamatan=&kelurahan=
// &incident_from=&incident_to=&paid_from=&paid_to=, the filters' reader and
// the list's state.
func claimQuery(r *http.Request, ref records.Ref) (claims.ClaimFilter, *records.Filters, components.ListState) {
	fr := records.NewFilters(r)
	f := claims.ClaimFilter{
		Text:          fr.Text("q", "Cari"),
		NIKInFullOnly: !httpx.User(r).Role.SeesFullNIK(),
		Type:          domain.ClaimType(fr.OneOf("type", "Jenis", records.Labels(domain.ClaimTypes, domain.ClaimType.ShortName))),
		Status:        domain.ClaimStatus(fr.OneOf("status", "Status", statusLabels)),
		Category:      fr.OneOf("category", "Kategori", ref.CategoryLabels()),
		Kecamatan:     fr.OneOf("kecamatan", "Kecamatan", ref.KecamatanLabels()),
		Kelurahan:     fr.OneOf("kelurahan", "Kelurahan", ref.KelurahanLabels()),
		IncidentFrom:  fr.Day("incident_from", "Kejadian dari"),
		IncidentTo:    fr.Day("incident_to", "Kejadian sampai"),
		PaidFrom:      fr.Day("paid_from", "Dibayar dari"),
		PaidTo:        fr.Day("paid_to", "Dibayar sampai"),
	}
	l := records.List(r, "/claims", fr, claimSorts, true)
	f.Sort, f.Desc = l.Sort, l.Desc
	return f, fr, l
}
