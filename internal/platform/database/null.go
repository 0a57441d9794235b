package database

import "time"

// NullDate stores a zero time as NULL.
func NullDate(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// NullString stores an empty string as NULL.
func NullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
