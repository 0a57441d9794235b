package domain

// Role is what a user account may see and do.
type Role string

// The roles.
const (
	RoleAdmin    Role = "admin"    // manages users and settings, edits all data
	RoleDisnaker Role = "disnaker" // Disnaker staff who enter and import data
	RoleBPJS     Role = "bpjs"     // BPJS Ketenagakerjaan officers who review and comment
	RolePimpinan Role = "pimpinan" // officials who read summaries and reports
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleDisnaker, RoleBPJS, RolePimpinan}

// ParseRole reads a role code or its Indonesian label in any case.
func ParseRole(s string) (Role, error) {
	switch NormalizeName(s) {
	case "admin", "administrator":
		return RoleAdmin, nil
	case "disnaker", "stafdisnaker":
		return RoleDisnaker, nil
	case "bpjs", "bpjsketenagakerjaan", "petugasbpjs", "petugasbpjsketenagakerjaan":
		return RoleBPJS, nil
	case "pimpinan":
		return RolePimpinan, nil
	case "":
		return "", Invalidf("peran belum diisi; gunakan admin, disnaker, bpjs atau pimpinan")
	}
	return "", Invalidf("peran tidak valid: %s; gunakan admin, disnaker, bpjs atau pimpinan", Quote(s))
}

// Label returns the Indonesian name of the role, such as "Staf Disnaker".
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "Administrator"
	case RoleDisnaker:
		return "Staf Disnaker"
	case RoleBPJS:
		return "Petugas BPJS Ketenagakerjaan"
	case RolePimpinan:
		return "Pimpinan"
	}
	return ""
}

// SeesFullNIK reports whether the role may see NIKs unmasked (UU 27/2022 limits who sees personal data).
func (r Role) SeesFullNIK() bool {
	return r == RoleAdmin || r == RoleDisnaker || r == RoleBPJS
}

// SeesPersons reports whether the role may open the records of persons:
// workers and claims, their lists, pages, exports and look-ups. Pimpinan
// reads aggregates only (UU 27/2022: data minimisation), so no field beside
// a masked NIK can give it away.
func (r Role) SeesPersons() bool { return r == RoleAdmin || r == RoleDisnaker || r == RoleBPJS }

// CanEditData reports whether the role may enter, import and change programme data.
func (r Role) CanEditData() bool { return r == RoleAdmin || r == RoleDisnaker }

// CanManageUsers reports whether the role may create accounts and change settings.
func (r Role) CanManageUsers() bool { return r == RoleAdmin }
