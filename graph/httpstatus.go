package graph

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql/errcode"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/graph/live"
)

// Request errors (a document that does not parse or validate, or is over a
// limit) are answered as the GraphQL-over-HTTP spec asks: with
// `application/graphql-response+json` (when the client accepts it) status
// 400; with `application/json` status 200, which clients such as Apollo read
// as GraphQL errors rather than network errors. gqlgen answers 422 for the
// latter; BAD_USER_INPUT from the limits is a request error too.
func init() {
	errcode.RegisterErrorType(CodeBadUserInput, errcode.KindProtocol)
}

// httpStatusWriter fixes what gqlgen's transports answer: the status of
// request errors under `application/json`, and errors without
// `extensions.code` ("transport not supported", a mutation over GET), which
// get the code their status means.
type httpStatusWriter struct {
	http.ResponseWriter
	status int
	body   *bytes.Buffer // the body of an error status, to add codes to
}

// withHTTPStatus wraps next (gqlgen's server) for plain HTTP requests.
func withHTTPStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if live.IsUpgrade(r) {
			next.ServeHTTP(w, r)
			return
		}
		if msg, status := unsupportedRequest(r); msg != "" {
			if status == http.StatusMethodNotAllowed {
				w.Header().Set("Allow", "GET, POST, OPTIONS")
			}
			auth.WriteError(w, status, CodeBadUserInput, msg)
			return
		}
		sw := &httpStatusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		sw.finish()
	})
}

// unsupportedRequest says what is wrong with a request no transport takes.
func unsupportedRequest(r *http.Request) (string, int) {
	switch r.Method {
	case http.MethodGet, http.MethodOptions:
		return "", 0
	case http.MethodPost:
		mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mediaType != "application/json" {
			return "send GraphQL requests with Content-Type: application/json (got " + quoteOrNone(r.Header.Get("Content-Type")) + ")", http.StatusUnsupportedMediaType
		}
		return "", 0
	default:
		return "use POST (or GET for queries) to send GraphQL requests, not " + r.Method, http.StatusMethodNotAllowed
	}
}

func quoteOrNone(s string) string {
	if s == "" {
		return "none"
	}
	return `"` + s + `"`
}

func (w *httpStatusWriter) WriteHeader(status int) {
	if w.status != 0 {
		return
	}
	if status == http.StatusUnprocessableEntity && isPlainJSON(w.Header().Get("Content-Type")) {
		status = http.StatusOK
	}
	if status == http.StatusNotAcceptable {
		// gqlgen's answer to a mutation over GET; the spec says 405.
		status = http.StatusMethodNotAllowed
		w.Header().Set("Allow", "POST")
	}
	w.status = status
	if status >= 400 {
		w.body = new(bytes.Buffer)
		return
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *httpStatusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.WriteHeader(http.StatusOK)
	}
	if w.body != nil {
		return w.body.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

// finish sends a held error body, each of its errors with a code.
func (w *httpStatusWriter) finish() {
	if w.body == nil {
		return
	}
	out := w.body.Bytes()
	var resp struct {
		Errors []map[string]any `json:"errors"`
	}
	if json.Unmarshal(out, &resp) == nil && len(resp.Errors) > 0 {
		for _, e := range resp.Errors {
			ext, _ := e["extensions"].(map[string]any)
			if ext == nil {
				ext = map[string]any{}
				e["extensions"] = ext
			}
			if ext["code"] == nil {
				ext["code"] = CodeBadUserInput
			}
		}
		if encoded, err := json.Marshal(resp); err == nil {
			out = encoded
		}
	}
	w.Header().Del("Content-Length")
	w.ResponseWriter.WriteHeader(w.status)
	_, _ = w.ResponseWriter.Write(out)
}

func isPlainJSON(contentType string) bool {
	mediaType, _, _ := mime.ParseMediaType(contentType)
	return mediaType == "application/json"
}
