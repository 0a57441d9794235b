package ui_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/app/apptest"
	"github.com/cilegon/monev/internal/demo"
)

// TestBrowserAnalysisViews opens each analysis view in a real browser, moves
// between them by the tabs, and reads the figures, charts and tables.
func TestBrowserAnalysisViews(t *testing.T) {
	a := apptest.NewDemo(t)
	ctx := apptest.Browser(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(a.TS.URL+"/analysis/balance?from=2024-01&to=2024-07&basis=cash"),
		chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), "pimpinan"),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
		chromedp.Click(chromedp.CSS("form button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("#iuran-klaim")),
	)
	if err != nil {
		t.Fatal(err)
	}
	views := []struct {
		tab    string // the path of the tab to click to get there; "" for the first page
		marker string // an element the view draws
		wants  []string
	}{
		{"", "#saldo-kumulatif", []string{"Iuran dan Klaim", "Januari–Juli 2024 · basis kas", "Rp 480.457.660", "Rp 790.000.000",
			"−Rp 309.542.340", "Rp 1,64", "Jaminan Kematian (JKM)", "Klaim dalam proses"}},
		{"/analysis/budget", "#realisasi", []string{"Anggaran: Pagu dan Realisasi", "Rp 950.000.000", "Realisasi s.d. Juli 2024", "Rp 480.457.660"}},
		{"/analysis/coverage", "#cakupan-kecamatan", []string{"Cakupan Kepesertaan", "Nelayan", "83,0 %", "Cibeber", "UCJ"}},
	}
	for _, v := range views {
		if v.tab != "" {
			err := chromedp.Do(ctx,
				chromedp.Click(chromedp.CSS(`nav[aria-label="Analisis"] a[href^="`+v.tab+`?"]`)),
				chromedp.WaitVisible(chromedp.CSS(v.marker)))
			if err != nil {
				t.Fatalf("%s: %v", v.tab, err)
			}
		}
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range v.wants {
			// Labels and badges are upper case in CSS, and so in the rendered text.
			if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
				t.Errorf("%s: page lacks %q", v.marker, want)
			}
		}
	}
	// The tabs keep the period; a kecamatan opens to show its kelurahan.
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "period=2024-01..2024-07") {
		t.Errorf("the tabs lost the period: %s %v", loc, err)
	}
	display := `getComputedStyle(document.querySelector("tbody.kec tr.kel")).display`
	if d, err := chromedp.Run(ctx, chromedp.Evaluate[string](display)); err != nil || d != "none" {
		t.Errorf("kelurahan rows are shown before their kecamatan is opened: %q %v", d, err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`input[aria-label="Tampilkan kelurahan di Kecamatan Cibeber"]`)),
		chromedp.WaitVisible(chromedp.CSS(`tbody.kec tr.kel`))) // Cibeber's first kelurahan
	if err != nil {
		t.Errorf("kelurahan rows do not open: %v", err)
	}
}
