package domain

// User is a person who signs in to monev. Every user belongs to one Pemda.
type User struct {
	ID          int64
	Pemda       string
	Username    string
	FullName    string
	Role        Role
	Institution string // e.g. "Dinas Tenaga Kerja Kota Cilegon"
	Position    string // jabatan, printed in signature blocks
	Rank        string // pangkat/golongan
	NIP         string // 18-digit civil-servant number, may be empty; one account a NIP
	Signatory   bool   // an administrator allowed this user to sign monev reports
	Active      bool
	// SessionEpoch grows with every password change; a browser session
	// signed in under an older epoch has ended.
	SessionEpoch int64
}

// DisplayName is the user's full name, or the username when none is set.
func (u User) DisplayName() string {
	if u.FullName != "" {
		return u.FullName
	}
	return u.Username
}

// Actor is who makes a change, for the audit log: a signed-in user, an API
// token's user or a command-line operator.
type Actor struct {
	Pemda    string
	UserID   int64 // 0 for the command line
	Username string
	Role     Role // what the actor may do; services check it

	IP        string
	RequestID string
}

// ActorFor returns the actor of a signed-in user.
func ActorFor(u User, ip, requestID string) Actor {
	return Actor{Pemda: u.Pemda, UserID: u.ID, Username: u.Username, Role: u.Role, IP: ip, RequestID: requestID}
}

// OperatorActor is the actor of a command-line operator of a Pemda, who
// administers the installation; name is how the audit log names them.
func OperatorActor(pemda, name string) Actor {
	return Actor{Pemda: pemda, Username: name, Role: RoleAdmin}
}
