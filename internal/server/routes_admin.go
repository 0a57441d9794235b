package server

// adminRoutes declares the routes of administration: users, API tokens, the audit log.
func (s *Server) adminRoutes() {
}
