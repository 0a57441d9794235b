package settings

import (
	"context"
	"slices"
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

// Letterhead is what the head of a Pemda's documents prints.
func (s *Service) Letterhead(ctx context.Context, pemda string) (Letterhead, error) {
	return s.db.letterhead(ctx, pemda)
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
