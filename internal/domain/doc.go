// Package domain is the vocabulary every feature of monev shares: money
// (Rupiah), calendar months, reporting periods and the cash or accrual
// basis, NIK, roles, users and the actor of a change, Pemda and their
// regions and categories, effective-dated contribution rates, the codes of
// claim types, claim statuses and enrollment statuses (which analysis,
// quality and the links between pages speak as well as their features),
// the errors every layer maps (ValueError, FieldErrors, ConflictError,
// ErrNotFound, ErrForbidden), and the Indonesian formatting and parsing of
// all of these.
//
// A feature's own records live in the feature: registry.Worker and
// registry.Enrollment, contributions.Contribution, claims.Claim and the
// benefit table.
//
// Everything here is pure: no I/O, no clock except where a method says so,
// and no imports outside the Go standard library (the boundary test in
// internal/app checks it). Every other package may import domain; domain
// imports none of them. Messages in errors meant for users are in Bahasa
// Indonesia; code and comments are in English.
package domain
