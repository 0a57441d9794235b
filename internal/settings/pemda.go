package settings

import (
	"context"

	"github.com/cilegon/monev/internal/domain"
)

// AddPemda onboards a province or kabupaten/kota by its Kemendagri code,
// with or without dots: its row and letterhead names, its kecamatan and
// kelurahan/desa from the embedded Kemendagri list (a province gets every
// one in the province, since it funds workers anywhere in it), the default
// categories, and an empty programme. National default rates apply to it
// until it has rates of its own. Only an administrator may.
func (s *Service) AddPemda(ctx context.Context, actor domain.Actor, code string) (Pemda, error) {
	if actor.Role != domain.RoleAdmin {
		return Pemda{}, domain.ErrForbidden
	}
	_, region, err := PemdaCode(code)
	if err != nil {
		return Pemda{}, err
	}
	return s.db.addPemda(ctx, actor, newPemda(region), region)
}

// Pemdas lists every Pemda of the installation by code, without counts.
func (s *Service) Pemdas(ctx context.Context) ([]Pemda, error) {
	return s.db.pemdaList(ctx, nil, false)
}

// PemdaCodes lists the stored code of every Pemda of the installation.
func (s *Service) PemdaCodes(ctx context.Context) ([]string, error) {
	list, err := s.Pemdas(ctx)
	codes := make([]string, len(list))
	for i, p := range list {
		codes[i] = p.Code
	}
	return codes, err
}

// PemdasCounted is Pemdas with each one's kecamatan, kelurahan and workers.
func (s *Service) PemdasCounted(ctx context.Context) ([]Pemda, error) {
	return s.db.pemdaList(ctx, nil, true)
}

// PemdasIn lists the Pemda with the given stored codes, by code.
func (s *Service) PemdasIn(ctx context.Context, codes []string) ([]Pemda, error) {
	if codes == nil {
		codes = []string{}
	}
	return s.db.pemdaList(ctx, codes, false)
}
