package server

// registryRoutes declares the routes of the registry: lists, details, forms and exports of workers, contributions and claims.
func (s *Server) registryRoutes() {
}
