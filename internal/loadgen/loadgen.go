// Package loadgen drives a running monev with concurrent HTTP clients and
// measures latency, for the benchmark (cmd/bench) and the soak test
// (cmd/soak). It imports only the standard library.
package loadgen

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Request is one kind of request the load is made of.
type Request struct {
	Name   string
	Method string // GET when empty
	Path   string
	Body   func() (io.Reader, string) // body and content type, for POSTs
	Token  bool                       // send the bearer token instead of the session cookie
}

// Client is a signed-in user agent: a session cookie and an API token.
type Client struct {
	Base  string
	HTTP  *http.Client
	Token string
}

// Login signs in through the sign-in form and returns a client with the
// session cookie.
func Login(base, username, password string) (*Client, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 5 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(base+"/login", url.Values{"username": {username}, "password": {password}})
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("loadgen: sign-in as %s answered %d", username, resp.StatusCode)
	}
	return &Client{Base: base, HTTP: c}, nil
}

// Do sends one request and reads the whole answer.
func (c *Client) Do(ctx context.Context, r Request) (int, error) {
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	var ctype string
	if r.Body != nil {
		body, ctype = r.Body()
	}
	req, err := http.NewRequestWithContext(ctx, method, c.Base+r.Path, body)
	if err != nil {
		return 0, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if r.Token {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}

// Stats are the latencies and outcomes of many requests.
type Stats struct {
	mu        sync.Mutex
	latencies map[string][]time.Duration
	errors    map[string]int // 5xx and transport errors
	other     map[string]int // 4xx
}

// NewStats returns empty statistics.
func NewStats() *Stats {
	return &Stats{latencies: map[string][]time.Duration{}, errors: map[string]int{}, other: map[string]int{}}
}

// Add records one request.
func (s *Stats) Add(name string, status int, took time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latencies[name] = append(s.latencies[name], took)
	switch {
	case err != nil || status >= 500:
		s.errors[name]++
	case status >= 400:
		s.other[name]++
	}
}

// Summary is what Stats says of one kind of request (or of all, "*").
type Summary struct {
	Name     string
	Requests int
	Errors   int // 5xx and transport errors
	Client   int // 4xx
	P50, P90 time.Duration
	P99, Max time.Duration
}

// Summaries summarises each kind of request and all together, by name.
func (s *Stats) Summaries() []Summary {
	s.mu.Lock()
	defer s.mu.Unlock()
	var all []time.Duration
	var out []Summary
	names := make([]string, 0, len(s.latencies))
	for n := range s.latencies {
		names = append(names, n)
	}
	slices.Sort(names)
	total := Summary{Name: "*"}
	for _, n := range names {
		ls := s.latencies[n]
		all = append(all, ls...)
		sum := summarize(n, ls)
		sum.Errors, sum.Client = s.errors[n], s.other[n]
		total.Errors += sum.Errors
		total.Client += sum.Client
		out = append(out, sum)
	}
	t := summarize("*", all)
	t.Errors, t.Client = total.Errors, total.Client
	return append(out, t)
}

func summarize(name string, ls []time.Duration) Summary {
	ls = slices.Clone(ls)
	slices.Sort(ls)
	q := func(p float64) time.Duration {
		if len(ls) == 0 {
			return 0
		}
		i := int(float64(len(ls)-1) * p)
		return ls[i]
	}
	return Summary{Name: name, Requests: len(ls), P50: q(.50), P90: q(.90), P99: q(.99), Max: q(1)}
}

// Run sends requests from clients concurrent workers until ctx ends or
// each worker has sent n requests (n ≤ 0: no limit), picking the requests
// round-robin, and returns the statistics and the wall time.
func Run(ctx context.Context, c *Client, clients, n int, reqs []Request) (*Stats, time.Duration) {
	stats := NewStats()
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < clients; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; n <= 0 || i < n; i++ {
				if ctx.Err() != nil {
					return
				}
				r := reqs[(w+i)%len(reqs)]
				t := time.Now()
				status, err := c.Do(ctx, r)
				if ctx.Err() != nil {
					return
				}
				stats.Add(r.Name, status, time.Since(t), err)
			}
		}(w)
	}
	wg.Wait()
	return stats, time.Since(start)
}

// Table formats summaries as a plain text table.
func Table(sums []Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-34s %9s %7s %9s %9s %9s %9s\n", "request", "count", "5xx", "p50 ms", "p90 ms", "p99 ms", "max ms")
	for _, s := range sums {
		fmt.Fprintf(&b, "%-34s %9d %7d %9.1f %9.1f %9.1f %9.1f\n", s.Name, s.Requests, s.Errors,
			ms(s.P50), ms(s.P90), ms(s.P99), ms(s.Max))
	}
	return b.String()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
