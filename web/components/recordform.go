package components

import (
	"github.com/a-h/templ"

	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/platform/sheet"
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

// FormFields builds the fields of the named columns of a kind, with the
// values as typed and their problems; the label, input, hint, choices and
// whether a field is required all come from the kind's column table.
func FormFields(kind sheet.Schema, names []string, values map[string]string, errs domain.FieldErrors, ch Choices) []FormField {
	cols := map[string]sheet.Spec{}
	for _, c := range kind.Specs() {
		cols[c.Name] = c
	}
	fields := make([]FormField, 0, len(names))
	for _, name := range names {
		col := cols[name]
		f := FormField{Name: name, Label: col.Label, Type: col.Input, InputMode: col.InputMode, Value: values[name], Hint: col.Hint,
			Error: errs[name], Required: col.Required, Wide: col.Wide}
		switch f.Hint {
		case "":
			f.Hint = col.Help
		case "-":
			f.Hint = ""
		}
		if f.Type == "select" {
			f.Groups = choicesOf(col, ch)
		}
		fields = append(fields, f)
	}
	return fields
}

// choicesOf are the options of a select column: the Pemda's categories or
// kelurahan, or the column's own.
func choicesOf(col sheet.Spec, ch Choices) []OptionGroup {
	switch col.Lookup {
	case "kategori":
		return []OptionGroup{{Options: append([]Choice{{Value: "", Label: "Pilih kategori"}}, ch.Categories...)}}
	case "kelurahan":
		return append([]OptionGroup{{Options: []Choice{{Value: "", Label: "Pilih kelurahan"}}}}, ch.Kelurahan...)
	}
	opts := make([]Choice, len(col.Options))
	for i, o := range col.Options {
		opts[i] = Choice{Value: o.Value, Label: o.Label}
	}
	return []OptionGroup{{Options: opts}}
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
