package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/internal/settings"
)

// CategoryForm is the category form as typed; Editing says it changes an
// existing category (whose code cannot change).
type CategoryForm struct {
	Code, Name, Description, FirstYear, LastYear string
	Editing                                      bool
}

// CategoriesProps feed the categories page.
type CategoriesProps struct {
	Year       int // the year whose funded categories are marked
	Categories []settings.CategorySetting
	Form       CategoryForm
	Errors     domain.FieldErrors
}

// categories lists the categories with the years they are funded; ?edit=
// puts one in the form.
func (s *Handlers) categories(w http.ResponseWriter, r *http.Request) {
	f := CategoryForm{}
	if code := r.URL.Query().Get("edit"); code != "" {
		cats, err := s.settings.CategorySettings(r.Context(), httpx.User(r).Pemda)
		if err != nil {
			s.Fail(w, r, err)
			return
		}
		for _, c := range cats {
			if c.Code == code {
				f = categoryFormOf(c)
			}
		}
		if !f.Editing {
			s.RenderError(w, r, http.StatusNotFound)
			return
		}
	}
	s.renderCategories(w, r, http.StatusOK, f, nil)
}

func categoryFormOf(c settings.CategorySetting) CategoryForm {
	f := CategoryForm{Code: c.Code, Name: c.Name, Description: c.Description, Editing: true}
	if c.FirstYear != 0 {
		f.FirstYear = strconv.Itoa(c.FirstYear)
	}
	if c.LastYear != 0 {
		f.LastYear = strconv.Itoa(c.LastYear)
	}
	return f
}

func (s *Handlers) renderCategories(w http.ResponseWriter, r *http.Request, status int, f CategoryForm, errs domain.FieldErrors) {
	cats, err := s.settings.CategorySettings(r.Context(), httpx.User(r).Pemda)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	year := s.Now().Year()
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 2000 && y <= 2100 {
		year = y
	}
	s.Render(w, r, status, "Kategori pekerja", "settings", CategoriesPage(CategoriesProps{Year: year, Categories: cats, Form: f, Errors: errs}))
}

// categorySave adds a category, or renames one or changes its years.
func (s *Handlers) categorySave(w http.ResponseWriter, r *http.Request) {
	f := CategoryForm{Code: strings.TrimSpace(r.PostFormValue("code")), Name: strings.TrimSpace(r.PostFormValue("name")),
		Description: strings.TrimSpace(r.PostFormValue("description")), FirstYear: strings.TrimSpace(r.PostFormValue("first_year")),
		LastYear: strings.TrimSpace(r.PostFormValue("last_year")), Editing: r.PostFormValue("editing") == "1"}
	c := settings.CategorySetting{Code: f.Code, Name: f.Name, Description: f.Description}
	errs := domain.FieldErrors{}
	for field, v := range map[string]string{"first_year": f.FirstYear, "last_year": f.LastYear} {
		if v == "" {
			continue
		}
		y, err := strconv.Atoi(v)
		if err != nil {
			errs.Add(field, "Tulis tahun empat angka, misalnya 2024, atau kosongkan.")
		} else if field == "first_year" {
			c.FirstYear = y
		} else {
			c.LastYear = y
		}
	}
	if errs.Err() == nil {
		save := s.settings.AddCategory
		if f.Editing {
			save = s.settings.UpdateCategory
		}
		errs, _ = fieldErrors(save(r.Context(), s.Actor(r), c))
	}
	if errs.Err() != nil {
		s.renderCategories(w, r, http.StatusUnprocessableEntity, f, errs)
		return
	}
	s.Flash(r, "ok", "Kategori "+c.Name+" disimpan.")
	http.Redirect(w, r, "/settings/categories", http.StatusSeeOther)
}
