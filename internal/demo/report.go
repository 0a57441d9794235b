package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/cilegon/monev/internal/auth"
	"github.com/cilegon/monev/internal/domain"
	"github.com/cilegon/monev/internal/laporan"
	"github.com/cilegon/monev/internal/platform/database"
	"github.com/cilegon/monev/internal/settings"
)

// domain.WIB is West Indonesian Time, the clock of Cilegon's offices.

// at is a moment in July 2024 (or later) on Cilegon's clock.
func at(month time.Month, day, hour, minute int) time.Time {
	y := 2024
	if month < time.July {
		y = 2025
	}
	return time.Date(y, month, day, hour, minute, 0, 0, domain.WIB)
}

// loadReports adds the monev reports of the demo: the July 2024 meeting's,
// written, reviewed, returned, approved and signed, and a draft for the
// whole of 2024. The findings are written from the figures, not typed.
func loadReports(ctx context.Context, db *database.DB, pemda string) error {
	users := map[string]domain.User{}
	accounts := auth.NewService(db)
	for _, u := range Users {
		got, err := accounts.UserByUsername(ctx, u.Username)
		if err != nil {
			return fmt.Errorf("demo: report: %w", err)
		}
		users[u.Username] = got
	}
	by := func(name string, when time.Time, note string) laporan.Change {
		u := users[name]
		return laporan.Change{Actor: domain.ActorFor(u, "", ""), Role: u.Role, At: when, Note: note}
	}
	if err := julyReport(ctx, db, pemda, by); err != nil {
		return fmt.Errorf("demo: july report: %w", err)
	}
	if _, err := reportsOf(db).Create(ctx, by("disnaker", at(time.January, 6, 9, 30), ""), yearDraft()); err != nil {
		return fmt.Errorf("demo: 2024 report: %w", err)
	}
	return nil
}

// julyReport replays the July 2024 monev from the meeting to the signature.
func julyReport(ctx context.Context, db *database.DB, pemda string, by func(string, time.Time, string) laporan.Change) error {
	c, err := julyContent(ctx, db, pemda)
	if err != nil {
		return err
	}
	budget := c.Budget
	c.Budget = nil // chosen in the calculator after the draft was written
	id, err := reportsOf(db).Create(ctx, by("disnaker", at(time.July, 18, 9, 15), ""), c)
	if err != nil {
		return err
	}
	if err := reportsOf(db).SetBudget(ctx, by("disnaker", at(time.July, 18, 10, 40), ""), id, budget); err != nil {
		return err
	}
	steps := []struct {
		user string
		when time.Time
		step laporan.Step
		note string
	}{
		{"disnaker", at(time.July, 22, 8, 50), laporan.StepSubmit, ""},
		{"bpjs", at(time.July, 23, 9, 5), laporan.StepReview, ""},
	}
	for _, s := range steps {
		if _, err := reportsOf(db).Step(ctx, by(s.user, s.when, s.note), id, s.step); err != nil {
			return err
		}
	}
	comment, err := reportsOf(db).AddComment(ctx, by("bpjs", at(time.July, 23, 10, 20), ""), laporan.Comment{
		ReportID: id, Section: "findings", Author: "Dedi Kurniawan",
		Body: "Mohon ditegaskan bahwa Rp 790.000.000 adalah klaim yang sudah dibayar menurut tanggal bayar; " +
			"klaim yang masih diproses disebut terpisah sebagai potensi kewajiban, agar tidak dibaca sebagai tagihan BPJS kepada Pemda."})
	if err != nil {
		return err
	}
	if _, err := reportsOf(db).Step(ctx, by("bpjs", at(time.July, 24, 14, 0), "Mohon perbaiki temuan butir 2 sesuai komentar."), id,
		laporan.StepReturn); err != nil {
		return err
	}
	if _, err := reportsOf(db).AddComment(ctx, by("disnaker", at(time.July, 25, 8, 30), ""), laporan.Comment{
		ReportID: id, ParentID: comment, Author: "Rina Marlina, S.E.",
		Body: "Sudah kami tegaskan pada temuan butir 1 dan 2: angka klaim adalah klaim dibayar, klaim dalam proses disebut terpisah."}); err != nil {
		return err
	}
	if err := reportsOf(db).Update(ctx, by("disnaker", at(time.July, 25, 8, 45), ""), id, c); err != nil {
		return err
	}
	if err := reportsOf(db).ResolveComment(ctx, by("bpjs", time.Time{}, "").Actor, id, comment); err != nil {
		return err
	}
	for _, s := range []struct {
		user string
		when time.Time
		step laporan.Step
	}{
		{"disnaker", at(time.July, 25, 9, 0), laporan.StepSubmit},
		{"bpjs", at(time.July, 26, 9, 30), laporan.StepReview},
		{"bpjs", at(time.July, 29, 15, 10), laporan.StepApprove},
	} {
		if _, err := reportsOf(db).Step(ctx, by(s.user, s.when, ""), id, s.step); err != nil {
			return err
		}
	}
	if err := signJuly(ctx, db, pemda, id, by("kadis", at(time.July, 31, 10, 0), "")); err != nil {
		return err
	}
	return julyFollowUps(ctx, db, pemda, id, by)
}

// julyFollowUps records what became of the July meeting's commitments in
// August 2024: some done, the APBD 2025 recommendation in progress, the
// kelurahan's refill of freed quotas not yet started.
func julyFollowUps(ctx context.Context, db *database.DB, pemda string, id int64, by func(string, time.Time, string) laporan.Change) error {
	rep, err := reportsOf(db).Report(ctx, pemda, id)
	if err != nil {
		return err
	}
	notes := []struct {
		item   int // index in the report's follow-up items
		user   string
		when   time.Time
		status laporan.FollowUpStatus
		note   string
	}{
		{0, "bpjs", at(time.August, 5, 10, 0), laporan.FollowUpDoing, "Sembilan peserta yang dilaporkan meninggal sedang dicocokkan dengan data Dukcapil."},
		{0, "bpjs", at(time.August, 14, 15, 30), laporan.FollowUpDone, "Kematian sembilan peserta terverifikasi; kepesertaannya diakhiri dan tidak lagi tertagih mulai Agustus 2024."},
		{1, "disnaker", at(time.August, 13, 9, 0), laporan.FollowUpDone, "Daftar peserta Agustus 2024 dicocokkan bersama BPJS; berita acara rekonsiliasi ditandatangani."},
		{2, "disnaker", at(time.August, 8, 11, 0), laporan.FollowUpDone, "Laporan dan ringkasannya disampaikan kepada Wali Kota melalui Sekretaris Daerah."},
		{3, "disnaker", at(time.August, 20, 14, 0), laporan.FollowUpDoing, "Usulan masuk rancangan KUA-PPAS 2025; menunggu pembahasan TAPD dan DPRD."},
		{5, "bpjs", at(time.August, 9, 16, 0), laporan.FollowUpDone, "Laporan klaim Juli 2024 per kategori dan kelurahan dikirim kepada Dinas Tenaga Kerja."},
	}
	for _, n := range notes {
		change := laporan.StatusChange{Status: n.status, On: domain.Date(n.when.Date()), Note: n.note}
		if err := reportsOf(db).UpdateFollowUp(ctx, by(n.user, n.when, ""), rep.Actions[n.item].ID, change, n.when); err != nil {
			return fmt.Errorf("follow-up %d: %w", n.item+1, err)
		}
	}
	return nil
}

// signJuly freezes the July report's figures as they stood on 31 July 2024 and signs it as the Kepala Dinas.
func signJuly(ctx context.Context, db *database.DB, pemda string, id int64, ch laporan.Change) error {
	signer, err := auth.NewService(db).User(ctx, pemda, ch.Actor.UserID)
	if err != nil {
		return err
	}
	_, err = reportsOf(db).Sign(ctx, ch, signer, id, "Cilegon", "2024-07-31", true)
	return err
}

// julyContent is what Disnaker wrote after the meeting of 17 July 2024.
func julyContent(ctx context.Context, db *database.DB, pemda string) (laporan.Content, error) {
	period, _ := domain.PeriodFromTo("2024-01", "2024-07")
	f, err := reportsOf(db).Figures(ctx, pemda, period, domain.BasisCash, domain.Date(2024, time.July, 31))
	if err != nil {
		return laporan.Content{}, err
	}
	budget, err := rentanBudget(ctx, db, pemda)
	if err != nil {
		return laporan.Content{}, err
	}
	return laporan.Content{
		Title:  "Laporan Hasil Monitoring dan Evaluasi Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan yang Dibiayai APBD Kota Cilegon",
		Period: period, Basis: domain.BasisCash,
		Meeting: laporan.Meeting{On: domain.Date(2024, time.July, 17), Place: "Zuka Resto Iga Konro, Cilegon",
			OpenedBy: "Drs. H. Ahmad Suhendi, M.Si., Kepala Dinas Tenaga Kerja Kota Cilegon"},
		Attendees:  julyAttendees,
		LegalBasis: cilegonTexts.LegalBasis,
		Background: "Pemerintah Kota Cilegon sejak tahun 2023 membiayai iuran Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) " +
			"BPJS Ketenagakerjaan bagi pekerja rentan bukan penerima upah melalui APBD, sebesar Rp 16.800 per peserta per bulan. " +
			"Program ini menindaklanjuti Instruksi Presiden Nomor 2 Tahun 2021 yang meminta kepala daerah mengalokasikan anggaran " +
			"dan mendaftarkan seluruh pekerja, termasuk pekerja bukan penerima upah, dalam program jaminan sosial ketenagakerjaan.\n\n" +
			"Pada pertengahan tahun 2024 klaim yang dibayarkan BPJS Ketenagakerjaan kepada keluarga peserta telah melampaui iuran yang " +
			"dibayarkan APBD. Dinas Tenaga Kerja bersama BPJS Ketenagakerjaan Cabang Cilegon, Bappeda, BPKAD serta perwakilan " +
			"kecamatan dan kelurahan melaksanakan rapat monitoring dan evaluasi untuk membahas capaian, kendala dan arah kebijakan tahun berikutnya.",
		Aims:     cilegonTexts.Aims,
		Method:   cilegonTexts.Method,
		Findings: f.FindingsDraft(),
		Obstacles: "1. Data peserta Dinas Tenaga Kerja dan BPJS Ketenagakerjaan belum dicocokkan setiap bulan, sehingga peserta yang " +
			"meninggal atau berhenti masih dapat tertagih.\n" +
			"2. Kuota peserta yang meninggal atau berhenti belum segera dialihkan kepada pekerja rentan lain.\n" +
			"3. Belum ada basis data terpadu pekerja informal (pelaku UMKM, marbot, tukang parkir, ojek, buruh serabutan) per kelurahan.\n" +
			"4. Pembayaran iuran melalui SP2D beberapa kali melewati tanggal 15 bulan berikutnya karena proses administrasi.\n" +
			"5. Pagu APBD terbatas, sementara klaim kematian bernilai Rp 42.000.000 per kasus.",
		Potential: "1. Manfaat yang diterima keluarga pekerja jauh melampaui iuran: perlindungan ini bernilai tinggi bagi warga.\n" +
			"2. RT/RW, kader dan Linmas yang sudah menjadi peserta dapat membantu pendataan pekerja rentan di lingkungannya.\n" +
			"3. Perusahaan di kawasan industri Kota Cilegon dapat diajak membiayai iuran pekerja rentan di sekitarnya melalui program tanggung jawab sosial.\n" +
			"4. Kecamatan dan kelurahan siap menyampaikan usulan calon peserta setiap triwulan.",
		Commitments: "1. Dinas Tenaga Kerja dan BPJS Ketenagakerjaan Cabang Cilegon mencocokkan data peserta setiap bulan sebelum tagihan diterbitkan.\n" +
			"2. BPJS Ketenagakerjaan Cabang Cilegon menyampaikan laporan klaim bulanan per kategori dan kelurahan paling lambat tanggal 10.\n" +
			"3. Bappeda dan BPKAD memasukkan program ini dalam RKPD dan KUA-PPAS Tahun 2025 sesuai SE Mendagri Nomor 842.2/5193/SJ.\n" +
			"4. Camat dan lurah membantu pendataan dan pengusulan pekerja rentan di wilayahnya.",
		Recommendations: "1. " + budget.Sentence() + "\n" +
			"2. Mempertahankan kepesertaan kategori yang sudah berjalan (Ketua RT/RW, kader, Linmas, nelayan) dan menganggarkan iurannya penuh 12 bulan.\n" +
			"3. Menetapkan prosedur pengalihan kuota peserta yang meninggal atau berhenti paling lama 30 hari.\n" +
			"4. Membayar iuran paling lambat tanggal 15 setiap bulan agar kepesertaan tidak nonaktif.\n" +
			"5. Menyampaikan laporan ini kepada Wali Kota Cilegon sebagai bahan kebijakan perluasan kepesertaan.",
		Actions: []laporan.FollowUp{
			{Action: "Verifikasi kematian peserta Juli 2024 dan penghapusannya dari tagihan", OwnerKind: laporan.OwnerBPJS,
				Owner: "BPJS Ketenagakerjaan Cabang Cilegon", Due: domain.Date(2024, time.August, 15)},
			{Action: "Pencocokan data peserta Dinas Tenaga Kerja dan BPJS Ketenagakerjaan sebelum tagihan Agustus 2024",
				OwnerKind: laporan.OwnerDisnaker, Owner: "Dinas Tenaga Kerja; BPJS Ketenagakerjaan Cabang Cilegon",
				Due: domain.Date(2024, time.August, 15)},
			{Action: "Penyampaian laporan monev kepada Wali Kota Cilegon", OwnerKind: laporan.OwnerDisnaker, Owner: "Dinas Tenaga Kerja",
				Due: domain.Date(2024, time.August, 9)},
			{Action: "Rekomendasi anggaran iuran pekerja rentan dalam KUA-PPAS dan APBD 2025", OwnerKind: laporan.OwnerBappeda,
				Owner: "Bappeda; BPKAD; Dinas Tenaga Kerja", Due: domain.Date(2024, time.August, 30)},
			{Action: "Pengisian kembali kuota peserta yang meninggal atau berhenti dengan calon dari kelurahan", OwnerKind: laporan.OwnerKelurahan,
				Owner: "Lurah se-Kota Cilegon", Due: domain.Date(2024, time.September, 30)},
			{Action: "Laporan klaim bulanan per kategori dan kelurahan", OwnerKind: laporan.OwnerBPJS, Owner: "BPJS Ketenagakerjaan Cabang Cilegon",
				Due: domain.Date(2024, time.August, 10)},
		},
		Budget: &budget,
	}, nil
}

// rentanBudget is the APBD 2025 recommendation for the pekerja rentan
// categories, from their 2024 targets and the rate in force in January 2025.
func rentanBudget(ctx context.Context, db *database.DB, pemda string) (laporan.BudgetScenario, error) {
	targets, err := analysisOf(db).Targets(ctx, pemda, 2024)
	if err != nil {
		return laporan.BudgetScenario{}, err
	}
	cats, err := settings.NewService(db).Categories(ctx, pemda)
	if err != nil {
		return laporan.BudgetScenario{}, err
	}
	rates, err := settings.NewService(db).Rates(ctx, pemda)
	if err != nil {
		return laporan.BudgetScenario{}, err
	}
	var lines []laporan.BudgetLine
	for _, c := range cats {
		for _, t := range targets {
			if t.KelurahanCode == "" && t.CategoryCode == c.Code && isRentan(c.Code) {
				lines = append(lines, laporan.BudgetLine{Category: c.Code, Name: c.Name, Workers: t.Workers})
			}
		}
	}
	return laporan.NewBudgetScenario(rates, "Pekerja rentan: sasaran 2024 pelaku UMKM, marbot, tukang parkir, ojek dan buruh serabutan",
		2025, 12, domain.DefaultIncome, lines)
}

// isRentan reports whether a category is one of the pekerja rentan the July 2024 meeting wanted covered from 2025.
func isRentan(code string) bool {
	switch code {
	case "umkm", "marbot", "parkir", "ojek", "buruh":
		return true
	}
	return false
}

// julyAttendees are the people at the meeting of 17 July 2024 (names invented).
var julyAttendees = []laporan.Attendee{
	{Name: "Drs. H. Ahmad Suhendi, M.Si.", Position: "Kepala Dinas", Institution: "Dinas Tenaga Kerja Kota Cilegon"},
	{Name: "Hj. Euis Rohaeti, S.Sos., M.M.", Position: "Kepala Bidang Hubungan Industrial dan Jaminan Sosial", Institution: "Dinas Tenaga Kerja Kota Cilegon"},
	{Name: "Rina Marlina, S.E.", Position: "Analis Jaminan Sosial Tenaga Kerja", Institution: "Dinas Tenaga Kerja Kota Cilegon"},
	{Name: "Bambang Setiawan, S.E., M.M.", Position: "Kepala Kantor Cabang", Institution: "BPJS Ketenagakerjaan Cabang Cilegon"},
	{Name: "Dedi Kurniawan", Position: "Penata Madya Kepesertaan BPU", Institution: "BPJS Ketenagakerjaan Cabang Cilegon"},
	{Name: "Siti Nurjanah, A.Md.", Position: "Penata Pelayanan Klaim", Institution: "BPJS Ketenagakerjaan Cabang Cilegon"},
	{Name: "Ir. Agus Salim, M.T.", Position: "Kepala Bidang Pemerintahan dan Pembangunan Manusia", Institution: "Bappeda Kota Cilegon"},
	{Name: "Yayan Sofyan, S.E., M.Ak.", Position: "Kepala Bidang Anggaran", Institution: "BPKAD Kota Cilegon"},
	{Name: "Hendra Gunawan, S.STP.", Position: "Sekretaris Kecamatan", Institution: "Kecamatan Ciwandan"},
	{Name: "Nurhasanah, S.Sos.", Position: "Kepala Seksi Kesejahteraan Sosial", Institution: "Kecamatan Pulomerak"},
	{Name: "Ahmad Fauzi, S.IP.", Position: "Lurah", Institution: "Kelurahan Kepuh"},
	{Name: "Maman Suparman", Position: "Lurah", Institution: "Kelurahan Tegal Ratu"},
}

// yearDraft is the report on the whole of 2024, still being written.
func yearDraft() laporan.Content {
	return laporan.Content{
		Title:      "Laporan Monitoring dan Evaluasi Jaminan Sosial Ketenagakerjaan Pekerja Rentan Tahun 2024",
		Period:     domain.YearPeriod(2024),
		Basis:      domain.BasisCash,
		LegalBasis: cilegonTexts.LegalBasis,
		Aims:       cilegonTexts.Aims,
		Method:     cilegonTexts.Method,
		Background: "Laporan tahunan pelaksanaan program jaminan sosial ketenagakerjaan bagi pekerja rentan yang dibiayai APBD Kota Cilegon " +
			"Tahun Anggaran 2024, sebagai tindak lanjut rapat monitoring dan evaluasi 17 Juli 2024.",
	}
}
