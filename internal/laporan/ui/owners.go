package ui

import (
	"net/http"
	"strconv"

	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/httpx"
)

// OwnerOption is one choice of a follow-up item's owner: an institution,
// or a named user ("user:12").
type OwnerOption struct {
	Value  string
	Label  string
	Kind   laporan.OwnerKind
	UserID int64
}

// ownerValue is the option value of an item's owner.
func ownerValue(f laporan.FollowUp) string {
	if f.OwnerKind == laporan.OwnerUser {
		return "user:" + strconv.FormatInt(f.OwnerUserID, 10)
	}
	return string(f.OwnerKind)
}

// ownerOptions lists the institutions, then the Pemda's active users by name.
func (s *Handlers) ownerOptions(r *http.Request) ([]OwnerOption, error) {
	var out []OwnerOption
	for _, k := range laporan.OwnerKinds {
		out = append(out, OwnerOption{Value: string(k), Label: k.Label(), Kind: k})
	}
	users, err := s.docs.auth.Users(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.Active {
			out = append(out, OwnerOption{Value: "user:" + strconv.FormatInt(u.ID, 10), Label: u.DisplayName(),
				Kind: laporan.OwnerUser, UserID: u.ID})
		}
	}
	return out, nil
}

// ownerOption finds the option of a posted value; "" is the first, Disnaker.
func ownerOption(opts []OwnerOption, value string) (OwnerOption, bool) {
	if value == "" && len(opts) > 0 {
		return opts[0], true
	}
	for _, o := range opts {
		if o.Value == value {
			return o, true
		}
	}
	return OwnerOption{}, false
}
