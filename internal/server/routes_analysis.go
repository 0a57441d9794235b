package server

// analysisRoutes declares the routes of the evaluation views: balance, reconciliation, budget, coverage.
func (s *Server) analysisRoutes() {
}
