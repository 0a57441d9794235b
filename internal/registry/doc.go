// Package registry is the register of the programme's workers (peserta)
// and their spells of coverage (kepesertaan; Enrollment in code): the
// workers file's column table and import, the store, the service, the
// worker API; its pages are in ui/.
package registry
