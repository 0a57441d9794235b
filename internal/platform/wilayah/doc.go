// Package wilayah is the list of Indonesia's administrative regions with
// their Kemendagri codes, shipped inside the binary: 38 provinces, 514
// regencies and cities (kabupaten/kota), 7.285 districts (kecamatan) and
// 83.762 villages (kelurahan/desa). It is for checking and naming region
// codes, such as those at the start of a NIK or in an import file, and for
// listing the regions under one of them, without a database or network.
//
// The data is read from the embedded wilayah.txt.gz on first use, once, and
// is read-only after that, so every function is safe for concurrent use.
// Codes are accepted with or without dots ("36.72" or "3672") and returned
// dotted. Messages in errors meant for users are in Bahasa Indonesia.
//
// The package imports only the Go standard library and no other package of
// this project.
//
// Data wilayah: idn-area-data, ODbL 1.0. The data comes from idn-area-data
// 4.0.1 and is under the Open Database License 1.0 (LICENSE-ODbL.md): a
// product that shows it must credit the source (see Credit), and a database
// derived from it stays under the same licence.
package wilayah
