package sheet

import "strings"

// isDateNumFmtID reports whether a built-in number format shows a date or time:
// 14–22 and 45–47 everywhere, 27–36 and 50–58 in East Asian locales, 71–81 in Thai.
func isDateNumFmtID(id int) bool {
	return 14 <= id && id <= 22 || 27 <= id && id <= 36 || 45 <= id && id <= 47 || 50 <= id && id <= 58 || 71 <= id && id <= 81
}

// isDateFormat reports whether a custom number format code shows a date or
// time: after dropping quoted text, escaped characters, bracketed colours and
// locales, and the word General, it still has y, m, d, h or s.
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	code = strings.ReplaceAll(code, "general", "")
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				return false
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			if inner := code[i+1 : i+j]; strings.Trim(inner, "hms") == "" && inner != "" {
				return true // elapsed time such as [h]
			}
			i += j
		case 'y', 'm', 'd', 'h', 's':
			return true
		}
	}
	return false
}
