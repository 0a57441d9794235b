package imports

import (
	"context"
	"sync"
	"time"
)

// MaxJobs is how many imports check or write at once in this process, for
// every Pemda together; a Pemda's imports run one at a time. The others
// wait as "queued" (antre) holding no database connection, so a burst of
// uploads never takes the connections the rest of the site needs.
const MaxJobs = 2

// A queued or running batch holds a lease that its process renews every
// leaseRenew; MarkStale fails a batch whose lease ran out, because the
// process that ran it died.
const (
	leaseTime  = time.Minute
	leaseRenew = leaseTime / 4
)

// queue admits imports: at most MaxJobs at once, one per Pemda.
type queue struct {
	slots chan struct{}
	mu    sync.Mutex
	pemda map[string]chan struct{}
}

func newQueue() *queue {
	return &queue{slots: make(chan struct{}, MaxJobs), pemda: map[string]chan struct{}{}}
}

// wait blocks until an import of pemda may run, or ctx ends; release ends
// its turn.
func (q *queue) wait(ctx context.Context, pemda string) (release func(), err error) {
	q.mu.Lock()
	turn := q.pemda[pemda]
	if turn == nil {
		turn = make(chan struct{}, 1)
		q.pemda[pemda] = turn
	}
	q.mu.Unlock()
	select {
	case turn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case q.slots <- struct{}{}:
	case <-ctx.Done():
		<-turn
		return nil, ctx.Err()
	}
	return func() { <-q.slots; <-turn }, nil
}

// hold renews the lease of a batch until the returned stop is called.
func (s *Service) hold(pemda string, id int64) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(leaseRenew)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				_ = s.db.renewLease(ctx, pemda, id)
			}
		}
	}()
	return func() { cancel(); <-done }
}
