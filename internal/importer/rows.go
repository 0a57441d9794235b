package importer

import (
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/ingest"
)

// decoderRows adapts an ingest.Decoder to the store's row streams.
type decoderRows struct{ d *ingest.Decoder }

func (r decoderRows) Next() bool   { return r.d.Next() }
func (r decoderRows) Invalid() int { return r.d.ErrorCount() }
func (r decoderRows) Err() error   { return r.d.Err() }

type workerRows struct{ decoderRows }

func (r workerRows) Worker() (int, domain.Worker) {
	row := r.d.Worker()
	return row.Line, row.Worker
}

type contributionRows struct{ decoderRows }

func (r contributionRows) Contribution() (int, domain.Contribution) {
	row := r.d.Contribution()
	return row.Line, row.Contribution
}

type claimRows struct{ decoderRows }

func (r claimRows) Claim() (int, domain.Claim) {
	row := r.d.Claim()
	return row.Line, row.Claim
}
