// Package settings is what a Pemda sets up once and changes now and then:
// its name and letterhead, its kecamatan and kelurahan, the worker
// categories and the effective-dated contribution rates. Other features read
// them through Service.
package settings
