package app

import "github.com/cilegon/monev/web"

// navItems is the main navigation; an item shows only to users whose role
// may open it.
var navItems = []web.NavItem{
	{Key: "dashboard", Label: "Ringkasan", Href: "/"},
	{Key: "workers", Label: "Peserta", Href: "/workers"},
	{Key: "contributions", Label: "Iuran & Tagihan", Href: "/billing"},
	{Key: "claims", Label: "Klaim", Href: "/claims"},
	{Key: "analysis", Label: "Analisis", Href: "/analysis/balance"},
	{Key: "reports", Label: "Laporan", Href: "/reports"},
	{Key: "followups", Label: "Tindak lanjut", Href: "/followups"},
	{Key: "imports", Label: "Impor", Href: "/imports"},
	{Key: "quality", Label: "Kualitas Data", Href: "/quality"},
	{Key: "settings", Label: "Pengaturan", Href: "/settings"},
	{Key: "admin", Label: "Admin", Href: "/admin/users"},
}
