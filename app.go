package main

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/testing-agent/backend/auth"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/report"
	"github.com/testing-agent/backend/web"
)

// appRoutes maps the app a person uses (GET /, its assets), GraphiQL
// (/graphiql) and a session's reports (/sessions/{id}/junit.xml and
// /sessions/{id}/report.html). Screenshot links in reports are made as the
// API makes them: from the public URL (else the request's own address),
// signed when the server has keys.
func appRoutes(mux *http.ServeMux, store db.Store, publicURL string, signer *auth.Signer) {
	web.Register(mux)
	mux.HandleFunc("GET /sessions/{id}/junit.xml", func(w http.ResponseWriter, r *http.Request) {
		run, ok := loadReport(w, r, store)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="junit.xml"`)
		if err := report.WriteJUnit(w, run, report.JUnitOptions{ScreenshotURL: artifactLinks(r, publicURL, signer)}); err != nil {
			slog.WarnContext(r.Context(), "write junit report", "session", run.Session.ID, "err", err)
		}
	})
	mux.HandleFunc("GET /sessions/{id}/report.html", func(w http.ResponseWriter, r *http.Request) {
		run, ok := loadReport(w, r, store)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		// The report is self-contained: no scripts, images inline.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
		if err := report.WriteHTML(r.Context(), w, run, store); err != nil {
			slog.WarnContext(r.Context(), "write html report", "session", run.Session.ID, "err", err)
		}
	})
}

// loadReport reads the session named by the path, answering 400, 404 or
// 500 itself when it cannot.
func loadReport(w http.ResponseWriter, r *http.Request, store db.Store) (*report.Run, bool) {
	run, err := report.Load(r.Context(), store, r.PathValue("id"))
	switch db.ErrorCode(err) {
	case "":
		return run, true
	case db.ErrInvalid:
		http.Error(w, db.ErrorMessage(err), http.StatusBadRequest)
	case db.ErrNotFound:
		http.Error(w, db.ErrorMessage(err), http.StatusNotFound)
	default:
		slog.ErrorContext(r.Context(), "load report", "session", r.PathValue("id"), "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	}
	return nil, false
}

// artifactLinks makes absolute artifact links for a report r downloads.
func artifactLinks(r *http.Request, publicURL string, signer *auth.Signer) func(id string) string {
	base := strings.TrimSuffix(publicURL, "/")
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return func(id string) string {
		path := executor.ArtifactURL(id)
		if signer == nil {
			return base + path
		}
		return base + path + "?" + signer.Sign(path, time.Now())
	}
}
