package demo

import "github.com/cilegon/monev/internal/settings"

// cilegonTexts are Kota Cilegon's legal basis, aims and method, which its
// reports start with: the national texts plus the Perwal and the names of
// the city and its BPJS branch. The demo sets them as Cilegon's settings.
var cilegonTexts = settings.ReportTexts{
	LegalBasis: settings.DefaultReportTexts.LegalBasis[:len(settings.DefaultReportTexts.LegalBasis)-1] + `;
8. Peraturan Wali Kota Cilegon Nomor 41 Tahun 2024.`,
	Aims: `1. Memperoleh data tindak lanjut Pemerintah Kota Cilegon atas Instruksi Presiden Nomor 2 Tahun 2021, khususnya perlindungan jaminan sosial ketenagakerjaan bagi pekerja bukan penerima upah (informal);
2. Menginventarisasi potensi dan kendala perluasan kepesertaan;
3. Membangun komitmen bersama sebagai bahan laporan kepada Wali Kota dan bahan penyusunan APBD tahun berikutnya.`,
	Method: `Angka dalam laporan ini diambil langsung dari basis data monev: daftar peserta dan masa kepesertaan yang diimpor Dinas Tenaga Kerja, pembayaran iuran menurut SP2D, tagihan dan klaim yang dilaporkan BPJS Ketenagakerjaan Cabang Cilegon, pagu anggaran (DPA), serta sasaran per kategori. Setiap angka dihitung sekali oleh aplikasi dengan definisi yang sama dengan halaman Analisis, lalu dibekukan saat laporan ditandatangani.`,
}
