package server

// qualityRoutes declares the routes of the data-quality checks.
func (s *Server) qualityRoutes() {
}
