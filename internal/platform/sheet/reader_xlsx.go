package sheet

import (
	"archive/zip"
	"bufio"
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// msgBadXLSX is the message for an archive excelize cannot read.
const msgBadXLSX = "Berkas XLSX rusak atau bukan buku kerja Excel; buka di Excel lalu simpan ulang sebagai .xlsx"

// xlsxSource reads the first sheet of a workbook with excelize's streaming
// reader, and its cells' types and styles with metaScanner.
type xlsxSource struct {
	file      *excelize.File
	rows      *excelize.Rows
	zipFile   *os.File
	part      io.ReadCloser
	meta      *metaScanner
	tempPath  string // our copy of the upload, removed by close
	date1904  bool
	dateStyle map[int]bool
	line      int
	cells     []cell
}

// openXLSX opens the workbook that r holds; br wraps r and holds the bytes
// already read. Excelize needs a file to read it without loading it into
// memory: an *os.File is opened by its name, anything else is copied to a
// temporary file first.
func openXLSX(r io.Reader, br *bufio.Reader, lim Limits) (_ *xlsxSource, err error) {
	s := &xlsxSource{dateStyle: map[int]bool{}}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	name, ok := filePath(r)
	if !ok {
		if name, err = s.copyToTemp(br, lim.MaxUnzipBytes); err != nil {
			return nil, err
		}
	}
	if s.zipFile, err = os.Open(name); err != nil {
		return nil, err
	}
	st, err := s.zipFile.Stat()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(s.zipFile, st.Size())
	if err != nil {
		return nil, fileError(msgBadXLSX)
	}
	if ferr := checkArchive(zr, lim.MaxUnzipBytes); ferr != nil {
		return nil, ferr
	}
	s.file, err = excelize.OpenFile(name, excelize.Options{RawCellValue: true,
		UnzipSizeLimit: lim.MaxUnzipBytes, UnzipXMLSizeLimit: min(lim.MaxUnzipBytes, excelize.StreamChunkSize)})
	if err != nil {
		return nil, fileError(msgBadXLSX)
	}
	sheets := s.file.GetSheetList()
	if len(sheets) == 0 || s.file.WorkBook == nil || s.file.WorkBook.Sheets.Sheet == nil {
		return nil, fileError("Buku kerja tidak berisi lembar kerja")
	}
	part, err := sheetPart(zr, s.file.WorkBook.Sheets.Sheet[0].ID)
	if err != nil {
		return nil, fileError(msgBadXLSX)
	}
	if s.part, err = part.Open(); err != nil {
		return nil, fileError(msgBadXLSX)
	}
	s.meta = newMetaScanner(s.part)
	if s.rows, err = s.file.Rows(sheets[0]); err != nil {
		return nil, fileError(msgBadXLSX)
	}
	if props, err := s.file.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	return s, nil
}

// Bounds on the parts of an archive, checked before excelize reads them:
// excelize allocates a part's declared size at once.
const (
	maxDeflateRatio = 1100     // deflate cannot compress more than about 1032 to 1
	maxSmallPart    = 64 << 20 // parts other than worksheets and shared strings
)

// checkArchive refuses an archive whose declared sizes are impossible, or too
// large for a workbook or for limit, before anything is unpacked.
func checkArchive(zr *zip.Reader, limit int64) *FileError {
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		total += size
		name := strings.ToLower(f.Name)
		bulky := strings.HasPrefix(name, "xl/worksheets/") || strings.HasSuffix(name, "sharedstrings.xml")
		if size > maxDeflateRatio*f.CompressedSize64+64<<10 || !bulky && size > maxSmallPart {
			return fileError(msgBadXLSX)
		}
	}
	if total > uint64(limit) {
		return fileError("Berkas XLSX terlalu besar: isinya lebih dari " + formatBytes(limit) + " setelah diekstrak")
	}
	return nil
}

// filePath returns the name of the regular file r reads, if r is one and
// the name still leads to it.
func filePath(r io.Reader) (string, bool) {
	f, ok := r.(*os.File)
	if !ok {
		return "", false
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	byName, err := os.Stat(f.Name())
	if err != nil || !os.SameFile(st, byName) {
		return "", false
	}
	return f.Name(), true
}

// copyToTemp stores the upload in a temporary file, refusing more than limit bytes.
func (s *xlsxSource) copyToTemp(br *bufio.Reader, limit int64) (string, error) {
	tmp, err := os.CreateTemp("", "monev-import-*.xlsx")
	if err != nil {
		return "", err
	}
	s.tempPath = tmp.Name()
	n, err := io.Copy(tmp, io.LimitReader(br, limit+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	if n > limit {
		return "", fileError("Berkas XLSX terlalu besar (lebih dari " + formatBytes(limit) + ")")
	}
	return s.tempPath, nil
}

// next implements source.
func (s *xlsxSource) next() (int, []cell, error) {
	for s.rows.Next() {
		s.line++ // excelize yields every row number in turn, empty rows included
		vals, err := s.rows.Columns()
		if err != nil {
			return 0, nil, fileError(msgBadXLSX)
		}
		if blankStrings(vals) {
			continue
		}
		metas, err := s.meta.rowMeta(s.line)
		if err != nil {
			return 0, nil, s.unreadable(err)
		}
		s.cells = s.cells[:0]
		for i, v := range vals {
			c := cell{text: v}
			if v != "" {
				if i >= len(metas) || metas[i].typ == 0 {
					return 0, nil, s.unreadable(errSheetXML)
				}
				c = s.typed(v, metas[i])
			}
			s.cells = append(s.cells, c)
		}
		return s.line, s.cells, nil
	}
	if err := s.rows.Error(); err != nil {
		return 0, nil, fileError(msgBadXLSX)
	}
	return 0, nil, io.EOF
}

// unreadable turns a scanner failure into a file error, keeping I/O errors as they are.
func (s *xlsxSource) unreadable(err error) error {
	if errors.Is(err, errSheetXML) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
		return &FileError{Problems: []RowError{{Line: s.line, Msg: "isi lembar kerja tidak dapat dibaca; buka di Excel lalu simpan ulang sebagai .xlsx"}}}
	}
	return err
}

// typed classifies a non-empty raw value by its cell's type and style.
func (s *xlsxSource) typed(v string, m cellMeta) cell {
	switch m.typ {
	case 'n':
		if !s.isDateStyle(m.style) {
			return cell{text: v, kind: numberCell}
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0 || f > 2958465 { // 2958465 is 9999-12-31
			return cell{text: v, kind: numberCell}
		}
		// A whisker below midnight is a rounding error of a computed date, not the day before.
		t, err := excelize.ExcelDateToTime(math.Floor(f+1e-6), s.date1904)
		if err != nil {
			return cell{text: v, kind: numberCell}
		}
		return cell{text: t.Format("2006-01-02"), kind: dateCell}
	case 'd':
		day, _, _ := strings.Cut(v, "T")
		return cell{text: day, kind: dateCell}
	}
	return cell{text: v}
}

// isDateStyle reports whether cells of style index id show dates or times.
func (s *xlsxSource) isDateStyle(id int) bool {
	if id == 0 {
		return false
	}
	is, ok := s.dateStyle[id]
	if !ok {
		if st, err := s.file.GetStyle(id); err == nil {
			if st.CustomNumFmt != nil {
				is = isDateFormat(*st.CustomNumFmt)
			} else {
				is = isDateNumFmtID(st.NumFmt)
			}
		}
		s.dateStyle[id] = is
	}
	return is
}

// blankStrings reports whether every value is empty or white space.
func blankStrings(vals []string) bool {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// formatBytes writes a limit in binary units: "1 GiB", "512 MiB", "700 KiB".
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n>>10, 10) + " KiB"
}

func (s *xlsxSource) close() error {
	var errs []error
	if s.rows != nil {
		errs = append(errs, s.rows.Close())
	}
	if s.file != nil {
		errs = append(errs, s.file.Close())
	}
	if s.part != nil {
		errs = append(errs, s.part.Close())
	}
	if s.zipFile != nil {
		errs = append(errs, s.zipFile.Close())
	}
	if s.tempPath != "" {
		errs = append(errs, os.Remove(s.tempPath))
		s.tempPath = ""
	}
	s.rows, s.file, s.part, s.zipFile = nil, nil, nil, nil
	return errors.Join(errs...)
}
