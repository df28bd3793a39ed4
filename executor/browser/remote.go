package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// ErrBrowserLost is the cause of every failure due to a remote browser whose
// DevTools connection dropped or that stopped answering. It counts as a
// crash (errors.Is(err, ErrBrowserCrashed) holds): the flows running on it
// fail, the others go on, and the pool reconnects when it comes back.
var ErrBrowserLost error = lostError{}

type lostError struct{}

func (lostError) Error() string        { return "browser lost" }
func (lostError) Is(target error) bool { return target == ErrBrowserCrashed }

// endpoint is one remote browser of a remote pool; guarded by Pool.mu.
type endpoint struct {
	url  string // as configured, secrets (?token=) included
	name string // for logs, errors and records: the URL without query values

	in      *instance // connected or connecting; nil when neither
	retryAt time.Time // no new connection before this, after a failure
	delay   time.Duration
	lastErr error
}

// Reconnection back-off after a failed connection or a loss.
const (
	minRetryDelay = time.Second
	maxRetryDelay = 10 * time.Second
)

// ParseEndpoints checks a list of DevTools endpoints (BROWSER_URLS): each a
// ws:// or wss:// DevTools URL, or an http(s)://host:port whose
// /json/version names one. Errors say what to write instead.
func ParseEndpoints(urls []string) ([]string, error) {
	if len(urls) == 0 {
		return nil, errors.New("no browser endpoint given: list ws://host:port/… or http://host:port DevTools endpoints")
	}
	seen := map[string]bool{}
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" || u.Hostname() == "" {
			return nil, fmt.Errorf("browser endpoint %q is not a URL with a host: write ws://host:port/devtools/browser/… or http://host:port", redact(raw))
		}
		switch u.Scheme {
		case "ws", "wss", "http", "https":
		default:
			return nil, fmt.Errorf("browser endpoint %q has scheme %q: use ws:// or wss:// (a DevTools URL), or http:// or https:// (resolved through /json/version)", redact(raw), u.Scheme)
		}
		if seen[raw] {
			return nil, fmt.Errorf("browser endpoint %q is listed twice: list each browser once and raise CONTEXTS_PER_BROWSER for more flows on it", redact(raw))
		}
		seen[raw] = true
	}
	return urls, nil
}

// EndpointsOnLoopback reports whether every endpoint is on this machine's
// loopback, where the browser can reach a proxy listening on loopback.
func EndpointsOnLoopback(urls []string) bool {
	for _, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || !isLoopbackHost(u.Hostname()) {
			return false
		}
	}
	return true
}

func isLoopbackHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redact drops query values (browserless takes its token there) so that
// logs and records never hold a secret.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.User = nil
	if u.RawQuery != "" {
		keys := slices.Sorted(maps.Keys(u.Query()))
		for i, k := range keys {
			keys[i] = url.QueryEscape(k) + "=…"
		}
		u.RawQuery = ""
		return u.String() + "?" + strings.Join(keys, "&")
	}
	return u.String()
}

// resolve returns the endpoint's DevTools websocket URL: the URL itself for
// ws(s)://, else webSocketDebuggerUrl from /json/version, pointed at the
// host and port configured (Chromium names the address it was asked on).
func (ep *endpoint) resolve(ctx context.Context) (string, error) {
	u, err := url.Parse(ep.url)
	if err != nil {
		return "", fmt.Errorf("browser endpoint %s: %w", ep.name, err)
	}
	if u.Scheme == "ws" || u.Scheme == "wss" {
		return ep.url, nil
	}
	version := *u
	version.Path = strings.TrimRight(u.Path, "/") + "/json/version"
	ws, err := fetchDebuggerURL(ctx, version.String(), "")
	if err != nil && !isLoopbackHost(u.Hostname()) && net.ParseIP(u.Hostname()) == nil {
		// Chromium answers /json only to an IP address or localhost in
		// Host (DNS-rebinding protection); a farm's name is neither.
		ws, err = fetchDebuggerURL(ctx, version.String(), "localhost")
	}
	if err != nil {
		return "", fmt.Errorf("resolve %s through /json/version: %w", ep.name, err)
	}
	wsURL, err := url.Parse(ws)
	if err != nil || wsURL.Path == "" {
		return "", fmt.Errorf("resolve %s: /json/version names %q, not a DevTools URL", ep.name, redact(ws))
	}
	wsURL.Scheme = map[string]string{"http": "ws", "https": "wss"}[u.Scheme]
	wsURL.Host = u.Host
	if wsURL.RawQuery == "" {
		wsURL.RawQuery = u.RawQuery // browserless wants its token on the websocket too
	}
	return wsURL.String(), nil
}

func fetchDebuggerURL(ctx context.Context, versionURL, host string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, versionURL, nil)
	if err != nil {
		return "", err
	}
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", errors.New(strings.ReplaceAll(err.Error(), versionURL, redact(versionURL)))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, strings.TrimSpace(string(body)))
	}
	var v struct {
		WebSocketDebuggerURL string `json:"webSocketDebuggerUrl"`
	}
	if err := json.Unmarshal(body, &v); err != nil || v.WebSocketDebuggerURL == "" {
		return "", fmt.Errorf("the answer has no webSocketDebuggerUrl: %.200s", strings.TrimSpace(string(body)))
	}
	return v.WebSocketDebuggerURL, nil
}

// dial resolves and connects to the remote endpoint.
func (in *instance) dial(ctx context.Context) error {
	wsURL, err := in.ep.resolve(ctx)
	if err != nil {
		return err
	}
	return in.connect(ctx, wsURL)
}

// failedLocked backs the endpoint off after a failed connection or a loss.
func (ep *endpoint) failedLocked(err error) {
	ep.lastErr = err
	ep.delay = min(max(2*ep.delay, minRetryDelay), maxRetryDelay)
	ep.retryAt = time.Now().Add(ep.delay)
}

// connectedLocked forgets past failures.
func (ep *endpoint) connectedLocked() {
	ep.lastErr, ep.delay, ep.retryAt = nil, 0, time.Time{}
}
