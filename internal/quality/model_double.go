package quality

import "github.com/cilegon/monev/internal/domain"

// DoubleFunding is one NIK covered by two or more Pemda in the same months:
// a worker who moved without the first Pemda ending the spell, or a city
// and its province both paying. Each Pemda pays BPJS for the same person.
type DoubleFunding struct {
	NIK    domain.NIK
	Pemdas []string       // stored codes, sorted
	Names  []string       // the workers' names as each Pemda has them, in the order of Pemdas
	Months []domain.Month // the months in the period with spells of the NIK in at least two of them
}
