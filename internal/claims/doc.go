// Package claims is the record of the benefits BPJS paid out (klaim): the
// claim file's column table and import, the store, the service, benefit
// rules; its pages are in ui/.
package claims
