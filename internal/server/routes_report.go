package server

// reportRoutes declares the routes of monev reports: writing, review, sign-off, printing.
func (s *Server) reportRoutes() {
}
