//go:build tools

// Package tools pins the code generator's version in go.mod, so
// `go run github.com/99designs/gqlgen` uses the same one everywhere.
package tools

import (
	_ "github.com/99designs/gqlgen"
)
