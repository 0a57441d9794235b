package settings

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
)

// Letterhead is what the head (kop surat) of a Pemda office's documents prints.
type Letterhead struct {
	PemdaName  string // Kota Cilegon
	Government string // Pemerintah Kota Cilegon
	Office     string // Dinas Tenaga Kerja
	Address    string
	City       string // where documents are signed: Cilegon
	Logo       string `json:"-"` // the logo as a data: URL for an <img>, or ""
}

// ReportTexts are the texts a new monev report starts with; its authors
// may edit them, and a signed report keeps its own.
type ReportTexts struct {
	LegalBasis string
	Aims       string
	Method     string
}

// DefaultReportTexts are the national texts a Pemda's reports start with
// until it sets its own; they name no Pemda.
var DefaultReportTexts = ReportTexts{
	LegalBasis: `1. Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional;
2. Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;
3. Peraturan Pemerintah Nomor 44 Tahun 2015 tentang Penyelenggaraan Program Jaminan Kecelakaan Kerja dan Jaminan Kematian sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 82 Tahun 2019;
4. Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021 tentang Tata Cara Penyelenggaraan Program Jaminan Kecelakaan Kerja, Jaminan Kematian, dan Jaminan Hari Tua sebagaimana telah diubah dengan Peraturan Menteri Ketenagakerjaan Nomor 1 Tahun 2025;
5. Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan;
6. Surat Edaran Menteri Dalam Negeri Nomor 842.2/5193/SJ tentang Optimalisasi Pelaksanaan Program Jaminan Sosial Ketenagakerjaan;
7. Instruksi Presiden Nomor 8 Tahun 2025 tentang Optimalisasi Pelaksanaan Pengentasan Kemiskinan dan Penghapusan Kemiskinan Ekstrem.`,
	Aims: `1. Memperoleh data tindak lanjut pemerintah daerah atas Instruksi Presiden Nomor 2 Tahun 2021, khususnya perlindungan jaminan sosial ketenagakerjaan bagi pekerja bukan penerima upah (informal);
2. Menginventarisasi potensi dan kendala perluasan kepesertaan;
3. Membangun komitmen bersama sebagai bahan laporan kepada kepala daerah dan bahan penyusunan APBD tahun berikutnya.`,
	Method: `Angka dalam laporan ini diambil langsung dari basis data monev: daftar peserta dan masa kepesertaan yang diimpor dinas, pembayaran iuran menurut SP2D, tagihan dan klaim yang dilaporkan BPJS Ketenagakerjaan, pagu anggaran (DPA), serta sasaran per kategori. Setiap angka dihitung sekali oleh aplikasi dengan definisi yang sama dengan halaman Analisis, lalu dibekukan saat laporan ditandatangani.`,
}

// withDefaults fills the texts a Pemda left empty with the national ones.
func (t ReportTexts) withDefaults() ReportTexts {
	if strings.TrimSpace(t.LegalBasis) == "" {
		t.LegalBasis = DefaultReportTexts.LegalBasis
	}
	if strings.TrimSpace(t.Aims) == "" {
		t.Aims = DefaultReportTexts.Aims
	}
	if strings.TrimSpace(t.Method) == "" {
		t.Method = DefaultReportTexts.Method
	}
	return t
}

// CategorySetting is a worker category as the settings page edits it.
// FirstYear and LastYear bound the years it is funded (0: open); retiring a
// category sets LastYear, and its workers and past figures stay.
type CategorySetting struct {
	Code        string
	Name        string
	Description string
	SortOrder   int
	FirstYear   int
	LastYear    int
}

// FundedIn reports whether the category is funded in year.
func (c CategorySetting) FundedIn(year int) bool {
	return (c.FirstYear == 0 || c.FirstYear <= year) && (c.LastYear == 0 || year <= c.LastYear)
}

// MaxLogoBytes is the largest logo accepted: 512 KB.
const MaxLogoBytes = 512 << 10

// Logo is a Pemda's letterhead logo, PNG or SVG.
type Logo struct {
	ContentType string // image/png or image/svg+xml
	Data        []byte
}

// DataURL is the logo as a data: URL for an <img>, where an SVG's scripts never run.
func (l Logo) DataURL() string {
	if len(l.Data) == 0 {
		return ""
	}
	return "data:" + l.ContentType + ";base64," + base64.StdEncoding.EncodeToString(l.Data)
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// svgUnsafe matches what an SVG logo has no need for and could misuse when
// opened on its own: scripts, event handlers, embedded HTML, external
// references and entity declarations.
var svgUnsafe = regexp.MustCompile(`(?i)<\s*script|\son[a-z]+\s*=|<\s*foreignobject|javascript:|<!entity|<!doctype|(?:href|src)\s*=\s*["']\s*(?:https?:|//|data:text)`)

// CheckLogo reads an uploaded logo: a PNG by its signature, or an SVG whose
// root element is <svg> and that holds nothing active; at most MaxLogoBytes.
// Its errors are messages for the upload form.
func CheckLogo(data []byte) (Logo, error) {
	switch {
	case len(data) == 0:
		return Logo{}, errors.New("Pilih berkas logo (PNG atau SVG).")
	case len(data) > MaxLogoBytes:
		return Logo{}, errors.New("Berkas logo terlalu besar: paling besar 512 KB.")
	case bytes.HasPrefix(data, pngSignature):
		return Logo{ContentType: "image/png", Data: data}, nil
	}
	if !isSVG(data) {
		return Logo{}, errors.New("Logo harus berupa gambar PNG atau SVG; isi berkas ini bukan keduanya.")
	}
	if svgUnsafe.Match(data) {
		return Logo{}, errors.New("Logo SVG ini memuat skrip, tautan luar atau isi aktif lain; simpan ulang sebagai SVG biasa atau PNG.")
	}
	return Logo{ContentType: "image/svg+xml", Data: data}, nil
}

// isSVG reports whether data is well-formed XML whose root element is svg.
func isSVG(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	root := ""
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return root == "svg"
		}
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}
