// Package admin is the administration of a Pemda's monev: its pages, in
// ui/, manage user accounts and API tokens through auth.Service and browse
// the audit log through platform/audit. It keeps no data of its own.
package admin
