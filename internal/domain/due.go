package domain

import "time"

// DueRule says when the iuran of a coverage month is due: on Day of the
// coverage month itself (MonthOffset 0, the BPU rule of PP 44/2015) or of
// the month after (MonthOffset 1, the rule for employers, or what a Pemda
// and BPJS agreed). A due date on a Saturday or Sunday moves to the Monday;
// national holidays are not known to monev.
type DueRule struct {
	Day         int // 1–28
	MonthOffset int // 0 or 1
}

// BPUDueRule is the default: the 15th of the coverage month.
var BPUDueRule = DueRule{Day: 15, MonthOffset: 0}

// Due is the due date of coverage month m.
func (r DueRule) Due(m Month) time.Time {
	dm := m.Add(r.MonthOffset)
	d := Date(dm.Year(), dm.Month(), r.Day)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, 2)
	case time.Sunday:
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// Validate checks a rule a user entered, keyed by the fields "day" and "month_offset".
func (r DueRule) Validate() error {
	fe := FieldErrors{}
	if r.Day < 1 || r.Day > 28 {
		fe.Add("day", "tanggal jatuh tempo harus antara 1 dan 28")
	}
	if r.MonthOffset != 0 && r.MonthOffset != 1 {
		fe.Add("month_offset", "jatuh tempo harus pada bulan kepesertaan itu atau bulan berikutnya")
	}
	return fe.Err()
}

// Label describes the rule in Indonesian: "tanggal 15 bulan kepesertaan itu".
func (r DueRule) Label() string {
	which := "bulan kepesertaan itu"
	if r.MonthOffset == 1 {
		which = "bulan berikutnya"
	}
	return "tanggal " + FormatInt(int64(r.Day)) + " " + which
}
