// Package migrations embeds the SQL migrations of the monev schema
// (golang-migrate's NNNNNN_name.up.sql / .down.sql files).
package migrations

import "embed"

// FS holds every migration file.
//
//go:embed *.sql
var FS embed.FS
