// Package web serves the app a person uses (at /) and GraphiQL (at
// /graphiql). Every file is embedded in the binary; neither page loads
// anything from outside the server, and both talk to the server only through
// the public GraphQL API.
package web

import (
	"embed"
	"io/fs"
	"net/http"
)

//go:embed app
var appFiles embed.FS

//go:embed graphiql
var graphiqlFiles embed.FS

// AppPath and GraphiQLPath are where the two pages live.
const (
	AppPath      = "/"
	AssetsPath   = "/app/"
	GraphiQLPath = "/graphiql"
)

// Register maps the app and GraphiQL on mux: GET / (the app's page),
// /app/… (its modules and styles), /graphiql and /graphiql/… (its page and
// vendored bundles).
func Register(mux *http.ServeMux) {
	app := mustSub(appFiles, "app")
	mux.Handle("GET /{$}", page(app, "index.html"))
	mux.Handle("GET "+AssetsPath, http.StripPrefix(AssetsPath, assets(app)))
	gq := mustSub(graphiqlFiles, "graphiql")
	mux.Handle("GET "+GraphiQLPath, page(gq, "index.html"))
	mux.Handle("GET "+GraphiQLPath+"/", http.StripPrefix(GraphiQLPath+"/", assets(gq)))
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the directories are embedded above
	}
	return sub
}
