package web

// PrintCSP is the Content Security Policy of a printed monev report: its
// own style sheets, images and fonts and nothing else; no connections,
// frames, forms or plugins. script allows the print button's print.js (the
// browser's print view); the PDF's page runs no script at all.
func PrintCSP(script bool) string {
	scripts := "'none'"
	if script {
		scripts = "'self'"
	}
	return "default-src 'none'; script-src " + scripts + "; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
		"connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}
