// Package laporan is the monev report: its content and workflow (draft,
// review, approval, signature), the figures it freezes at signing with a
// checksum, its print views and PDFs, and next year's budget calculator.
// The figures come from analysis.Service; its pages are in ui/.
package laporan
