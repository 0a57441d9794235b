package sheet

import "strings"

// The SQL an import kind writes about its staging table, derived from its
// columns so that a column is declared once.

// StageTable is the statement that creates the staging table "stage" of a
// kind: the spreadsheet line, then each staged column. It lives for the
// import's transaction.
func StageTable(s Schema) string {
	cols := []string{"line integer"}
	for _, c := range Staged(s) {
		cols = append(cols, c.DB+" "+c.SQL)
	}
	return "CREATE TEMP TABLE stage (" + strings.Join(cols, ", ") + ") ON COMMIT DROP"
}

// StageColumns are the columns COPY fills, in the order of Rows.Staged.
func StageColumns(s Schema) []string {
	cols := []string{"line"}
	for _, c := range Staged(s) {
		cols = append(cols, c.DB)
	}
	return cols
}

// List is the staged columns of the given groups (all when none is given),
// comma-separated and qualified by alias unless it is "".
func List(s Schema, alias string, groups ...string) string {
	var out []string
	for _, c := range inGroups(s, groups) {
		if alias != "" {
			out = append(out, alias+"."+c.DB)
		} else {
			out = append(out, c.DB)
		}
	}
	return strings.Join(out, ", ")
}

// SetFrom is the SET list of an upsert that takes the staged columns of the
// given groups from alias: "name = EXCLUDED.name, …".
func SetFrom(s Schema, alias string, groups ...string) string {
	var out []string
	for _, c := range inGroups(s, groups) {
		out = append(out, c.DB+" = "+alias+"."+c.DB)
	}
	return strings.Join(out, ", ")
}

// Differences lists, for a message, the names of the columns of the given
// groups whose values differ between aliases a and b: the arguments of
// concat_ws(', ', …).
func Differences(s Schema, a, b string, groups ...string) string {
	var out []string
	for _, c := range inGroups(s, groups) {
		out = append(out, "CASE WHEN "+a+"."+c.DB+" IS DISTINCT FROM "+b+"."+c.DB+" THEN '"+c.Name+"' END")
	}
	return strings.Join(out, ",\n\t\t")
}

// inGroups are the staged columns of the given groups, all when none is given.
func inGroups(s Schema, groups []string) []Spec {
	var out []Spec
	for _, c := range Staged(s) {
		if len(groups) == 0 || contains(groups, c.Group) {
			out = append(out, c)
		}
	}
	return out
}

// contains reports whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
