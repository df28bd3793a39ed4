package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/executor"
)

// Links are absolute, so a front end on another origin (a Vite dev server)
// loads screenshots from this server rather than from itself, and, when the
// server has API keys, signed, so an <img> can load them without a key.
type links struct {
	publicURL string       // fixed base; empty takes the request's own
	signer    *auth.Signer // nil when artifacts need no key
}

type publicBaseKey struct{}

// withPublicBase records in each request's context the base URL links
// start with: the configured public URL, else the address the request came
// to (its Host is vetted by the host allow-list before this).
func (l links) withPublicBase(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		base := l.publicURL
		if base == "" {
			scheme := "http"
			if r.TLS != nil {
				scheme = "https"
			}
			base = scheme + "://" + r.Host
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), publicBaseKey{}, strings.TrimSuffix(base, "/"))))
	})
}

func publicBase(ctx context.Context) string {
	base, _ := ctx.Value(publicBaseKey{}).(string)
	return base
}

// artifact returns the URL of an artifact as this request should see it.
func (l links) artifact(ctx context.Context, id string) string {
	path := executor.ArtifactURL(id)
	url := publicBase(ctx) + path
	if l.signer != nil {
		url += "?" + l.signer.Sign(path, time.Now())
	}
	return url
}

// logData makes the screenshot link an execution log's data holds (stored
// as a path, so data survives a change of host name) absolute.
func (l links) logData(ctx context.Context, data json.RawMessage) json.RawMessage {
	if !bytes.Contains(data, []byte(`"screenshotUrl"`)) {
		return data
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return data
	}
	var path string
	if json.Unmarshal(fields["screenshotUrl"], &path) != nil || !strings.HasPrefix(path, executor.ArtifactPath) {
		return data
	}
	abs, _ := json.Marshal(l.artifact(ctx, strings.TrimPrefix(path, executor.ArtifactPath)))
	fields["screenshotUrl"] = abs
	out, err := json.Marshal(fields)
	if err != nil {
		return data
	}
	return out
}
