package ui

import (
	"context"

	"github.com/cilegon/monev/internal/platform/httpx"
	"github.com/cilegon/monev/web/components"
)

// drill is href, a link to the records of persons behind a figure
// (workers, claims), for a role that may open them
// (domain.Role.SeesPersons); "" for pimpinan, who reads aggregates only.
func drill(ctx context.Context, href string) string {
	if httpx.UserOf(ctx).Role.SeesPersons() {
		return href
	}
	return ""
}

// drillBars is a bar chart whose bars lead to their records only for a
// role that may open them (see drill).
func drillBars(ctx context.Context, c components.BarChart) components.BarChart {
	if !httpx.UserOf(ctx).Role.SeesPersons() {
		c.Hrefs = nil
	}
	return c
}

// drillHBars is drillBars for horizontal bar charts.
func drillHBars(ctx context.Context, c components.HBarChart) components.HBarChart {
	if !httpx.UserOf(ctx).Role.SeesPersons() {
		for i := range c.Items {
			c.Items[i].Href = ""
		}
	}
	return c
}
