package postgres

import "strings"

// expand replaces {{name}} placeholders in a query with identifiers chosen by
// the code (never by users), such as the date column of a basis.
func expand(sql string, names map[string]string) string {
	pairs := make([]string, 0, 2*len(names))
	for k, v := range names {
		pairs = append(pairs, "{{"+k+"}}", v)
	}
	return strings.NewReplacer(pairs...).Replace(sql)
}
