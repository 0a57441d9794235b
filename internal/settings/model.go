package settings

// Letterhead is what the head (kop surat) of a Pemda office's documents prints.
type Letterhead struct {
	PemdaName  string // Kota Cilegon
	Government string // Pemerintah Kota Cilegon
	Office     string // Dinas Tenaga Kerja
	Address    string
	City       string // where documents are signed: Cilegon
}
