// Command shot signs in to a running monev and saves full-page screenshots
// of the given paths at one width, for looking at what you build:
//
//	go run ./internal/tools/shot -user pimpinan -w 390 "/?period=2024" /analysis/balance
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cilegon/monev/internal/platform/pdf"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "address of the running monev")
	user := flag.String("user", "pimpinan", "user to sign in as (empty: none)")
	pass := flag.String("pass", "demo-cilegon-2024", "password")
	width := flag.Int("w", 1280, "window width in CSS pixels")
	out := flag.String("out", "/tmp/shot", "directory for the PNG files")
	top := flag.Int("top", 0, "shoot only the first N pixels of each page (0: the whole page)")
	flag.Parse()
	actx, cancel, err := pdf.NewAllocator(context.Background())
	if err != nil {
		panic(err)
	}
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	ctx, cancel3 := context.WithTimeout(ctx, 120*time.Second)
	defer cancel3()
	if *user != "" {
		err = chromedp.Do(ctx, chromedp.EmulateViewport(int64(*width), 900),
			chromedp.Navigate(*base+"/login"),
			chromedp.SendKeys(chromedp.CSS("#username"), *user), chromedp.SendKeys(chromedp.CSS("#password"), *pass),
			chromedp.Submit(chromedp.CSS("#password")), chromedp.WaitVisible(chromedp.CSS("main")))
		if err != nil {
			panic(err)
		}
	}
	for i, path := range flag.Args() {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(*width), 900), chromedp.Navigate(*base+path),
			chromedp.WaitReady(chromedp.CSS("body")), chromedp.Sleep(300*time.Millisecond))
		if err != nil {
			panic(err)
		}
		shot := chromedp.FullScreenshot(100)
		if *top > 0 {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(*width), int64(*top))); err != nil {
				panic(err)
			}
			shot = chromedp.CaptureScreenshot()
		}
		buf, err := chromedp.Run(ctx, shot)
		if err != nil {
			panic(err)
		}
		name := fmt.Sprintf("%s/%02d-%d-%s.png", *out, i, *width, strings.NewReplacer("/", "_", "?", "_", "&", "_", "=", "-").Replace(path))
		if err := os.MkdirAll(*out, 0o755); err != nil {
			panic(err)
		}
		if err := os.WriteFile(name, buf, 0o644); err != nil {
			panic(err)
		}
		fmt.Println(name)
	}
}
