package settings

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/database"
)

// Service reads a Pemda's settings and reference data.
type Service struct{ db *store }

// NewService returns the settings service of db.
func NewService(db *database.DB) *Service { return &Service{db: &store{db}} }

// PemdaName is the display name of a Pemda, e.g. "Kota Cilegon".
func (s *Service) PemdaName(ctx context.Context, code string) (string, error) {
	return s.db.pemdaName(ctx, code)
}

// Letterhead is what the head of a Pemda's documents prints, with its logo.
func (s *Service) Letterhead(ctx context.Context, pemda string) (Letterhead, error) {
	l, err := s.db.letterhead(ctx, pemda)
	if err != nil {
		return l, err
	}
	logo, _, err := s.db.logo(ctx, pemda)
	l.Logo = logo.DataURL()
	return l, err
}

// Kecamatans lists the kecamatan of a Pemda by code.
func (s *Service) Kecamatans(ctx context.Context, pemda string) ([]domain.Kecamatan, error) {
	return s.db.kecamatans(ctx, pemda)
}

// Kelurahans lists the kelurahan of a Pemda by code, with spelling variants.
func (s *Service) Kelurahans(ctx context.Context, pemda string) ([]domain.Kelurahan, error) {
	return s.db.kelurahans(ctx, pemda)
}

// Categories lists the worker categories of a Pemda in display order.
func (s *Service) Categories(ctx context.Context, pemda string) ([]domain.Category, error) {
	return s.db.categories(ctx, pemda)
}

// Rates returns the Pemda's effective-dated contribution rates, or the
// national defaults (domain.DefaultBPURates) when it has none of its own.
// It is the one lookup every computation of an expected contribution reads
// (billing, analysis, budgets, reports), through RateTable.At for the month.
func (s *Service) Rates(ctx context.Context, pemda string) (domain.RateTable, error) {
	rs, _, err := s.db.rates(ctx, pemda)
	return rs, err
}

// RatesOf is Rates for each of many Pemda, read at once.
func (s *Service) RatesOf(ctx context.Context, pemdas []string) (map[string]domain.RateTable, error) {
	return s.db.ratesOf(ctx, pemdas)
}

// RateSettings returns the rates in force and whether the Pemda set them
// itself (false: the national defaults apply).
func (s *Service) RateSettings(ctx context.Context, pemda string) (domain.RateTable, bool, error) {
	return s.db.rates(ctx, pemda)
}

// SetRate adds or replaces the actor's Pemda's rate from r.ValidFrom (the
// first of a month); only an administrator may. Other periods keep their
// rates, so figures of past months do not change.
func (s *Service) SetRate(ctx context.Context, actor domain.Actor, r domain.Rate) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	errs := domain.FieldErrors{}
	if r.ValidFrom.IsZero() || r.ValidFrom.Day() != 1 {
		errs.Add("valid_from", "Tarif berlaku mulai tanggal 1 suatu bulan.")
	}
	if r.JKK < 0 {
		errs.Add("jkk", "Persentase JKK tidak boleh negatif.")
	}
	if r.JKM < 0 {
		errs.Add("jkm", "Iuran JKM tidak boleh negatif.")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.setRate(ctx, actor, r)
}

// DeleteRate removes the actor's Pemda's rate from validFrom; only an administrator may.
func (s *Service) DeleteRate(ctx context.Context, actor domain.Actor, validFrom time.Time) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	return s.db.deleteRate(ctx, actor, validFrom)
}

// Benefits returns the Pemda's effective-dated benefit rules, or the
// national defaults (domain.DefaultBenefits) when it has none of its own;
// the benefit-amount check reads the rule in force on each incident date.
func (s *Service) Benefits(ctx context.Context, pemda string) (domain.BenefitTable, error) {
	bs, _, err := s.db.benefits(ctx, pemda)
	return bs, err
}

// BenefitSettings returns the benefit rules in force and whether the Pemda
// set them itself (false: the national defaults apply).
func (s *Service) BenefitSettings(ctx context.Context, pemda string) (domain.BenefitTable, bool, error) {
	return s.db.benefits(ctx, pemda)
}

// SetBenefit adds or replaces the rule of a claim type from b.ValidFrom for
// the actor's Pemda; only an administrator may.
func (s *Service) SetBenefit(ctx context.Context, actor domain.Actor, b domain.Benefit) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	errs := domain.FieldErrors{}
	if !slices.Contains(domain.ClaimTypes, b.Type) {
		errs.Add("type", "Pilih jenis klaim.")
	}
	if b.ValidFrom.IsZero() {
		errs.Add("valid_from", "Isi tanggal mulai berlaku.")
	}
	if b.Flat < 0 {
		errs.Add("flat", "Nilai tetap tidak boleh negatif.")
	}
	if b.IncomePercent < 0 {
		errs.Add("income_percent", "Kelipatan penghasilan tidak boleh negatif.")
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.setBenefit(ctx, actor, b)
}

// DeleteBenefit removes the rule of type t from validFrom; only an administrator may.
func (s *Service) DeleteBenefit(ctx context.Context, actor domain.Actor, t domain.ClaimType, validFrom time.Time) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	return s.db.deleteBenefit(ctx, actor, t, validFrom)
}

// Reference returns the categories, kecamatan and kelurahan of a Pemda.
func (s *Service) Reference(ctx context.Context, pemda string) (domain.Reference, error) {
	var ref domain.Reference
	var err error
	if ref.Categories, err = s.db.categories(ctx, pemda); err != nil {
		return ref, err
	}
	if ref.Kecamatan, err = s.db.kecamatans(ctx, pemda); err != nil {
		return ref, err
	}
	ref.Kelurahan, err = s.db.kelurahans(ctx, pemda)
	return ref, err
}

// DueRule returns the Pemda's rule for when a coverage month's iuran is due.
func (s *Service) DueRule(ctx context.Context, pemda string) (domain.DueRule, error) {
	return s.db.dueRule(ctx, pemda)
}

// DueRules is DueRule for each of many Pemda, read at once.
func (s *Service) DueRules(ctx context.Context, pemdas []string) (map[string]domain.DueRule, error) {
	return s.db.dueRules(ctx, pemdas)
}

// SetDueRule changes the due-date rule of the actor's Pemda; only an
// administrator may.
func (s *Service) SetDueRule(ctx context.Context, actor domain.Actor, r domain.DueRule) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.setDueRule(ctx, actor, r)
}

// admin refuses an actor who is not an administrator.
func admin(actor domain.Actor) error {
	if actor.Role != domain.RoleAdmin {
		return domain.ErrForbidden
	}
	return nil
}

// SetLetterhead changes the names and address the actor's Pemda's
// documents print; only an administrator may.
func (s *Service) SetLetterhead(ctx context.Context, actor domain.Actor, l Letterhead) error {
	if err := admin(actor); err != nil {
		return err
	}
	errs := domain.FieldErrors{}
	for field, v := range map[string]string{"pemda_name": l.PemdaName, "government": l.Government, "office": l.Office, "city": l.City} {
		if strings.TrimSpace(v) == "" {
			errs.Add(field, "Wajib diisi.")
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	return s.db.setLetterhead(ctx, actor, l)
}

// Logo returns the Pemda's letterhead logo, and false when it has none.
func (s *Service) Logo(ctx context.Context, pemda string) (Logo, bool, error) {
	return s.db.logo(ctx, pemda)
}

// SetLogo checks an uploaded logo (CheckLogo) and makes it the actor's
// Pemda's; only an administrator may. A rejected file is a field error on "logo".
func (s *Service) SetLogo(ctx context.Context, actor domain.Actor, data []byte) error {
	if err := admin(actor); err != nil {
		return err
	}
	l, err := CheckLogo(data)
	if err != nil {
		return domain.FieldErrors{"logo": err.Error()}
	}
	return s.db.setLogo(ctx, actor, &l)
}

// DeleteLogo removes the actor's Pemda's logo; only an administrator may.
func (s *Service) DeleteLogo(ctx context.Context, actor domain.Actor) error {
	if err := admin(actor); err != nil {
		return err
	}
	return s.db.setLogo(ctx, actor, nil)
}

// ReportTexts returns the legal basis, aims and method a new report of the
// Pemda starts with: its own, or DefaultReportTexts where it set none.
func (s *Service) ReportTexts(ctx context.Context, pemda string) (ReportTexts, error) {
	t, err := s.db.reportTexts(ctx, pemda)
	return t.withDefaults(), err
}

// OwnReportTexts returns the texts the Pemda set itself, "" where none.
func (s *Service) OwnReportTexts(ctx context.Context, pemda string) (ReportTexts, error) {
	return s.db.reportTexts(ctx, pemda)
}

// SetReportTexts changes the texts new reports of the actor's Pemda start
// with ("" for the national default); only an administrator may.
func (s *Service) SetReportTexts(ctx context.Context, actor domain.Actor, t ReportTexts) error {
	if err := admin(actor); err != nil {
		return err
	}
	return s.db.setReportTexts(ctx, actor, t)
}

// CategorySettings lists the Pemda's categories with the years they are funded.
func (s *Service) CategorySettings(ctx context.Context, pemda string) ([]CategorySetting, error) {
	return s.db.categorySettings(ctx, pemda)
}

var categoryCode = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// checkCategory returns the form errors of a category.
func checkCategory(c CategorySetting) error {
	errs := domain.FieldErrors{}
	if !categoryCode.MatchString(c.Code) {
		errs.Add("code", "Kode: huruf kecil, angka atau garis bawah, diawali huruf, paling panjang 32.")
	}
	if strings.TrimSpace(c.Name) == "" {
		errs.Add("name", "Nama kategori wajib diisi.")
	}
	for field, y := range map[string]int{"first_year": c.FirstYear, "last_year": c.LastYear} {
		if y != 0 && (y < 2000 || y > 2100) {
			errs.Add(field, "Tahun antara 2000 dan 2100.")
		}
	}
	if c.FirstYear != 0 && c.LastYear != 0 && c.LastYear < c.FirstYear {
		errs.Add("last_year", "Tahun terakhir tidak boleh sebelum tahun pertama.")
	}
	return errs.Err()
}

// AddCategory adds a worker category to the actor's Pemda; only an administrator may.
func (s *Service) AddCategory(ctx context.Context, actor domain.Actor, c CategorySetting) error {
	if err := admin(actor); err != nil {
		return err
	}
	if err := checkCategory(c); err != nil {
		return err
	}
	return s.db.addCategory(ctx, actor, c)
}

// UpdateCategory renames a category or changes the years it is funded (a
// last year retires it: its workers, spells and past figures stay); only an
// administrator may.
func (s *Service) UpdateCategory(ctx context.Context, actor domain.Actor, c CategorySetting) error {
	if err := admin(actor); err != nil {
		return err
	}
	if err := checkCategory(c); err != nil {
		return err
	}
	return s.db.updateCategory(ctx, actor, c)
}
