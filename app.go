package main

import (
	"log/slog"
	"net/http"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/report"
	"github.com/testing-agent/backend/web"
)

// appRoutes maps the app a person uses (GET /, its assets), GraphiQL
// (/graphiql) and a session's reports (/sessions/{id}/junit.xml and
// /sessions/{id}/report.html).
func appRoutes(mux *http.ServeMux, store db.Store) {
	web.Register(mux)
	mux.HandleFunc("GET /sessions/{id}/junit.xml", func(w http.ResponseWriter, r *http.Request) {
		run, ok := loadReport(w, r, store)
		if !ok {
			return
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="junit.xml"`)
		if err := report.WriteJUnit(w, run, report.JUnitOptions{BaseURL: requestBaseURL(r)}); err != nil {
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

// requestBaseURL is the URL the client reached this server at, for links in
// reports it downloads.
func requestBaseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
