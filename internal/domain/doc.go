// Package domain is the language of the monev programme: the APBD of Kota
// Cilegon pays BPJS Ketenagakerjaan contributions (iuran) for vulnerable
// informal workers, and BPJS pays claims (klaim). It defines money (Rupiah),
// calendar months and reporting periods, NIK, enrollments, claims, roles,
// effective-dated contribution rates and benefit amounts, the
// contribution-versus-claim balance, and the Indonesian formatting and
// parsing of all of these.
//
// Everything here is pure: no I/O, no clock except where a method says so,
// and no imports outside the Go standard library. Every other package in the
// module may import domain; domain imports none of them. Messages in errors
// meant for users are in Bahasa Indonesia; code and comments are in English.
package domain
