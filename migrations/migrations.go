// Package migrations embeds the SQL migrations of the monev schema
// (golang-migrate's NNNNNN_name.up.sql / .down.sql files). schema.sql,
// beside them, is the schema they make, generated for reading (make
// schema); it is not embedded.
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.up.sql *.down.sql
var FS embed.FS
