// Package sheet reads the spreadsheets people really have — CSV (comma or
// semicolon, with or without a BOM) and XLSX — and turns each row into a
// feature's record, with row-and-column error messages in Bahasa
// Indonesia. It also writes import templates and exports in the same
// column layout, so that an export can be imported again.
//
// A feature declares its file once, as a Table of Columns over its record
// type (registry.Workers, contributions.Contributions, claims.Claims): the
// decoder, the web forms (ParseForm, Values), the exports (Exporter), the
// templates (WriteTemplate) and the import's staging SQL (StageTable,
// SetFrom, Differences) all follow that one declaration. A Kind joins a
// table with the SQL an import runs on it.
//
// Rows are parsed one at a time and streamed (Decoder is pull style, so it
// can feed a COPY); checks across rows — duplicates within a file,
// overlapping coverage spells, claims for unregistered NIKs — are the
// import's, which runs them set-based on a staging table.
//
// sheet imports only the standard library, excelize and internal/domain: it
// writes SQL text but never talks to a database.
package sheet
