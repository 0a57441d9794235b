package contributions

import "github.com/cilegon/monev/internal/domain"

// ReconKind is what the per-worker reconciliation of a month finds for a
// bill line or a worker.
type ReconKind string

// The kinds of the per-worker reconciliation, in the order a page lists
// them. Every bill line is exactly one of the first five; a covered worker
// without a line is registered_not_billed.
const (
	// A line whose NIK and KPJ match no worker of the Pemda, or a worker
	// with no spell in or before the month.
	BilledNotRegistered ReconKind = "billed_not_registered"
	// A line for a worker whose every spell ended before the month began
	// (deaths included).
	BilledAfterEnd ReconKind = "billed_after_end"
	// A line for a worker covered in the month at an amount other than the
	// rate by the worker's reported income.
	AmountMismatch ReconKind = "amount_mismatch"
	// Each line after the first for the same worker in the same month.
	DuplicateLine ReconKind = "duplicate_line"
	// A worker covered for the whole month with no line.
	RegisteredNotBilled ReconKind = "registered_not_billed"
	// A line for a worker covered in the month, at the expected amount.
	Matched ReconKind = "matched"
)

// ReconKinds are the kinds in the order pages and exports list them.
var ReconKinds = []ReconKind{BilledNotRegistered, BilledAfterEnd, AmountMismatch, DuplicateLine, RegisteredNotBilled, Matched}

// ParseReconKind reads a kind's code; "" is no kind.
func ParseReconKind(s string) (ReconKind, error) {
	for _, k := range ReconKinds {
		if string(k) == s {
			return k, nil
		}
	}
	if s == "" {
		return "", nil
	}
	return "", &domain.ValueError{Msg: "jenis temuan tidak dikenal: " + domain.Quote(s)}
}

// Label is the kind's Indonesian name.
func (k ReconKind) Label() string {
	switch k {
	case BilledNotRegistered:
		return "Ditagih, tidak terdaftar"
	case BilledAfterEnd:
		return "Ditagih setelah kepesertaan berakhir"
	case AmountMismatch:
		return "Nominal berbeda"
	case DuplicateLine:
		return "Baris ganda"
	case RegisteredNotBilled:
		return "Terdaftar, tidak ditagih"
	case Matched:
		return "Cocok"
	}
	return string(k)
}

// Explanation says in one sentence what the kind means, for the page and
// the berita acara.
func (k ReconKind) Explanation() string {
	switch k {
	case BilledNotRegistered:
		return "Baris tagihan yang NIK dan KPJ-nya tidak cocok dengan peserta mana pun, atau pesertanya belum terdaftar pada bulan itu."
	case BilledAfterEnd:
		return "Baris tagihan untuk peserta yang semua kepesertaannya berakhir sebelum bulan itu, termasuk yang meninggal."
	case AmountMismatch:
		return "Baris tagihan untuk peserta yang terdaftar pada bulan itu dengan nominal selain iuran menurut penghasilan yang dilaporkan."
	case DuplicateLine:
		return "Baris tagihan kedua dan seterusnya untuk peserta yang sama pada bulan yang sama."
	case RegisteredNotBilled:
		return "Peserta yang terdaftar sebulan penuh tetapi tidak ada pada tagihan."
	case Matched:
		return "Baris tagihan untuk peserta yang terdaftar pada bulan itu dengan nominal yang sesuai."
	}
	return ""
}

// Finding is one worker or bill line of the reconciliation: the bill's
// KPJ, NIK and name (the registry's for a worker without a line), what the
// line billed (0 without one) and what the roster expects (0 for a worker
// not covered in the month, and for duplicate lines).
type Finding struct {
	Kind     ReconKind
	WorkerID int64 // 0 when the line names no registered worker
	KPJ      string
	NIK      domain.NIK
	Name     string
	Billed   domain.Rupiah
	Expected domain.Rupiah
	BillNo   string
	Line     int
}

// Difference is the billed amount minus the expected one.
func (f Finding) Difference() domain.Rupiah { return f.Billed - f.Expected }

// KindTally counts the findings of one kind, with their sums.
type KindTally struct {
	Kind             ReconKind
	Count            int64
	Billed, Expected domain.Rupiah
}

// Reconciliation is the per-worker reconciliation of one coverage month:
// the tally of every kind, and the findings asked for.
type Reconciliation struct {
	Month    domain.Month
	Rate     domain.Rate
	HasRate  bool
	Tallies  []KindTally // one per kind, in ReconKinds order
	Findings []Finding
}

// Tally returns the tally of one kind.
func (r Reconciliation) Tally(k ReconKind) KindTally {
	for _, t := range r.Tallies {
		if t.Kind == k {
			return t
		}
	}
	return KindTally{Kind: k}
}

// Lines counts the bill lines of the month: every kind but
// registered_not_billed.
func (r Reconciliation) Lines() int64 {
	var n int64
	for _, t := range r.Tallies {
		if t.Kind != RegisteredNotBilled {
			n += t.Count
		}
	}
	return n
}

// Billed sums the bill lines of the month.
func (r Reconciliation) Billed() domain.Rupiah {
	var sum domain.Rupiah
	for _, t := range r.Tallies {
		sum += t.Billed
	}
	return sum
}

// Issues counts the findings that are not matched.
func (r Reconciliation) Issues() int64 {
	var n int64
	for _, t := range r.Tallies {
		if t.Kind != Matched {
			n += t.Count
		}
	}
	return n
}
