package domain

// User is a person who signs in to monev. Every user belongs to one Pemda.
type User struct {
	ID int64
	// Pemda is the Pemda a request works in: Home, or another of Scope
	// chosen with pemda= (see httpx's guard). Services work in it.
	Pemda string
	// Home is the Pemda the account belongs to; changes are made only there.
	Home string
	// ScopeCodes is what the account may read beyond its home, as given:
	// Pemda codes, a two-digit one standing for a province and all its
	// kabupaten/kota.
	ScopeCodes []string
	// Scope is every onboarded Pemda the user may open, home included,
	// sorted by code: ScopeCodes resolved.
	Scope       []string
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

// MayOpen reports whether the user may work in the Pemda with the code.
func (u User) MayOpen(code string) bool {
	if code == u.Home {
		return true
	}
	for _, c := range u.Scope {
		if c == code {
			return true
		}
	}
	return false
}

// AtHome reports whether the request works in the user's home Pemda.
func (u User) AtHome() bool { return u.Pemda == u.Home }

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
