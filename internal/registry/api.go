package registry

import (
	"errors"
	"net/http"
	"time"

	"github.com/cilegon/monev/internal/claims"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// API is the JSON API of the registry.
type API struct {
	*httpx.Site
	svc      *Service
	settings *settings.Service
	claims   *claims.Service
}

// NewAPI returns the API handlers of svc; a worker's claims come from cl.
func NewAPI(site *httpx.Site, svc *Service, set *settings.Service, cl *claims.Service) *API {
	return &API{Site: site, svc: svc, settings: set, claims: cl}
}

// workerJSON is the API form of a worker: codes as stored, days as
// 2024-07-17, amounts in whole rupiah, the NIK masked for roles that may
// not see it.
type workerJSON struct {
	NIK           string           `json:"nik"`
	Name          string           `json:"name"`
	BirthDate     *string          `json:"birth_date"`
	Sex           *string          `json:"sex"`
	Category      string           `json:"category"`
	CategoryName  string           `json:"category_name"`
	KelurahanCode string           `json:"kelurahan_code"`
	Kelurahan     string           `json:"kelurahan"`
	KecamatanCode string           `json:"kecamatan_code"`
	Kecamatan     string           `json:"kecamatan"`
	KPJ           *string          `json:"kpj"`
	Income        int64            `json:"income"`
	ActiveToday   bool             `json:"active_today"`
	Enrollments   []enrollmentJSON `json:"enrollments"`
	Claims        []claimJSON      `json:"claims"`
}

type enrollmentJSON struct {
	Start  string  `json:"start"`
	End    *string `json:"end"`
	Status string  `json:"status"`
}

type claimJSON struct {
	No         *string `json:"claim_no"`
	Type       string  `json:"type"`
	IncidentOn string  `json:"incident_on"`
	PaidOn     *string `json:"paid_on"`
	Amount     int64   `json:"amount"`
	Status     string  `json:"status"`
}

// Worker is GET /api/v1/workers/{nik}: one worker with spells and claims.
func (s *API) Worker(w http.ResponseWriter, r *http.Request) {
	pemda := httpx.User(r).Pemda
	nik, err := domain.ParseNIK(r.PathValue("nik"))
	var bad *domain.ValueError
	if errors.As(err, &bad) {
		httpx.WriteJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid NIK", "detail": bad.Msg})
		return
	}
	wk, err := s.svc.WorkerByNIK(r.Context(), pemda, nik)
	if errors.Is(err, domain.ErrNotFound) {
		httpx.WriteJSONError(w, http.StatusNotFound, "no worker with this NIK")
		return
	}
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	if err := s.svc.Viewed(r.Context(), s.Actor(r), wk, "API"); err != nil {
		s.FailJSON(w, r, err)
		return
	}
	ref, err := s.settings.Reference(r.Context(), pemda)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	claims, _, err := s.claims.Claims(r.Context(), pemda, claims.ClaimFilter{WorkerID: wk.ID}, 0, 1000)
	if err != nil {
		s.FailJSON(w, r, err)
		return
	}
	httpx.WriteJSON(w, http.StatusOK, toWorkerJSON(r, wk, ref, claims, s.Now().In(domain.WIB)))
}

func toWorkerJSON(r *http.Request, wk Worker, ref domain.Reference, claims []claims.ClaimListItem, today time.Time) workerJSON {
	kel := ref.KelurahanOf(wk.KelurahanCode)
	out := workerJSON{NIK: shownNIK(r, wk.NIK), Name: wk.Name, BirthDate: isoDay(wk.BirthDate), Sex: nonEmpty(string(wk.Sex)),
		Category: wk.CategoryCode, CategoryName: ref.CategoryName(wk.CategoryCode), KelurahanCode: kel.Code, Kelurahan: kel.Name,
		KecamatanCode: kel.KecamatanCode, Kecamatan: ref.KecamatanName(kel.KecamatanCode), KPJ: nonEmpty(wk.KPJ),
		Income: int64(wk.Income), ActiveToday: wk.ActiveOn(today), Enrollments: []enrollmentJSON{}, Claims: []claimJSON{}}
	// Oldest spell first, as a history reads.
	for i := len(wk.Enrollments) - 1; i >= 0; i-- {
		e := wk.Enrollments[i]
		ej := enrollmentJSON{Start: *isoDay(e.Start), Status: string(e.Status)}
		if e.End != nil {
			ej.End = isoDay(*e.End)
		}
		out.Enrollments = append(out.Enrollments, ej)
	}
	for _, c := range claims {
		out.Claims = append(out.Claims, claimJSON{No: nonEmpty(c.No), Type: string(c.Type), IncidentOn: *isoDay(c.IncidentOn),
			PaidOn: isoDay(c.PaidOn), Amount: int64(c.Amount), Status: string(c.Status)})
	}
	return out
}

// shownNIK is a NIK as the user of r may see it, in full or masked.
func shownNIK(r *http.Request, n domain.NIK) string {
	if httpx.User(r).Role.SeesFullNIK() {
		return string(n)
	}
	return n.Masked()
}

// isoDay is a day as the API writes it, "2024-07-17"; nil for the zero time.
func isoDay(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

// nonEmpty is s, or nil (JSON null) when it is empty.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
