// Package records is what the pages of the registry, the contributions and
// the claims share: the Pemda's reference as choices and names, lists read
// from the address (filters with their chips, sort, page), forms that save
// a record or come back with its problems by field, streamed exports in an
// import template's layout, and a record's history in words.
//
// It builds on httpx, sheet, audit and web/components, and imports no
// feature.
package records

import (
	"context"
	"net/http"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// PerPage is how many rows a list shows on a page.
const PerPage = 50

// HistoryLimit is how many changes a record's page shows.
const HistoryLimit = 200

// Ref is the reference data pages name things by and offer in filters and
// forms: the Pemda's categories, kecamatan and kelurahan.
type Ref struct{ domain.Reference }

// CategoryOptions are the categories for a select whose empty choice, first, is labelled first.
func (ref Ref) CategoryOptions(first string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: first}}
	for _, c := range ref.Categories {
		opts = append(opts, components.Choice{Value: c.Code, Label: c.Name})
	}
	return opts
}

// KecamatanOptions are the kecamatan for a select whose empty choice is labelled first.
func (ref Ref) KecamatanOptions(first string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: first}}
	for _, k := range ref.Kecamatan {
		opts = append(opts, components.Choice{Value: k.Code, Label: k.Name})
	}
	return opts
}

// KelurahanGroups are the kelurahan grouped by kecamatan, after an empty
// choice labelled first unless first is "".
func (ref Ref) KelurahanGroups(first string) []components.OptionGroup {
	groups := []components.OptionGroup{}
	if first != "" {
		groups = append(groups, components.OptionGroup{Options: []components.Choice{{Value: "", Label: first}}})
	}
	for _, kc := range ref.Kecamatan {
		g := components.OptionGroup{Label: "Kecamatan " + kc.Name}
		for _, k := range ref.Kelurahan {
			if k.KecamatanCode == kc.Code {
				g.Options = append(g.Options, components.Choice{Value: k.Code, Label: k.Name})
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// Choices are the data-driven options of the record forms.
func (ref Ref) Choices() components.Choices {
	return components.Choices{Categories: ref.CategoryOptions("")[1:], Kelurahan: ref.KelurahanGroups("")}
}

// CategoryLabels maps category codes to names, for filters.
func (ref Ref) CategoryLabels() map[string]string {
	m := map[string]string{}
	for _, c := range ref.Categories {
		m[c.Code] = c.Name
	}
	return m
}

// KecamatanLabels maps kecamatan codes to names, for filters.
func (ref Ref) KecamatanLabels() map[string]string {
	m := map[string]string{}
	for _, k := range ref.Kecamatan {
		m[k.Code] = k.Name
	}
	return m
}

// KelurahanLabels maps kelurahan codes to names, for filters.
func (ref Ref) KelurahanLabels() map[string]string {
	m := map[string]string{}
	for _, k := range ref.Kelurahan {
		m[k.Code] = k.Name
	}
	return m
}

// Labels maps the string values of a list of codes to their labels.
func Labels[T ~string](values []T, label func(T) string) map[string]string {
	m := map[string]string{}
	for _, v := range values {
		m[string(v)] = label(v)
	}
	return m
}

// Options are the choices of a filter select over a list of codes, "all" first.
func Options[T ~string](all string, values []T, label func(T) string) []components.Choice {
	opts := []components.Choice{{Value: "", Label: all}}
	for _, v := range values {
		opts = append(opts, components.Choice{Value: string(v), Label: label(v)})
	}
	return opts
}

// Viewer is what a record page needs to know about the user of r: whether
// they see NIKs in full, and whether they may edit (may call editRoute).
func Viewer(site *httpx.Site, r *http.Request, editRoute string) components.Viewer {
	return components.Viewer{FullNIK: httpx.User(r).Role.SeesFullNIK(), CanEdit: site.Can(r, http.MethodPost, editRoute)}
}

// NIK is a NIK as the user of r may see it, in full or masked.
func NIK(r *http.Request, n domain.NIK) string {
	if httpx.User(r).Role.SeesFullNIK() {
		return string(n)
	}
	return n.Masked()
}

// References reads a Pemda's reference data; settings.Service is one.
type References interface {
	Reference(ctx context.Context, pemda string) (domain.Reference, error)
}

// WithRef runs fn with the reference data of the signed-in user's Pemda,
// or shows the site's error page when it cannot be read.
func WithRef(site *httpx.Site, refs References, w http.ResponseWriter, r *http.Request, fn func(Ref)) {
	ref, err := refs.Reference(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		site.Fail(w, r, err)
		return
	}
	fn(Ref{Reference: ref})
}
