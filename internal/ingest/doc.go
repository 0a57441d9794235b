// Package ingest reads the spreadsheets people really have — CSV (comma or
// semicolon, with or without a BOM) and XLSX — and turns each row into domain
// values, with row-and-column error messages in Bahasa Indonesia. It also
// writes import templates and exports in the same column layout, so that an
// export can be imported again.
//
// Rows are parsed one at a time and streamed (Decoder is pull style, so it can
// feed pgx.CopyFrom); checks across rows — duplicates within a file,
// overlapping coverage spells, claims for unregistered NIKs — belong to the
// database layer, which runs them set-based on a staging table.
//
// ingest imports only the standard library, excelize and internal/domain. It
// must not import pgx, chi or any other package of this module.
package ingest
