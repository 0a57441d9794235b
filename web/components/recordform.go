package components

import (
	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
)

// RecordFormProps is a form that adds or corrects one registry record:
// worker, spell, contribution or claim. Its fields are named after the
// import columns, so the form and the import check them the same way.
type RecordFormProps struct {
	Title    string
	Lead     string
	Back     string // where Batal goes
	Action   string
	Submit   string
	Sections []FormSection
	Problem  string // a message about the whole record
}

// FormSection is a titled group of fields.
type FormSection struct {
	Title  string
	Note   string
	Fields []FormField
}

// FormField is one input of a record form.
type FormField struct {
	Name      string // the import column name
	Label     string
	Type      string // text, date, month, select, textarea
	InputMode string // numeric, tel
	Value     string
	Hint      string
	Error     string
	Required  bool
	Groups    []OptionGroup // the choices of a select
	Wide      bool
}

// Choices are the options of the selects whose choices are data: kategori
// and kelurahan.
type Choices struct {
	Categories []Choice
	Kelurahan  []OptionGroup
}

// fieldSpec is how one import column is asked for in a form. hint replaces
// the column's help, which speaks of spreadsheet cells, where a form needs
// other words; "-" means no hint.
type fieldSpec struct {
	label, typ, mode string
	wide             bool
	hint             string
}

// fieldSpecs are keyed by kind and column, since some names ("status",
// "tanggal_bayar") mean different things in different kinds.
var fieldSpecs = map[ingest.Kind]map[string]fieldSpec{
	ingest.Workers: {
		"nik":             {"NIK", "text", "numeric", false, "16 digit, sesuai KTP."},
		"nama":            {"Nama lengkap", "text", "", false, "Sesuai KTP."},
		"tanggal_lahir":   {"Tanggal lahir", "date", "", false, "Harus cocok dengan NIK."},
		"jenis_kelamin":   {"Jenis kelamin", "select", "", false, "Harus cocok dengan NIK (tanggal lahir perempuan ditambah 40)."},
		"kategori":        {"Kategori pekerja", "select", "", false, "-"},
		"kelurahan":       {"Kelurahan", "select", "", false, "Tempat tinggal, bukan tempat NIK diterbitkan."},
		"no_kpj":          {"No. KPJ", "text", "numeric", false, "Nomor kartu BPJS Ketenagakerjaan, 8–16 digit."},
		"tanggal_mulai":   {"Tanggal mulai", "date", "", false, "-"},
		"tanggal_selesai": {"Tanggal selesai", "date", "", false, "Hari itu masih dijamin. Wajib bila status nonaktif atau meninggal."},
		"status":          {"Status kepesertaan", "select", "", false, "-"},
		"penghasilan":     {"Penghasilan per bulan (Rp)", "text", "numeric", false, "Kosong berarti Rp 1.000.000."},
		"alamat":          {"Alamat", "text", "", true, "-"},
		"no_hp":           {"No. HP", "text", "tel", false, "Boleh diawali +62."},
	},
	ingest.Contributions: {
		"periode":        {"Bulan kepesertaan", "month", "", false, "Bulan yang dibayar iurannya."},
		"jumlah_peserta": {"Jumlah peserta", "text", "numeric", false, "Pada tagihan bulan itu."},
		"tagihan":        {"Tagihan (Rp)", "text", "numeric", false, "-"},
		"dibayar":        {"Dibayar (Rp)", "text", "numeric", false, "-"},
		"tanggal_bayar":  {"Tanggal bayar", "date", "", false, "Tanggal SP2D."},
		"no_sp2d":        {"No. SP2D", "text", "", false, "-"},
		"keterangan":     {"Keterangan", "textarea", "", true, "-"},
	},
	ingest.Claims: {
		"no_klaim":          {"No. klaim", "text", "", false, "Dari BPJS Ketenagakerjaan, bila ada."},
		"nik":               {"NIK peserta", "text", "numeric", false, "Peserta harus sudah terdaftar."},
		"jenis_klaim":       {"Jenis klaim", "select", "", false, "-"},
		"tanggal_kejadian":  {"Tanggal kejadian", "date", "", false, "Tanggal meninggal dunia atau kecelakaan kerja."},
		"tanggal_pengajuan": {"Tanggal pengajuan", "date", "", false, "Tidak boleh sebelum tanggal kejadian."},
		"tanggal_bayar":     {"Tanggal bayar", "date", "", false, "Wajib bila status dibayar."},
		"nominal":           {"Nominal (Rp)", "text", "numeric", false, "-"},
		"status":            {"Status klaim", "select", "", false, "-"},
		"ahli_waris":        {"Ahli waris", "text", "", false, "Penerima santunan kematian."},
		"keterangan":        {"Keterangan", "textarea", "", true, "-"},
	},
}

// FormFields builds the fields of the named import columns of a kind, with
// the values as typed and their problems; whether a field is required comes
// from the import's columns.
func FormFields(kind ingest.Kind, names []string, values map[string]string, errs domain.FieldErrors, ch Choices) []FormField {
	cols := map[string]ingest.Column{}
	for _, c := range ingest.Columns(kind) {
		cols[c.Name] = c
	}
	fields := make([]FormField, 0, len(names))
	for _, name := range names {
		spec, col := fieldSpecs[kind][name], cols[name]
		f := FormField{Name: name, Label: spec.label, Type: spec.typ, InputMode: spec.mode, Value: values[name], Hint: spec.hint,
			Error: errs[name], Required: col.Required, Wide: spec.wide}
		switch f.Hint {
		case "":
			f.Hint = col.Help
		case "-":
			f.Hint = ""
		}
		if f.Type == "select" {
			f.Groups = choicesOf(kind, name, ch)
		}
		fields = append(fields, f)
	}
	return fields
}

// choicesOf are the options of a select column.
func choicesOf(kind ingest.Kind, name string, ch Choices) []OptionGroup {
	one := func(opts ...Choice) []OptionGroup { return []OptionGroup{{Options: opts}} }
	switch {
	case name == "kategori":
		return one(append([]Choice{{Value: "", Label: "Pilih kategori"}}, ch.Categories...)...)
	case name == "kelurahan":
		return append(one(Choice{Value: "", Label: "Pilih kelurahan"}), ch.Kelurahan...)
	case name == "jenis_kelamin":
		return one(Choice{Value: "", Label: "Tidak diisi"}, Choice{Value: "L", Label: "Laki-laki"}, Choice{Value: "P", Label: "Perempuan"})
	case name == "jenis_klaim":
		opts := []Choice{{Value: "", Label: "Pilih jenis klaim"}}
		for _, t := range domain.ClaimTypes {
			opts = append(opts, Choice{Value: string(t), Label: t.Name()})
		}
		return one(opts...)
	case kind == ingest.Claims && name == "status":
		var opts []Choice
		for _, s := range domain.ClaimStatuses {
			opts = append(opts, Choice{Value: string(s), Label: s.Label()})
		}
		return one(opts...)
	case name == "status":
		var opts []Choice
		for _, s := range domain.EnrollmentStatuses {
			opts = append(opts, Choice{Value: string(s), Label: s.Label()})
		}
		return one(opts...)
	}
	return nil
}

// HasErrors reports whether any field or the record has a problem.
func (p RecordFormProps) HasErrors() bool {
	if p.Problem != "" {
		return true
	}
	for _, s := range p.Sections {
		for _, f := range s.Fields {
			if f.Error != "" {
				return true
			}
		}
	}
	return false
}

// Extra are the optional attributes of an input: its input mode, the hint
// that describes it, and whether its value was refused.
func (f FormField) Extra() templ.Attributes {
	a := templ.Attributes{}
	if f.Error != "" {
		a["aria-invalid"] = "true"
	}
	if f.InputMode != "" {
		a["inputmode"] = f.InputMode
	}
	if f.Hint != "" {
		a["aria-describedby"] = f.Name + "-hint"
	}
	return a
}
