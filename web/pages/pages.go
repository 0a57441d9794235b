// Package pages holds one templ page a file. Each page takes one props
// struct that its handler builds.
package pages
