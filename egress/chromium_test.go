package egress

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// Bounds on waiting for Chromium; nothing here asserts how long anything
// takes.
const (
	flowBound = 2 * time.Minute
	stepBound = 30 * time.Second
)

// chromiumSetup is Debian's Chromium, through the project's pool, given a
// proxy whose policy denies the forbidden listener's port and the API
// listener (as the server's own).
type chromiumSetup struct {
	allowed, forbidden, api *counted
	proxy                   *Proxy
	blocks                  *blockLog
	pool                    *browser.Pool
}

func newChromiumSetup(t *testing.T) *chromiumSetup {
	t.Helper()
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("skipping: %v", err)
	}
	s := &chromiumSetup{}
	forbiddenHits := http.NewServeMux()
	forbiddenHits.HandleFunc("/", hello)
	s.forbidden = newCounted(t, false, forbiddenHits)
	s.api = newCounted(t, false, http.HandlerFunc(hello))
	s.allowed = newCounted(t, false, http.HandlerFunc(s.allowedSite))
	p, err := ParsePolicy("", fmt.Sprintf("127.0.0.1:%d", s.forbidden.port()))
	if err != nil {
		t.Fatal(err)
	}
	if err := p.DenyListener("API", s.api.Listener.Addr()); err != nil {
		t.Fatal(err)
	}
	s.proxy, s.blocks = startProxy(t, p)
	s.pool, err = browser.NewPool(browser.PoolOptions{Browsers: 1, ContextsPerBrowser: 2, ProxyServer: s.proxy.URL(), Logger: quiet(),
		EgressCheck: func(ctx context.Context, url string) (string, bool) {
			d := s.proxy.Check(ctx, url)
			return d.Message(), !d.Allowed && !d.Unresolved
		}})
	if err != nil {
		t.Fatalf("NewPool: %v", err)
	}
	t.Cleanup(func() { _ = s.pool.Close() }) // before the proxy closes (cleanups run last first)
	return s
}

// allowedSite is the site a flow may open: pages that reach, or send the
// browser to, the forbidden listener.
func (s *chromiumSetup) allowedSite(w http.ResponseWriter, r *http.Request) {
	forbidden := s.forbidden.URL
	forbiddenTLS := "https://" + s.forbidden.hostPort()
	switch r.URL.Path {
	case "/":
		fmt.Fprint(w, `<!doctype html><title>Allowed</title><h1>Allowed home</h1>`)
	case "/to-forbidden":
		http.Redirect(w, r, forbidden+"/secret", http.StatusFound)
	case "/to-metadata":
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	case "/embed.html":
		// Every way a page reaches another host; "settled" shows once each
		// has ended one way or the other.
		fmt.Fprintf(w, `<!doctype html><title>Embeds</title>
<script>
const results = {};
const expected = ["img", "iframe", "fetch", "fetch-tls", "xhr", "ws", "wss", "metadata", "api"];
function mark(k, v) {
  if (k in results) return;
  results[k] = v;
  if (expected.every(e => e in results)) {
    document.getElementById('out').textContent = 'settled ' + JSON.stringify(results);
  }
}
</script>
<h1>Allowed page with embeds</h1>
<img src="%[1]s/img.png" onload="mark('img','load')" onerror="mark('img','error')">
<iframe src="%[1]s/frame.html" onload="mark('iframe','load')"></iframe>
<div id="out">waiting</div>
<script>
fetch(%[1]q + '/fetch').then(r => mark('fetch', 'status ' + r.status), e => mark('fetch', 'error'));
fetch(%[2]q + '/fetch-tls').then(r => mark('fetch-tls', 'status ' + r.status), e => mark('fetch-tls', 'error'));
fetch('http://169.254.169.254/latest/meta-data/').then(r => mark('metadata', 'status ' + r.status), e => mark('metadata', 'error'));
fetch(%[3]q + '/graphql').then(r => mark('api', 'status ' + r.status), e => mark('api', 'error'));
const x = new XMLHttpRequest();
x.onloadend = () => mark('xhr', 'status ' + x.status);
x.open('GET', %[1]q + '/xhr'); x.send();
for (const [k, u] of [['ws', %[4]q], ['wss', %[5]q]]) {
  const ws = new WebSocket(u);
  ws.onopen = () => mark(k, 'open');
  ws.onerror = () => mark(k, 'error');
  ws.onclose = () => mark(k, 'closed');
}
</script>`, forbidden, forbiddenTLS, s.api.URL,
			"ws://"+s.forbidden.hostPort()+"/ws", "wss://"+s.forbidden.hostPort()+"/ws")
	default:
		http.NotFound(w, r)
	}
}

// run runs the instructions in a fresh context of the pool.
func (s *chromiumSetup) run(t *testing.T, instructions string) browser.RunResult {
	t.Helper()
	list, errs := steps.Parse(instructions)
	if errs != nil {
		t.Fatalf("parse %q: %v", instructions, errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), flowBound)
	defer cancel()
	sess, err := s.pool.Acquire(ctx)
	if err != nil {
		t.Fatalf("Acquire: %v", err)
	}
	defer sess.Release()
	return sess.Run(ctx, list, browser.RunOptions{BaseURL: s.allowed.URL, StepTimeout: stepBound}, nil)
}

func (s *chromiumSetup) noHits(t *testing.T) {
	t.Helper()
	if n := s.forbidden.accepts.Load(); n != 0 {
		t.Errorf("the forbidden listener saw %d connections, want 0", n)
	}
	if n := s.api.accepts.Load(); n != 0 {
		t.Errorf("the server's own (API) listener saw %d connections, want 0", n)
	}
}

// blockedFor waits until the proxy has reported a block whose URL or
// target satisfies match (Chromium may send a request after the step that
// caused it ended).
func (s *chromiumSetup) blockedFor(t *testing.T, what string, match func(Block) bool) Block {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stepBound)
	defer cancel()
	for {
		for _, b := range s.blocks.list() {
			if match(b) {
				return b
			}
		}
		if ctx.Err() != nil {
			t.Errorf("no block reported for %s; blocks: %+v", what, s.blocks.list())
			return Block{}
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTheRunnerReadsOurHeader: the runner recognises blocks by the header
// this proxy sets.
func TestTheRunnerReadsOurHeader(t *testing.T) {
	if browser.EgressBlockedHeader != BlockedHeader {
		t.Fatalf("the runner looks for %q, the proxy sets %q", browser.EgressBlockedHeader, BlockedHeader)
	}
}

func TestChromiumThroughTheProxy(t *testing.T) {
	s := newChromiumSetup(t)
	defer s.noHits(t)
	isURL := func(u string) func(Block) bool { return func(b Block) bool { return b.URL == u } }

	t.Run("allowed site served", func(t *testing.T) {
		res := s.run(t, "Go to /\nExpect the page contains \"Allowed home\"")
		if !res.Passed {
			t.Fatalf("the allowed site failed through the proxy: %s", res.Error)
		}
		if s.allowed.accepts.Load() == 0 {
			t.Fatal("the allowed server saw nothing: Chromium did not use the proxy for loopback?")
		}
	})

	// failsWith checks that a flow failed at line, saying why.
	failsWith := func(t *testing.T, res browser.RunResult, line int, want ...string) {
		t.Helper()
		if res.Passed {
			t.Fatalf("the flow passed; want line %d to fail with %q", line, want)
		}
		if !strings.HasPrefix(res.Error, fmt.Sprintf("line %d: ", line)) {
			t.Errorf("error %q is not about line %d", res.Error, line)
		}
		for _, w := range want {
			if !strings.Contains(res.Error, w) {
				t.Errorf("error %q does not say %q", res.Error, w)
			}
		}
	}

	t.Run("navigate", func(t *testing.T) {
		res := s.run(t, "Go to "+s.forbidden.URL+"/secret\nExpect the page contains \"secret\"")
		failsWith(t, res, 1, "blocked by the egress policy", s.forbidden.hostPort(), "EGRESS_DENY")
		s.blockedFor(t, "the navigation", isURL(s.forbidden.URL+"/secret"))
	})

	t.Run("redirect", func(t *testing.T) {
		res := s.run(t, "Go to /to-forbidden\nExpect the page contains \"secret\"")
		failsWith(t, res, 1, "blocked by the egress policy", s.forbidden.hostPort())
		s.blockedFor(t, "the redirect's target", isURL(s.forbidden.URL+"/secret"))
	})

	t.Run("navigate over https", func(t *testing.T) {
		before := s.proxy.Blocked()
		res := s.run(t, "Go to https://"+s.forbidden.hostPort()+"/secret")
		failsWith(t, res, 1, "blocked by the egress policy", s.forbidden.hostPort())
		if s.proxy.Blocked() == before {
			t.Error("the CONNECT was not reported blocked")
		}
	})

	t.Run("embeds, fetch, xhr, websockets", func(t *testing.T) {
		res := s.run(t, "Go to /embed.html\nExpect the page contains \"settled\"")
		// The page's own requests were blocked while a step ran: that step
		// (or the flow's end, for late ones) fails saying so.
		if res.Passed || !strings.Contains(res.Error, "blocked by the egress policy") {
			t.Errorf("a page whose requests were blocked gave passed=%v %q", res.Passed, res.Error)
		}
		for _, path := range []string{"/img.png", "/frame.html", "/fetch", "/xhr"} {
			s.blockedFor(t, path, isURL(s.forbidden.URL+path))
		}
		s.blockedFor(t, "a tunnel to the forbidden port (fetch over https, websockets)", func(b Block) bool {
			return b.URL == "" && b.Target == s.forbidden.hostPort()
		})
		s.blockedFor(t, "the metadata fetch", func(b Block) bool { return strings.HasPrefix(b.Target, "169.254.169.254:") })
		s.blockedFor(t, "the API fetch", isURL(s.api.URL+"/graphql"))
		for _, b := range s.blocks.list() {
			t.Logf("blocked %s %s: %s", b.Target, b.URL, b.Reason)
		}
	})

	t.Run("metadata", func(t *testing.T) {
		failsWith(t, s.run(t, "Go to http://169.254.169.254/latest/meta-data/"), 1, "blocked by the egress policy", "cloud-metadata address, always denied")
		failsWith(t, s.run(t, "Go to /to-metadata"), 1, "blocked by the egress policy", "cloud-metadata address, always denied")
	})

	t.Run("the server's own port", func(t *testing.T) {
		failsWith(t, s.run(t, "Go to "+s.api.URL+"/metrics"), 1, "blocked by the egress policy", "own API listener, always denied")
		failsWith(t, s.run(t, fmt.Sprintf("Go to http://localhost:%d/graphql", s.api.port())), 1, "blocked by the egress policy", "always denied")
	})
}
