package planner

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/testing-agent/backend/egress"
	"github.com/testing-agent/backend/executor/browser"
)

// countingServer is a loopback server that counts the connections it
// accepts: anything that reached it at all.
type countingServer struct {
	*httptest.Server
	accepts atomic.Int64
}

type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

func newCountingServer(t *testing.T, h http.Handler) *countingServer {
	t.Helper()
	s := &countingServer{Server: httptest.NewUnstartedServer(h)}
	s.Listener = countingListener{Listener: s.Listener, n: &s.accepts}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// TestPlannerObeysEgressPolicy explores a site whose page links to a port
// the egress policy denies, redirects there from one of its own links, and
// has forms posting there and to another (allowed) origin. The planner
// explores it through a pool behind the egress proxy: neither listener
// sees a single connection, the forms to other origins are skipped with a
// log line saying why, and the site's own form is still tried.
func TestPlannerObeysEgressPolicy(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("skipping: %v", err)
	}
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<!doctype html><title>x</title><p>hello</p>")
	})
	forbidden := newCountingServer(t, hello)
	other := newCountingServer(t, hello) // another origin, allowed by the policy
	site := newCountingServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprintf(w, `<!doctype html><title>Shop</title>
<h1>Shop</h1>
<nav><a href="/about">About us</a> <a href="/elsewhere">Partner page</a> <a href="%[1]s/admin">Admin</a></nav>
<form action="%[1]s/collect" method="post" aria-label="Newsletter">
  <label>Your email <input type="email" name="email" required></label>
  <button type="submit">Subscribe</button>
</form>
<form action="%[2]s/collect" method="post" aria-label="Feedback">
  <label>Your name <input name="name" required></label>
  <label>Comments <textarea name="comments" required></textarea></label>
  <button type="submit">Send feedback</button>
</form>
<form action="/search" method="get" aria-label="Search">
  <label>Search <input type="search" name="q" required></label>
  <button type="submit">Search</button>
</form>`, forbidden.URL, other.URL)
		case "/about":
			fmt.Fprint(w, `<!doctype html><title>About</title><h1>About us</h1><p>We sell things.</p><a href="/">Home</a>`)
		case "/elsewhere":
			http.Redirect(w, r, forbidden.URL+"/from-redirect", http.StatusFound)
		case "/search":
			fmt.Fprintf(w, `<!doctype html><title>Results</title><h1>Results for %s</h1>`, strings.ReplaceAll(r.URL.Query().Get("q"), "<", "&lt;"))
		default:
			http.NotFound(w, r)
		}
	}))

	policy, err := egress.ParsePolicy("", forbidden.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	proxy, err := egress.StartProxy(policy, egress.ProxyOptions{Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer proxy.Close()
	pool, err := browser.NewPool(browser.PoolOptions{Browsers: 1, ContextsPerBrowser: 2, ProxyServer: proxy.URL(), Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	store := newStore(t)
	session := newSession(t, store, "test the shop at "+site.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
	ended, flows := generate(t, p, store, session.ID)
	logs := logMessages(t, store, session.ID)
	for _, line := range logs {
		t.Log(line)
	}
	if ended.Status != "ready" {
		t.Fatalf("status %s (%s), want ready", ended.Status, errorMessage(ended))
	}
	if n := forbidden.accepts.Load(); n != 0 {
		t.Errorf("the denied listener saw %d connections, want 0", n)
	}
	if n := other.accepts.Load(); n != 0 {
		t.Errorf("the other origin saw %d connections, want 0 (the planner must not submit forms there)", n)
	}
	joined := strings.Join(logs, "\n")
	for _, want := range []string{
		fmt.Sprintf("it submits to %s, another origin than %s", forbidden.URL, site.URL),
		fmt.Sprintf("it submits to %s, another origin than %s", other.URL, site.URL),
		`Trying the "Search" form`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("no log line says %q", want)
		}
	}
	for _, f := range flows {
		if strings.Contains(f.Instructions, "Subscribe") || strings.Contains(f.Instructions, "Send feedback") {
			t.Errorf("flow %q submits a form to another origin:\n%s", f.Name, f.Instructions)
		}
	}
	if proxy.Blocked() == 0 {
		t.Error("the proxy blocked nothing, but the site redirects to the denied port")
	}
}

func TestSameOriginAction(t *testing.T) {
	const origin = "http://127.0.0.1:3000"
	for _, c := range []struct {
		action string
		ok     bool
	}{
		{"", true},
		{"http://127.0.0.1:3000/login", true},
		{"HTTP://127.0.0.1:3000/login", true},
		{"javascript:void(0)", true},
		{"http://127.0.0.1:3001/login", false},
		{"https://127.0.0.1:3000/login", false},
		{"http://localhost:3000/login", false},
		{"http://169.254.169.254/", false},
		{"mailto:a@example.com", false},
	} {
		err := sameOriginAction(browser.OutlineForm{Action: c.action}, origin)
		if (err == nil) != c.ok {
			t.Errorf("action %q: err %v, want ok=%v", c.action, err, c.ok)
		}
	}
}
