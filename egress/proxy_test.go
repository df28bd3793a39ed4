package egress

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// counted is a loopback server that counts the connections it accepts:
// a request that reached it at all shows up, whatever it was.
type counted struct {
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

func newCounted(t testing.TB, tlsToo bool, h http.Handler) *counted {
	t.Helper()
	c := &counted{Server: httptest.NewUnstartedServer(h)}
	c.Listener = countingListener{Listener: c.Listener, n: &c.accepts}
	if tlsToo {
		c.StartTLS()
	} else {
		c.Start()
	}
	t.Cleanup(c.Close)
	return c
}

func (c *counted) port() int { return c.Listener.Addr().(*net.TCPAddr).Port }

func (c *counted) hostPort() string { return c.Listener.Addr().String() }

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// startProxy starts a proxy on p, closed when the test ends, collecting
// the blocks OnBlock reports.
func startProxy(t testing.TB, p *Policy) (*Proxy, *blockLog) {
	t.Helper()
	log := &blockLog{}
	px, err := StartProxy(p, ProxyOptions{Logger: quiet(), OnBlock: log.add})
	if err != nil {
		t.Fatalf("StartProxy: %v", err)
	}
	t.Cleanup(func() { _ = px.Close() })
	return px, log
}

type blockLog struct {
	mu     sync.Mutex
	blocks []Block
}

func (l *blockLog) add(b Block) {
	l.mu.Lock()
	l.blocks = append(l.blocks, b)
	l.mu.Unlock()
}

func (l *blockLog) list() []Block {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Block(nil), l.blocks...)
}

// client goes through the proxy for every URL, loopback included, and
// does not follow redirects unless follow.
func client(px *Proxy, follow bool, tlsFrom *httptest.Server) *http.Client {
	u, _ := url.Parse(px.URL())
	tr := &http.Transport{Proxy: http.ProxyURL(u), DisableKeepAlives: true}
	if tlsFrom != nil {
		tr.TLSClientConfig = tlsFrom.Client().Transport.(*http.Transport).TLSClientConfig.Clone()
	}
	c := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	if !follow {
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	}
	return c
}

func hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(BlockedHeader, "a site pretending") // the proxy removes it
	_, _ = fmt.Fprintf(w, "hello from %s", r.URL.Path)
}

func get(t *testing.T, c *http.Client, u string) (*http.Response, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// setup is an allowed server, a forbidden one whose port the policy
// denies, and a proxy.
func setup(t *testing.T, allow string) (allowed, forbidden *counted, px *Proxy, blocks *blockLog) {
	t.Helper()
	forbidden = newCounted(t, false, http.HandlerFunc(hello))
	allowed = newCounted(t, false, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/to-forbidden" {
			http.Redirect(w, r, forbidden.URL+"/secret", http.StatusFound)
			return
		}
		hello(w, r)
	}))
	p, err := ParsePolicy(allow, fmt.Sprintf("127.0.0.1:%d", forbidden.port()))
	if err != nil {
		t.Fatal(err)
	}
	px, blocks = startProxy(t, p)
	return allowed, forbidden, px, blocks
}

func TestProxyForwardsAllowedAndDeniesDenied(t *testing.T) {
	allowed, forbidden, px, blocks := setup(t, "")
	c := client(px, false, nil)

	resp, body := get(t, c, allowed.URL+"/page")
	if resp.StatusCode != 200 || body != "hello from /page" {
		t.Fatalf("allowed: %d %q", resp.StatusCode, body)
	}
	if h := resp.Header.Get(BlockedHeader); h != "" {
		t.Errorf("a forwarded answer keeps the site's %s: %q", BlockedHeader, h)
	}
	if allowed.accepts.Load() == 0 {
		t.Fatal("the allowed server saw no connection: the client did not go through the proxy?")
	}

	resp, body = get(t, c, forbidden.URL+"/secret")
	want := fmt.Sprintf("blocked by the egress policy: 127.0.0.1:%d (127.0.0.1 is in EGRESS_DENY entry 127.0.0.1:%d)", forbidden.port(), forbidden.port())
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, want) {
		t.Errorf("denied: %d %q, want 403 saying %q", resp.StatusCode, body, want)
	}
	if h := resp.Header.Get(BlockedHeader); !strings.HasPrefix(h, want) {
		t.Errorf("%s = %q, want %q", BlockedHeader, h, want)
	}

	// A redirect from the allowed server is passed back, not followed…
	resp, _ = get(t, c, allowed.URL+"/to-forbidden")
	if resp.StatusCode != http.StatusFound {
		t.Errorf("redirect: %d, want the 302 itself", resp.StatusCode)
	}
	// …and following it goes through the proxy again.
	resp, body = get(t, client(px, true, nil), allowed.URL+"/to-forbidden")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, want) {
		t.Errorf("followed redirect: %d %q", resp.StatusCode, body)
	}

	if n := forbidden.accepts.Load(); n != 0 {
		t.Errorf("the forbidden server saw %d connections, want 0", n)
	}
	if px.Blocked() != 2 || len(blocks.list()) != 2 {
		t.Errorf("Blocked() = %d, OnBlock saw %d; want 2", px.Blocked(), len(blocks.list()))
	}
	if b := blocks.list()[0]; b.Target != forbidden.hostPort() || b.URL != forbidden.URL+"/secret" || !strings.HasPrefix(b.Message, want) {
		t.Errorf("block %+v", b)
	}
}

func TestProxyConnect(t *testing.T) {
	forbidden := newCounted(t, true, http.HandlerFunc(hello))
	allowed := newCounted(t, true, http.HandlerFunc(hello))
	p, err := ParsePolicy("", forbidden.hostPort())
	if err != nil {
		t.Fatal(err)
	}
	px, blocks := startProxy(t, p)

	resp, body := get(t, client(px, false, allowed.Server), allowed.URL+"/tls")
	if resp.StatusCode != 200 || body != "hello from /tls" {
		t.Fatalf("allowed tunnel: %d %q", resp.StatusCode, body)
	}
	_, err = client(px, false, forbidden.Server).Get(forbidden.URL + "/tls")
	if err == nil || !strings.Contains(err.Error(), "Forbidden") {
		t.Errorf("denied tunnel: err %v, want the proxy's 403", err)
	}
	if n := forbidden.accepts.Load(); n != 0 {
		t.Errorf("the forbidden server saw %d connections, want 0", n)
	}
	if l := blocks.list(); len(l) != 1 || l[0].Target != forbidden.hostPort() || l[0].URL != "" {
		t.Errorf("blocks %+v, want the one tunnel", l)
	}
}

// TestProxyResolvedAddresses: a name is judged by what it resolves to,
// and the connection goes to the address checked.
func TestProxyResolvedAddresses(t *testing.T) {
	allowed, forbidden, px, _ := setup(t, "")
	px.policy.lookup = fakeDNS(map[string][]string{
		"forbidden.test": {"127.0.0.1"},
		"meta.test":      {"169.254.169.254"},
		"app.test":       {"127.0.0.1"},
	})
	c := client(px, false, nil)
	resp, body := get(t, c, fmt.Sprintf("http://forbidden.test:%d/", forbidden.port()))
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "forbidden.test resolves to 127.0.0.1") {
		t.Errorf("a name resolving to a denied address: %d %q", resp.StatusCode, body)
	}
	resp, body = get(t, c, "http://meta.test/latest/meta-data/")
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "cloud-metadata address, always denied") {
		t.Errorf("a name resolving to the metadata address: %d %q", resp.StatusCode, body)
	}
	// A name that does not resolve is unreachable, not blocked.
	before := px.Blocked()
	resp, _ = get(t, c, "http://nowhere.test/")
	if resp.StatusCode != http.StatusBadGateway || resp.Header.Get(BlockedHeader) != "" || px.Blocked() != before {
		t.Errorf("unresolvable name: %d %q, blocked %d→%d; want a 502 that is not a block", resp.StatusCode, resp.Header.Get(BlockedHeader), before, px.Blocked())
	}
	// The name of an allowed address is fetched from the checked address.
	resp, body = get(t, c, fmt.Sprintf("http://app.test:%d/named", allowed.port()))
	if resp.StatusCode != 200 || body != "hello from /named" {
		t.Errorf("allowed name: %d %q", resp.StatusCode, body)
	}
	_, err := client(px, false, nil).Get("https://meta.test/")
	if err == nil || !strings.Contains(err.Error(), "Forbidden") {
		t.Errorf("CONNECT to the metadata name: %v", err)
	}
	if n := forbidden.accepts.Load(); n != 0 {
		t.Errorf("the forbidden server saw %d connections, want 0", n)
	}
}

func TestProxyRefusesMetadataAndOwnPorts(t *testing.T) {
	api := newCounted(t, false, http.HandlerFunc(hello))
	p, err := ParsePolicy("", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.DenyListener("API", api.Listener.Addr()); err != nil {
		t.Fatal(err)
	}
	px, _ := startProxy(t, p)
	c := client(px, false, nil)
	for _, tc := range []struct{ url, want string }{
		{"http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local or cloud-metadata address, always denied"},
		{"http://[fd00:ec2::254]/latest/meta-data/", "always denied"},
		{"http://metadata.google.internal/computeMetadata/v1/", "always denied"},
		{api.URL + "/graphql", "this server's own API listener, always denied"},
		{fmt.Sprintf("http://localhost:%d/metrics", api.port()), "own API listener"},
		{px.URL() + "/", "the egress proxy itself, always denied"},
		{strings.Replace(px.URL(), "127.0.0.1", "localhost", 1) + "/", "the egress proxy itself"},
	} {
		resp, body := get(t, c, tc.url)
		body = html.UnescapeString(body)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, tc.want) {
			t.Errorf("%s: %d %q, want 403 saying %q", tc.url, resp.StatusCode, body, tc.want)
		}
	}
	if n := api.accepts.Load(); n != 0 {
		t.Errorf("the API listener saw %d connections, want 0", n)
	}
	// The proxy is not a web server: a request for itself is refused.
	resp, _ := get(t, http.DefaultClient, px.URL()+"/")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("origin-form request: %d, want 400", resp.StatusCode)
	}
}

// TestProxyUpgrade: a plain-HTTP upgrade (websockets) is forwarded and
// then copied both ways; a denied one is refused.
func TestProxyUpgrade(t *testing.T) {
	echo := func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "echo" {
			http.Error(w, "upgrade please", http.StatusBadRequest)
			return
		}
		c, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		defer c.Close()
		_, _ = io.WriteString(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n")
		line, _ := buf.ReadString('\n')
		_, _ = io.WriteString(c, "echo: "+line)
	}
	forbidden := newCounted(t, false, http.HandlerFunc(echo))
	allowed := newCounted(t, false, http.HandlerFunc(echo))
	p, _ := ParsePolicy("", forbidden.hostPort())
	px, _ := startProxy(t, p)

	upgrade := func(target *counted) (status string, echoed string) {
		conn, err := net.Dial("tcp", strings.TrimPrefix(px.URL(), "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET %s/ws HTTP/1.1\r\nHost: %s\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n", target.URL, target.hostPort())
		r := bufio.NewReader(conn)
		resp, err := http.ReadResponse(r, nil)
		if err != nil {
			t.Fatalf("read the answer: %v", err)
		}
		if resp.StatusCode != http.StatusSwitchingProtocols {
			return resp.Status, ""
		}
		fmt.Fprintf(conn, "ping\n")
		line, _ := r.ReadString('\n')
		return resp.Status, line
	}
	if status, line := upgrade(allowed); !strings.HasPrefix(status, "101") || line != "echo: ping\n" {
		t.Errorf("allowed upgrade: %s %q", status, line)
	}
	if status, _ := upgrade(forbidden); !strings.HasPrefix(status, "403") {
		t.Errorf("denied upgrade: %s, want 403", status)
	}
	if n := forbidden.accepts.Load(); n != 0 {
		t.Errorf("the forbidden server saw %d connections, want 0", n)
	}
}

// TestProxyCheck: what a step runner asks about a URL that failed.
func TestProxyCheck(t *testing.T) {
	allowed, forbidden, px, _ := setup(t, "")
	for _, c := range []struct {
		url     string
		allowed bool
	}{
		{allowed.URL + "/x", true},
		{forbidden.URL + "/x", false},
		{"https://" + forbidden.hostPort() + "/x", false},
		{"wss://" + forbidden.hostPort() + "/ws", false},
		{"http://169.254.169.254/", false},
		{"ws://169.254.169.254/", false},
		{px.URL(), false},
	} {
		if d := px.Check(context.Background(), c.url); d.Allowed != c.allowed {
			t.Errorf("Check(%s) = %v (%s), want %v", c.url, d.Allowed, d.Reason, c.allowed)
		} else if !d.Allowed && !strings.HasPrefix(d.Message(), "blocked by the egress policy: ") {
			t.Errorf("Check(%s) message %q", c.url, d.Message())
		}
	}
	if px.Blocked() != 0 {
		t.Errorf("Check counted as a block: %d", px.Blocked())
	}
}

// TestProxyCloseEndsTunnels: Close returns with a tunnel open and a request
// waiting on a slow server, and ends both.
func TestProxyCloseEndsTunnels(t *testing.T) {
	release := make(chan struct{})
	slow := newCounted(t, false, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer close(release)
	tlsServer := newCounted(t, true, http.HandlerFunc(hello))
	p, _ := ParsePolicy("", "")
	px, err := StartProxy(p, ProxyOptions{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	// An open tunnel.
	conn, err := net.Dial("tcp", strings.TrimPrefix(px.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n", tlsServer.hostPort(), tlsServer.hostPort())
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, &http.Request{Method: http.MethodConnect})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("CONNECT: %v %v", resp, err)
	}
	tc := tls.Client(&bufferedConn{Conn: conn, r: r}, &tls.Config{InsecureSkipVerify: true})
	if err := tc.Handshake(); err != nil {
		t.Fatalf("TLS through the tunnel: %v", err)
	}
	// A request waiting on the slow server.
	waiting := make(chan error, 1)
	go func() {
		_, err := client(px, false, nil).Get(slow.URL + "/slow")
		waiting <- err
	}()
	for slow.accepts.Load() == 0 {
		runtimeYield()
	}
	if err := px.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := tc.Read(make([]byte, 1)); err == nil {
		t.Error("the tunnel is still open after Close")
	}
	if err := <-waiting; err == nil {
		t.Error("the waiting request succeeded after Close")
	}
	if _, err := net.Dial("tcp", strings.TrimPrefix(px.URL(), "http://")); err == nil {
		t.Error("the proxy still accepts after Close")
	}
}

type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(b []byte) (int, error) { return c.r.Read(b) }

func runtimeYield() { time.Sleep(5 * time.Millisecond) }

// TestProxyBoundsConnections: connections beyond MaxConns wait to be
// accepted rather than piling up.
func TestProxyBoundsConnections(t *testing.T) {
	allowed := newCounted(t, false, http.HandlerFunc(hello))
	p, _ := ParsePolicy("", "")
	px, err := StartProxy(p, ProxyOptions{Logger: quiet(), MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer px.Close()
	hold, err := net.Dial("tcp", strings.TrimPrefix(px.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	// Make sure the held connection is the one accepted.
	fmt.Fprintf(hold, "GET %s/first HTTP/1.1\r\nHost: %s\r\n\r\n", allowed.URL, allowed.hostPort())
	if resp, err := http.ReadResponse(bufio.NewReader(hold), nil); err != nil || resp.StatusCode != 200 {
		t.Fatalf("first: %v %v", resp, err)
	}
	got := make(chan int, 1)
	go func() {
		resp, err := client(px, false, nil).Get(allowed.URL + "/second")
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	hold.Close() // frees the slot
	if code := <-got; code != 200 {
		t.Errorf("second request: %d", code)
	}
}
