package server

// importRoutes declares the routes of spreadsheet imports: upload, preview, confirm, history, templates.
func (s *Server) importRoutes() {
}
