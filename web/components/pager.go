package components

// Paging describes a paged list for Pager.
type Paging struct {
	Page  int
	Pages int
	Href  func(page int) string
}

// Window is the page numbers Pager shows: the first, the last, and two on
// each side of the current one; 0 marks a gap.
func (p Paging) Window() []int {
	var out []int
	for i := 1; i <= p.Pages; i++ {
		if i == 1 || i == p.Pages || (i >= p.Page-2 && i <= p.Page+2) {
			out = append(out, i)
		} else if len(out) > 0 && out[len(out)-1] != 0 {
			out = append(out, 0)
		}
	}
	return out
}
