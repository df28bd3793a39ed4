package browser

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/cdp"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/browser/remotetest"
)

func newRemotePool(t *testing.T, endpoints []string, opts PoolOptions) *Pool {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	p, err := NewRemotePool(endpoints, opts)
	if err != nil {
		t.Fatalf("NewRemotePool: %v", err)
	}
	t.Cleanup(func() { _ = p.Close() })
	return p
}

// openContexts counts the browser contexts open on a browser, asked over a
// connection of the test's own, which it then hangs up (Browser.Close would
// end the browser).
func openContexts(t *testing.T, wsURL string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), acquireBound)
	defer cancel()
	ws := &cdp.WebSocket{}
	if err := ws.Connect(ctx, wsURL, nil); err != nil {
		t.Fatalf("connect to %s: %v", wsURL, err)
	}
	defer func() { _ = ws.Close() }()
	b := rod.New().Client(cdp.New().Start(ws)).Context(ctx)
	if err := b.Connect(); err != nil {
		t.Fatal(err)
	}
	res, err := proto.TargetGetBrowserContexts{}.Call(b)
	if err != nil {
		t.Fatal(err)
	}
	return len(res.BrowserContextIDs)
}

// Two browsers started outside the pool: contexts spread over both, least
// busy first; killing one fails only the flow running on it, the next
// contexts go to the other, and the pool reconnects when it comes back.
// Closing the pool leaves no context open on the browser that stays.
func TestRemotePoolSpreadsSurvivesLossAndReconnects(t *testing.T) {
	a, b := remotetest.Start(t), remotetest.Start(t)
	// One by its HTTP address (resolved through /json/version), one by
	// its websocket URL.
	p := newRemotePool(t, []string{a.HTTP, b.WS}, PoolOptions{ContextsPerBrowser: 2})
	onA, onB := map[*Session]bool{}, map[*Session]bool{}
	for range 4 {
		s := acquire(t, p)
		switch s.Info().Endpoint {
		case a.HTTP:
			onA[s] = true
		case b.WS:
			onB[s] = true
		default:
			t.Fatalf("session on endpoint %q, want %s or %s", s.Info().Endpoint, a.HTTP, b.WS)
		}
	}
	if len(onA) != 2 || len(onB) != 2 {
		t.Fatalf("4 contexts: %d on the first browser, %d on the second; want 2 and 2", len(onA), len(onB))
	}
	if n := openContexts(t, b.WS); n < 2 {
		t.Fatalf("%d browser contexts on the second browser while it runs 2 sessions", n)
	}
	if st := p.Stats(); st.Launched != 0 || st.Browsers != 2 || st.Contexts != 4 || st.Capacity != 4 {
		t.Errorf("stats = %+v, want 2 remote browsers, 4 contexts, none launched", st)
	}

	var doomed, survivor *Session
	for s := range onA {
		doomed = s
		break
	}
	for s := range onB {
		survivor = s
		break
	}
	done := make(chan RunResult, 1)
	go func() {
		done <- doomed.Run(context.Background(), parse(t, "Go to /login.html\nWait for \"Never shows up\""), runOpts(time.Minute), func(st StepResult) {
			if st.Line == 1 {
				a.Kill()
			}
		})
	}()
	var res RunResult
	select {
	case res = <-done:
	case <-time.After(flowBound):
		t.Fatal("the flow on the killed browser did not end")
	}
	if res.Passed || !res.BrowserCrashed || !strings.Contains(res.Error, "browser lost") {
		t.Fatalf("flow on the killed browser:\n%s", describe(res))
	}
	if res := survivor.Run(context.Background(), parse(t, "Go to /login.html\nClick the \"Sign in\" button"), runOpts(passTimeout), nil); !res.Passed {
		t.Fatalf("flow on the other browser after the loss:\n%s", describe(res))
	}
	for s := range onA {
		s.Release()
	}
	survivor.Release()
	// Three more contexts: the live browser takes two, the third waits for
	// the lost one to come back.
	moved := acquire(t, p)
	if moved.Info().Endpoint != b.WS {
		t.Fatalf("a context after the loss went to %q, want %s", moved.Info().Endpoint, b.WS)
	}
	a.Restart(t)
	back := acquire(t, p)
	if back.Info().Endpoint != a.HTTP {
		t.Fatalf("with the other browser full, a context went to %q, want the restarted %s", back.Info().Endpoint, a.HTTP)
	}
	if res := back.Run(context.Background(), parse(t, "Go to /quiet.html"), runOpts(passTimeout), nil); !res.Passed {
		t.Fatalf("flow on the reconnected browser:\n%s", describe(res))
	}
	moved.Release()
	back.Release()
	for s := range onB {
		s.Release()
	}
	_ = p.Close()
	// The browser disposes of them when it sees the connection end.
	waitUntil(t, "the remote browser has no context of the closed pool", func() bool { return openContexts(t, b.WS) == 0 })
	if !b.Alive() {
		t.Error("closing the pool ended a browser it does not own")
	}
}

// Every remote browser down: Acquire fails at once, naming each endpoint.
func TestRemotePoolAllEndpointsDown(t *testing.T) {
	closed := httptest.NewServer(nil)
	dead := closed.URL
	closed.Close()
	p := newRemotePool(t, []string{dead + "?token=secret-token"}, PoolOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), acquireBound)
	defer cancel()
	_, err := p.Acquire(ctx)
	if err == nil || !errors.Is(err, ErrBrowserLost) || !strings.Contains(err.Error(), strings.TrimPrefix(dead, "http://")) {
		t.Fatalf("Acquire with the only endpoint down: %v; want browser lost naming %s", err, dead)
	}
	if strings.Contains(err.Error(), "secret-token") {
		t.Errorf("the error shows the endpoint's token: %v", err)
	}
	if ctx.Err() != nil {
		t.Error("Acquire waited for its deadline instead of failing")
	}
}

// A remote browser cannot be given --proxy-server: each context gets the
// pool's proxy as its own, loopback pages included.
func TestRemotePoolContextsUseTheProxy(t *testing.T) {
	rec := &recordingProxy{}
	proxy := httptest.NewServer(rec)
	defer proxy.Close()
	c := remotetest.Start(t)
	p := newRemotePool(t, []string{c.WS}, PoolOptions{ProxyServer: proxy.URL})
	res := runFlow(t, p, "Go to /quiet.html\nExpect the page contains \"Nothing wrong here\"", runOpts(passTimeout))
	if !res.Passed {
		t.Fatalf("flow through the proxy failed: %s", describe(res))
	}
	if !rec.saw(site.URL + "/quiet.html") {
		t.Errorf("the proxy did not see %s/quiet.html; it saw %q", site.URL, rec.seen)
	}
}

func TestParseEndpoints(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string // part of the error; "" for none
	}{
		{[]string{"ws://127.0.0.1:9222/devtools/browser/x", "http://farm:3000?token=abc"}, ""},
		{[]string{"wss://chrome.example.com?token=abc"}, ""},
		{nil, "no browser endpoint"},
		{[]string{"127.0.0.1:9222"}, "not a URL with a host"},
		{[]string{"ftp://h:1"}, `scheme "ftp"`},
		{[]string{"ws://h:1", "ws://h:1"}, "listed twice"},
		{[]string{"tcp://h:1?token=s3cret"}, "token=…"},
	} {
		_, err := ParseEndpoints(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("ParseEndpoints(%q): %v", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("ParseEndpoints(%q) = %v, want an error containing %q", tc.in, err, tc.want)
		case err != nil && strings.Contains(err.Error(), "s3cret"):
			t.Errorf("ParseEndpoints(%q) shows the token: %v", tc.in, err)
		}
	}
}

// A stand-in for the /json/version of a farm (browserless answers it when
// given its token) and of a Chromium that refuses the request.
func TestResolveEndpoint(t *testing.T) {
	farm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/json/version" || r.URL.Query().Get("token") != "s3cret" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, `{"Browser": "HeadlessChrome/156", "webSocketDebuggerUrl": "ws://0.0.0.0:3000/devtools/browser/abc"}`)
	}))
	defer farm.Close()
	refusing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "Host header is specified and is not an IP address or localhost.", http.StatusInternalServerError)
	}))
	defer refusing.Close()
	farmHost := strings.TrimPrefix(farm.URL, "http://")
	for _, tc := range []struct {
		url, want, wantErr string
	}{
		{"ws://127.0.0.1:9222/devtools/browser/x", "ws://127.0.0.1:9222/devtools/browser/x", ""},
		{farm.URL + "?token=s3cret", "ws://" + farmHost + "/devtools/browser/abc?token=s3cret", ""},
		{farm.URL + "?token=wrong", "", "HTTP 401"},
		{refusing.URL, "", "not an IP address or localhost"},
	} {
		ep := &endpoint{url: tc.url, name: redact(tc.url)}
		got, err := ep.resolve(context.Background())
		switch {
		case tc.wantErr == "" && (err != nil || got != tc.want):
			t.Errorf("resolve(%s) = %q, %v; want %q", tc.url, got, err, tc.want)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("resolve(%s) = %q, %v; want an error containing %q", tc.url, got, err, tc.wantErr)
		case err != nil && strings.Contains(err.Error(), "s3cret"):
			t.Errorf("resolve(%s) shows the token: %v", tc.url, err)
		}
	}
}
