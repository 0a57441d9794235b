package ui

import "github.com/cilegon/monev/internal/domain"

// Guide is one role's Panduan.
type Guide struct {
	Role     domain.Role
	Intro    string
	Sections []Section
}

// Section is one part of a guide: the monthly cycle, the meeting, the follow-ups.
type Section struct {
	ID, Title, Lead string
	Steps           []Step
}

// Step is one numbered step: what happens, what this role does, and where.
type Step struct {
	Title string
	What  string // what happens, the same for every role
	You   string // what this role does; "" when nothing
	Href  string // the page where it happens, "" for none
	Link  string // that page's name
}

// forRole picks a role's text from byRole, else the text for everyone else.
func forRole(r domain.Role, byRole map[domain.Role]string, others string) string {
	if s, ok := byRole[r]; ok {
		return s
	}
	return others
}

// Short names of the roles for the tables below.
const (
	admin    = domain.RoleAdmin
	disnaker = domain.RoleDisnaker
	bpjs     = domain.RoleBPJS
	leader   = domain.RolePimpinan
)

// both gives the same text to admin and disnaker, who do Disnaker's work.
func both(text string) map[domain.Role]string {
	return map[domain.Role]string{admin: text, disnaker: text}
}

// with adds a role's text to a table.
func with(m map[domain.Role]string, r domain.Role, text string) map[domain.Role]string {
	m[r] = text
	return m
}

var intros = map[domain.Role]string{
	admin: "Anda mengelola akun pengguna, token API dan log audit, dan dapat mengerjakan semua tugas Dinas Tenaga Kerja " +
		"kecuali reviu BPJS atas laporan monev.",
	disnaker: "Anda mengimpor dan membetulkan data peserta, iuran, tagihan dan klaim, merekonsiliasi tagihan BPJS setiap bulan, " +
		"dan menulis laporan monev sampai ditandatangani Kepala Dinas.",
	bpjs: "Anda mengirim tagihan dan data klaim, ikut merekonsiliasi setiap bulan, membaca semua data, dan mereviu serta " +
		"menyetujui laporan monev sebelum ditandatangani.",
	leader: "Anda membaca ringkasan, analisis dan laporan monev yang sudah ditandatangani. Anda melihat angka agregat saja, " +
		"tanpa data perorangan (UU 27/2022 tentang Pelindungan Data Pribadi).",
}

// guideOf writes the guide of role r.
func guideOf(r domain.Role) Guide {
	g := Guide{Role: r, Intro: intros[r]}
	g.Sections = append(g.Sections, Section{ID: "siklus", Title: "Siklus bulanan: tagihan, bayar, rekonsiliasi, rapat",
		Lead: "Setiap bulan kepesertaan melewati empat langkah. Setiap angka menyebut periode dan dasar penghitungannya (kas atau akrual).",
		Steps: []Step{
			{Title: "Tagihan masuk", Href: "/imports", Link: "Impor",
				What: "BPJS Ketenagakerjaan menagih Pemda per bulan kepesertaan, satu baris per peserta (KPJ, NIK, nama, upah, JKK, JKM, iuran).",
				You: forRole(r, with(both("Unggah berkasnya di Impor → Tagihan BPJS (templat tagihan). Berkas diperiksa dulu; setiap masalah disebut "+
					"baris dan kolomnya, dan tidak ada yang masuk sebelum Anda mengonfirmasi. Tagihan yang diterbitkan ulang dengan nomor yang sama menggantikan yang lama."),
					bpjs, "Kirim tagihan per peserta kepada Dinas Tenaga Kerja; Anda dapat mengikuti hasil impornya di Impor."),
					"Dinas Tenaga Kerja mengimpor tagihan; Anda melihat hasilnya di Iuran & Tagihan.")},
			{Title: "Bayar", Href: "/billing", Link: "Iuran & Tagihan",
				What: "Pemda membayar iuran dengan SP2D. Iuran BPU jatuh tempo tanggal 15 bulan kepesertaan itu sendiri; Sabtu atau Minggu bergeser ke Senin.",
				You: forRole(r, both("Catat setiap SP2D di Iuran (atau impor baris iuran). Satu bulan boleh dibayar beberapa kali."),
					"Ringkasan memberi peringatan bila ada bulan yang menunggak; tunggakan tiga bulan membuat kepesertaan BPU nonaktif.")},
			{Title: "Rekonsiliasi", Href: "/billing", Link: "Iuran & Tagihan",
				What: "Tagihan dicocokkan dengan daftar peserta: cocok, ditagih tidak terdaftar, ditagih setelah kepesertaan berakhir, " +
					"nominal berbeda, baris ganda, atau terdaftar tidak ditagih.",
				You: forRole(r, with(both("Buka Iuran & Tagihan, pilih bulannya, lalu Rekonsiliasi per peserta. Ekspor daftarnya bila perlu, "+
					"dan cetak berita acara rekonsiliasi untuk ditandatangani Dinas Tenaga Kerja dan BPJS."),
					bpjs, "Periksa rekonsiliasi per peserta bersama Dinas Tenaga Kerja dan tandatangani berita acaranya."),
					"Anda melihat angka per bulan dan rekapnya, tanpa nama peserta.")},
			{Title: "Rapat monev", Href: "/", Link: "Ringkasan",
				What: "Rapat monitoring dan evaluasi membahas iuran, klaim, saldo, rasio klaim, anggaran dan cakupan periode berjalan, " +
					"lalu menyepakati rencana tindak lanjut.",
				You: forRole(r, map[domain.Role]string{leader: "Bawa Ringkasan atau ringkasan laporan satu halaman ke rapat."},
					"Siapkan angka dari Ringkasan dan Analisis; setiap angka dapat ditelusuri ke baris datanya.")},
		}})
	g.Sections = append(g.Sections, Section{ID: "rapat", Title: "Laporan rapat monev: tulis, kirim, tinjau, setujui, tanda tangan, cetak",
		Lead: "Laporan monev mengambil angka dari data dan membekukannya saat ditandatangani, bersama status tindak lanjut rapat sebelumnya.",
		Steps: []Step{
			{Title: "Tulis", Href: "/reports", Link: "Laporan",
				What: "Dinas Tenaga Kerja menulis draf: periode, dasar penghitungan, peserta rapat, temuan (terisi dari angka), kendala, komitmen, " +
					"rekomendasi, rekomendasi anggaran dari kalkulator, dan rencana tindak lanjut (kegiatan, penanggung jawab, batas waktu).",
				You: forRole(r, both("Laporan → Buat laporan. Simpan draf sesering perlu; draf belum terlihat oleh pimpinan."), "")},
			{Title: "Kirim", What: "Draf diajukan kepada BPJS untuk direviu. Tanggal rapat, peserta rapat, latar belakang, temuan dan rekomendasi harus sudah terisi.",
				You: forRole(r, both("Buka laporan dan tekan Ajukan untuk direviu BPJS."), "")},
			{Title: "Tinjau", What: "BPJS mereviu dan memberi komentar per bagian; laporan dapat dikembalikan untuk perbaikan.",
				You: forRole(r, with(both("Balas komentar BPJS, perbaiki laporan yang dikembalikan, lalu ajukan lagi."),
					bpjs, "Tekan Mulai reviu, beri komentar pada bagian yang perlu diperbaiki, dan tandai selesai bila sudah dijawab."), "")},
			{Title: "Setujui", What: "BPJS menyetujui laporan yang sudah benar.",
				You: forRole(r, map[domain.Role]string{bpjs: "Tekan Setujui."}, "")},
			{Title: "Tanda tangan", What: "Kepala Dinas menandatangani laporan yang disetujui. Angka dan status tindak lanjut rapat sebelumnya " +
				"dibekukan dengan sidik SHA-256; perubahan data sesudahnya ditampilkan terpisah, tidak mengubah laporan.",
				You: forRole(r, both("Hanya akun yang ditetapkan administrator sebagai penanda tangan, dengan jabatan, pangkat dan NIP, yang dapat menandatangani."), "")},
			{Title: "Cetak", Href: "/reports", Link: "Laporan",
				What: "Laporan lengkap (A4) dan ringkasan satu halaman untuk Wali Kota dapat dicetak dari browser atau diunduh sebagai PDF.",
				You:  forRole(r, map[domain.Role]string{leader: "Anda membaca dan mencetak laporan yang sudah ditandatangani."}, "")},
		}})
	g.Sections = append(g.Sections, Section{ID: "tindak-lanjut", Title: "Tindak lanjut",
		Lead: "Setiap butir rencana tindak lanjut tercatat di menu Tindak lanjut: penanggung jawab, batas waktu, status (belum dimulai, " +
			"dalam proses, selesai, batal), catatan bertanggal dan bukti berupa tautan atau berkas PDF, PNG atau JPEG paling besar 5 MB. " +
			"Butir yang lewat batas waktu muncul di Ringkasan, dan laporan berikutnya memuat tabel Status tindak lanjut rapat sebelumnya.",
		Steps: []Step{{Title: "Memperbarui status", Href: "/followups", Link: "Tindak lanjut",
			What: "Buka butirnya, pilih status dan tanggal kejadiannya, tulis catatan, lampirkan bukti, lalu Simpan status. Setiap perubahan tercatat di log audit.",
			You: forRole(r, with(both("Anda dapat memperbarui semua butir."), bpjs, "Anda memperbarui butir milik BPJS Ketenagakerjaan."),
				"Anda membaca status dan buktinya.")}}})
	if r == admin {
		g.Sections = append(g.Sections, Section{ID: "admin", Title: "Administrasi",
			Lead: "Buat akun dengan perannya, tetapkan penanda tangan laporan (jabatan, pangkat, NIP), cabut token API yang tidak dipakai, " +
				"dan periksa log audit: setiap perubahan, ekspor dan cetakan tercatat di sana.",
			Steps: []Step{{Title: "Pengguna dan log audit", Href: "/admin/users", Link: "Admin",
				What: "Akun dan token juga dapat dibuat dari baris perintah (monev user add, monev token create)."}}})
	}
	return g
}
