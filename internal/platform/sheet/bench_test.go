package sheet_test

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"github.com/cilegon/monev/internal/platform/sheet"
)

// workersCSV generates a worker file of n valid rows with varied values.
func workersCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeffnik,nama,tanggal_lahir,jenis_kelamin,kategori,kelurahan,no_kpj,tanggal_mulai,tanggal_selesai,status,penghasilan,alamat,no_hp\n")
	categories := []string{"kader", "rt_rw", "Ketua RT/RW", "Nelayan", "linmas"}
	kelurahan := []string{"Kepuh", "Lebak Gede", "36.72.06.1002", "Karangasem", "lebakgede"}
	for i := range n {
		d, m, y := 1+i%28, 1+i%12, 60+i%40
		nikDay, sex := d, "L"
		if i%2 == 1 {
			nikDay, sex = d+40, "P"
		}
		nik := fmt.Sprintf("367204%02d%02d%02d%04d", nikDay, m, y, 1+i%9999)
		end, status := "", "aktif"
		if i%10 == 0 {
			end, status = "31/12/2024", "nonaktif"
		}
		b.WriteString(nik + ",Pekerja Nomor " + strconv.Itoa(i) + "," + fmt.Sprintf("%02d/%02d/19%02d", d, m, y) + "," + sex + "," +
			categories[i%len(categories)] + "," + kelurahan[i%len(kelurahan)] + ",230" + fmt.Sprintf("%08d", i) + ",01/01/2024," +
			end + "," + status + ",1.000.000,\"Jl. Raya Anyer No. " + strconv.Itoa(i%200) + ", RT 001/002\",0812" + fmt.Sprintf("%08d", i) + "\n")
	}
	return b.Bytes()
}

func BenchmarkDecodeWorkersCSV(b *testing.B) {
	const n = 100_000
	data := workersCSV(n)
	ref := testRef()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d, err := newDecoder(bytes.NewReader(data), kinds.Workers, ref, sheet.Limits{})
		if err != nil {
			b.Fatal(err)
		}
		rows := 0
		for d.Next() {
			rows++
		}
		if rows != n || d.ErrorCount() != 0 || d.Err() != nil {
			b.Fatalf("%d rows, errors %v, %v", rows, d.Errors()[:min(3, len(d.Errors()))], d.Err())
		}
		_ = d.Close()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
