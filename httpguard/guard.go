// Package httpguard checks where requests come from before anything else
// sees them: the Host they were sent to (an allow-list, against DNS
// rebinding: a page on attacker.example whose name is made to resolve to
// 127.0.0.1 sends `Host: attacker.example`) and the Origin of the page that
// sent them (CORS for HTTP, the same rule for websockets).
package httpguard

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/rs/cors"

	"github.com/testing-agent/backend/auth"
)

// Options configure a Guard.
type Options struct {
	// AllowedHosts are extra host names (or host:port) requests may be sent
	// to, besides loopback names; "*" allows any.
	AllowedHosts []string
	// AllowedOrigins are origins (scheme://host[:port]) of pages on other
	// sites that may call the API, over HTTP and websockets; "*" allows any.
	// A page of the server's own origin always may.
	AllowedOrigins []string
	Logger         *slog.Logger
}

// Guard enforces Options.
type Guard struct {
	anyHost    bool
	hosts      map[string]bool // lowercase names without port
	hostPorts  map[string]bool // lowercase host:port
	anyOrigin  bool
	origins    map[string]bool // normalised
	log        *slog.Logger
	cors       *cors.Cors
	refusedMu  sync.Mutex
	refusedLog map[string]bool // each refused host or origin logged once
}

// New returns a Guard; it fails on malformed settings.
func New(opts Options) (*Guard, error) {
	g := &Guard{hosts: map[string]bool{}, hostPorts: map[string]bool{}, origins: map[string]bool{},
		log: opts.Logger, refusedLog: map[string]bool{}}
	if g.log == nil {
		g.log = slog.Default()
	}
	for _, h := range opts.AllowedHosts {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "*":
			g.anyHost = true
		case strings.Contains(h, "/"):
			return nil, fmt.Errorf("allowed host %q should be a host name or host:port, not a URL", h)
		case hasPort(h):
			g.hostPorts[h] = true
		default:
			g.hosts[strings.Trim(h, "[]")] = true
		}
	}
	for _, o := range opts.AllowedOrigins {
		if strings.TrimSpace(o) == "*" {
			g.anyOrigin = true
			continue
		}
		n, err := normaliseOrigin(o)
		if err != nil {
			return nil, err
		}
		g.origins[n] = true
	}
	g.cors = cors.New(cors.Options{
		AllowOriginVaryRequestFunc: func(r *http.Request, origin string) (bool, []string) {
			return g.OriginAllowed(r, origin), nil
		},
		AllowedMethods:   []string{http.MethodGet, http.MethodPost},
		AllowedHeaders:   []string{"Authorization", "Content-Type", "Accept"},
		ExposedHeaders:   []string{"Content-Type"},
		AllowCredentials: false, // keys travel in Authorization, not cookies
		MaxAge:           600,
	})
	return g, nil
}

func hasPort(hostport string) bool {
	_, port, err := net.SplitHostPort(hostport)
	return err == nil && port != ""
}

// Wrap serves next only requests sent to an allowed Host, answering CORS
// preflights and adding CORS headers for allowed origins.
func (g *Guard) Wrap(next http.Handler) http.Handler {
	withCORS := g.cors.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !g.HostAllowed(r.Host) {
			g.refused("host", r.Host, "ALLOWED_HOSTS="+hostOnly(r.Host))
			auth.WriteError(w, http.StatusForbidden, "FORBIDDEN", fmt.Sprintf("this server does not answer to host %q: add it to ALLOWED_HOSTS (or set PUBLIC_URL) if it is one of its names", r.Host))
			return
		}
		withCORS.ServeHTTP(w, r)
	})
}

// HostAllowed reports whether requests sent to host (a Host header) are
// served: loopback names and addresses always, others when allowed.
func (g *Guard) HostAllowed(host string) bool {
	if g.anyHost {
		return true
	}
	host = strings.ToLower(host)
	name := hostOnly(host)
	return isLoopbackName(name) || g.hosts[name] || g.hostPorts[host]
}

// OriginAllowed reports whether a page of origin may call the API through
// request r: its own server's origin (r's Host, which HostAllowed vetted),
// the configured origins, with localhost, 127.0.0.1 and [::1] alike.
func (g *Guard) OriginAllowed(r *http.Request, origin string) bool {
	if origin == "" {
		return true // not sent by a browser page
	}
	n, err := normaliseOrigin(origin)
	if err != nil {
		g.refused("origin", origin, "ALLOWED_ORIGINS")
		return false
	}
	if g.anyOrigin || g.origins[n] {
		return true
	}
	if u, err := url.Parse(origin); err == nil && strings.EqualFold(u.Host, r.Host) {
		return true
	}
	self, _ := normaliseOrigin(schemeOf(r) + "://" + r.Host)
	if n == self {
		return true
	}
	g.refused("origin", origin, "ALLOWED_ORIGINS="+origin)
	return false
}

func schemeOf(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}

// refused logs a refusal once per value, naming the setting that allows it.
func (g *Guard) refused(what, value, setting string) {
	g.refusedMu.Lock()
	seen := g.refusedLog[what+" "+value]
	if !seen && len(g.refusedLog) < 1000 {
		g.refusedLog[what+" "+value] = true
	}
	g.refusedMu.Unlock()
	if !seen {
		g.log.Warn("refused a request from an unlisted "+what, what, value, "to allow it, set", setting)
	}
}

// normaliseOrigin lowercases an origin, drops default ports and a trailing
// slash, and writes every loopback host as "loopback", so that
// http://localhost:5173 and http://127.0.0.1:5173 are one origin.
func normaliseOrigin(origin string) (string, error) {
	u, err := url.Parse(strings.TrimSuffix(strings.TrimSpace(origin), "/"))
	if err != nil || u.Scheme == "" || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return "", fmt.Errorf("origin %q should look like http://localhost:5173 (scheme, host and port, no path)", origin)
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if isLoopbackName(host) {
		host = "loopback"
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host, nil
}

// hostOnly returns the host of a Host header without its port or brackets.
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return strings.ToLower(h)
	}
	return strings.ToLower(strings.Trim(hostport, "[]"))
}

func isLoopbackName(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
