package claims

import "github.com/cilegon/monev/internal/domain"

// ScholarshipMaxChildren is how many children of one worker may receive the scholarship benefit (PP 82/2019).
const ScholarshipMaxChildren = 2

// ScholarshipMaxTotal is the most the scholarship benefit pays for all children of one worker together (PP 82/2019).
const ScholarshipMaxTotal domain.Rupiah = 174_000_000
