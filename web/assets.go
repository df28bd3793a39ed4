package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strings"
)

// securityHeaders keep the pages to this server: scripts, styles, images,
// fonts and connections from its own origin (plus data: images, which
// GraphiQL's fonts and icons use).
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// page serves one HTML file of fsys; it is never cached, so a new server
// binary's page (and the asset versions it names) is seen at once.
func page(fsys fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			slog.ErrorContext(r.Context(), "web: read embedded page", "page", name, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		securityHeaders(w.Header())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(data)
	})
}

// assets serves the files of fsys. A file stored as NAME.gz is served as
// NAME, compressed when the client accepts gzip and inflated otherwise.
// Every response carries an ETag of the content, so revalidation is cheap.
func assets(fsys fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(strings.TrimPrefix(r.URL.Path, "/"))
		if name == "." || strings.HasSuffix(name, ".gz") {
			http.NotFound(w, r)
			return
		}
		data, gzipped, err := readAsset(fsys, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		securityHeaders(h)
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		sum := sha256.Sum256(data)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		h.Set("ETag", etag)
		h.Set("Cache-Control", "no-cache")
		h.Add("Vary", "Accept-Encoding")
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if gzipped {
			if acceptsGzip(r) {
				h.Set("Content-Encoding", "gzip")
				_, _ = w.Write(data)
				return
			}
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				slog.ErrorContext(r.Context(), "web: embedded asset is not gzip", "asset", name, "err", err)
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
			_, _ = io.Copy(w, zr)
			return
		}
		_, _ = w.Write(data)
	})
}

// readAsset reads name, or name.gz (reporting it is gzipped).
func readAsset(fsys fs.FS, name string) ([]byte, bool, error) {
	if data, err := fs.ReadFile(fsys, name); err == nil {
		return data, false, nil
	}
	data, err := fs.ReadFile(fsys, name+".gz")
	return data, err == nil, err
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}
