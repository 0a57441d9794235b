// Package analysis is the evaluation of the programme for any period on
// either basis: the contribution-versus-claim balance with its series and
// claims by type, the billing reconciliation, the budget (pagu, realisasi,
// projection) and the coverage against targets and UCJ. Each is a view, a
// bundle of figures computed once here and shown alike on the pages, in the
// API, in the exports and in the frozen figures of a signed laporan.
//
// It imports domain, the platform packages and, through their services,
// other features; its pages are in ui/.
package analysis
