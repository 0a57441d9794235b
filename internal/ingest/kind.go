package ingest

import (
	"strconv"
	"strings"

	"github.com/cilegon/monev/internal/domain"
)

// Kind is what a file holds: workers, contributions or claims.
type Kind string

// The three kinds of import file.
const (
	Workers       Kind = "workers"       // peserta: a worker with one coverage spell per row
	Contributions Kind = "contributions" // iuran: one payment to BPJS per row
	Claims        Kind = "claims"        // klaim: one benefit claim per row
)

// Kinds lists every kind in menu order.
var Kinds = []Kind{Workers, Contributions, Claims}

// ParseKind reads a kind by its code or its Indonesian name ("peserta",
// "iuran", "klaim"), in any case.
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "workers", "worker", "peserta":
		return Workers, nil
	case "contributions", "contribution", "iuran":
		return Contributions, nil
	case "claims", "claim", "klaim":
		return Claims, nil
	}
	return "", &domain.ValueError{Msg: "jenis data tidak dikenal: " + strconv.Quote(s) + "; gunakan peserta, iuran atau klaim"}
}

// Label returns the Indonesian name of the kind: "Peserta", "Iuran" or "Klaim".
func (k Kind) Label() string {
	switch k {
	case Workers:
		return "Peserta"
	case Contributions:
		return "Iuran"
	case Claims:
		return "Klaim"
	}
	return ""
}
