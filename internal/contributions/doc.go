// Package contributions is the ledger of what the Pemda pays BPJS for its
// workers (iuran): the contribution file's column table and import, the
// store, the service; its pages are in ui/.
package contributions
