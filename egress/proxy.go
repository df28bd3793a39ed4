package egress

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// BlockedHeader is set on every response the proxy writes for a denied
// request; its value is the block's message.
const BlockedHeader = "X-Egress-Blocked"

// Block is one request the policy denied.
type Block struct {
	Target  string // host:port as the browser asked for it
	URL     string // the URL for plain HTTP; "" for a CONNECT tunnel (HTTPS, wss)
	Reason  string
	Message string // "blocked by the egress policy: host:port (reason); allow it with EGRESS_ALLOW=…"
}

// ProxyOptions configure StartProxy. The zero value is usable.
type ProxyOptions struct {
	Logger *slog.Logger // default slog.Default()
	// OnBlock, if set, is called for every denied request, on the
	// proxy's goroutines: keep it quick.
	OnBlock func(Block)
	// MaxConns bounds the browser connections served at once (more wait
	// to be accepted); default 512.
	MaxConns int
	// DialTimeout bounds connecting upstream; default 15s.
	DialTimeout time.Duration
}

// Proxy is an HTTP proxy on a loopback port that lets through only what
// its Policy permits. Give its URL to Chromium with --proxy-server and
// --proxy-bypass-list=<-loopback>.
type Proxy struct {
	policy    *Policy
	opts      ProxyOptions
	log       *slog.Logger
	transport *http.Transport
	reverse   *httputil.ReverseProxy
	dialer    net.Dialer

	main    *tap
	blocked atomic.Uint64

	mu     sync.Mutex
	closed bool
	taps   map[*tap]bool
	conns  map[net.Conn]bool // every browser and upstream connection, closed by Close
	slots  chan struct{}

	wg sync.WaitGroup // serve loops and tunnels
}

// tap is one listening port of a Proxy.
type tap struct {
	p      *Proxy
	ln     net.Listener
	done   chan struct{} // closed by Close
	addr   netip.AddrPort
	server *http.Server

	mu     sync.Mutex
	closed bool
}

// StartProxy starts a proxy on 127.0.0.1 with a random port. Close it when
// done.
func StartProxy(policy *Policy, opts ProxyOptions) (*Proxy, error) {
	if policy == nil {
		return nil, errors.New("egress: StartProxy needs a policy")
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxConns <= 0 {
		opts.MaxConns = 512
	}
	if opts.DialTimeout <= 0 {
		opts.DialTimeout = 15 * time.Second
	}
	p := &Proxy{
		policy: policy,
		opts:   opts,
		log:    opts.Logger.With("component", "egress-proxy"),
		taps:   map[*tap]bool{},
		conns:  map[net.Conn]bool{},
		slots:  make(chan struct{}, opts.MaxConns),
		dialer: net.Dialer{Timeout: opts.DialTimeout, KeepAlive: 30 * time.Second},
	}
	p.transport = &http.Transport{
		DialContext:           p.dialChecked,
		ForceAttemptHTTP2:     false, // the browser speaks HTTP/1.1 to us; keep upstream simple
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   8,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 5 * time.Minute, // a slow test server; the browser gives up first
		ExpectContinueTimeout: time.Second,
	}
	p.reverse = &httputil.ReverseProxy{
		// The request already holds its absolute URL; keep it as asked,
		// and add no X-Forwarded-* headers.
		Rewrite: func(*httputil.ProxyRequest) {},
		// Only the proxy says what it blocked: a site cannot fake it.
		ModifyResponse: func(r *http.Response) error { r.Header.Del(BlockedHeader); return nil },
		Transport:      p.transport,
		FlushInterval:  -1, // stream: server-sent events, long polls
		ErrorHandler:   p.upstreamError,
		ErrorLog:       slogErrorLog(p.log),
	}
	main, err := p.listen()
	if err != nil {
		return nil, err
	}
	p.main = main
	return p, nil
}

// URL is the main tap's address for --proxy-server: http://127.0.0.1:PORT.
func (p *Proxy) URL() string { return p.main.URL() }

// Addr is the main tap's listening address.
func (p *Proxy) Addr() net.Addr { return p.main.ln.Addr() }

// Blocked counts the requests denied since the proxy started.
func (p *Proxy) Blocked() uint64 { return p.blocked.Load() }

// Check tells what the proxy would do with a request for rawURL (http,
// https, ws or wss): the decision on its host and port, the proxy's own
// port included. A step runner that sees a request fail with
// net::ERR_TUNNEL_CONNECTION_FAILED (Chromium shows nothing of a refused
// CONNECT) can ask it whether the egress policy was the cause:
//
//	if d := proxy.Check(ctx, failedURL); !d.Allowed && !d.Unresolved { fail(d.Message()) }
func (p *Proxy) Check(ctx context.Context, rawURL string) Decision {
	u, err := url.Parse(rawURL)
	if err != nil || u.Hostname() == "" {
		return Decision{Reason: fmt.Sprintf("%q is not a URL with a host", rawURL)}
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "ws": "80", "https": "443", "wss": "443"}[strings.ToLower(u.Scheme)]
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		return Decision{Host: u.Hostname(), Reason: fmt.Sprintf("no port for %q", rawURL)}
	}
	return p.check(ctx, u.Hostname(), n)
}

// listen opens a port on the proxy. There is one, but a DevTools
// browser context's own proxyServer (CDP Target.createBrowserContext)
// could use more, if Chromium honoured it for loopback: it does not.
func (p *Proxy) listen() (*tap, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("egress proxy: listen: %w", err)
	}
	t := &tap{p: p, ln: ln, done: make(chan struct{}), addr: ln.Addr().(*net.TCPAddr).AddrPort()}
	t.server = &http.Server{
		Handler:           t,
		ReadHeaderTimeout: 30 * time.Second,
		IdleTimeout:       90 * time.Second,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slogErrorLog(p.log),
		ConnState:         p.trackConn,
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		_ = ln.Close()
		return nil, errors.New("egress proxy: closed")
	}
	p.taps[t] = true
	p.wg.Add(1)
	p.mu.Unlock()
	go func() {
		defer p.wg.Done()
		_ = t.server.Serve(&loopbackListener{Listener: ln, p: p, done: t.done})
	}()
	return t, nil
}

// URL is the tap's address for Chromium: http://127.0.0.1:PORT.
func (t *tap) URL() string { return "http://" + t.addr.String() }

// Close stops the tap and ends its connections (hijacked ones end when
// the proxy closes).
func (t *tap) Close() error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	t.closed = true
	close(t.done)
	t.mu.Unlock()
	t.p.mu.Lock()
	delete(t.p.taps, t)
	t.p.mu.Unlock()
	return t.server.Close()
}

func (t *tap) record(b Block) {
	t.p.blocked.Add(1)
	t.p.log.Info("egress blocked", "target", b.Target, "url", b.URL, "reason", b.Reason)
	if t.p.opts.OnBlock != nil {
		t.p.opts.OnBlock(b)
	}
}

// Close stops every tap, ends every connection and tunnel, and waits for
// them.
func (p *Proxy) Close() error {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil
	}
	p.closed = true
	taps := make([]*tap, 0, len(p.taps))
	for t := range p.taps {
		taps = append(taps, t)
	}
	p.mu.Unlock()
	for _, t := range taps {
		_ = t.Close()
	}
	p.mu.Lock()
	conns := make([]net.Conn, 0, len(p.conns))
	for c := range p.conns {
		conns = append(conns, c)
	}
	p.mu.Unlock()
	for _, c := range conns {
		_ = c.Close() // hijacked ones: tunnels and websockets; outside the lock, as closing untracks
	}
	p.wg.Wait()
	p.transport.CloseIdleConnections()
	return nil
}

// trackConn keeps the browser's connections, hijacked ones included, so
// Close can end them.
func (p *Proxy) trackConn(c net.Conn, state http.ConnState) {
	p.mu.Lock()
	closed := p.closed
	switch {
	case state == http.StateNew && !closed:
		p.conns[c] = true
	case state == http.StateClosed:
		delete(p.conns, c)
	}
	p.mu.Unlock()
	if state == http.StateNew && closed {
		_ = c.Close() // outside the lock: closing untracks
	}
}

// own reports whether a:port is one of the proxy's own ports.
func (p *Proxy) own(a netip.Addr, port int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for t := range p.taps {
		if int(t.addr.Port()) == port && (a.IsLoopback() || a.IsUnspecified() || p.policy.local.has(a)) {
			return true
		}
	}
	return false
}

// blockedError is a dial the policy refused.
type blockedError struct{ d Decision }

func (e *blockedError) Error() string { return e.d.Message() }

// check asks the policy, then refuses the proxy's own ports.
func (p *Proxy) check(ctx context.Context, host string, port int) Decision {
	d := p.policy.Check(ctx, host, port)
	if !d.Allowed {
		return d
	}
	for _, a := range d.Addrs {
		if p.own(a, port) {
			d.Allowed = false
			d.Reason = fmt.Sprintf("%s is the egress proxy itself, always denied", netip.AddrPortFrom(a, uint16(port)))
			d.Fix = ""
			return d
		}
	}
	return d
}

// dialChecked resolves and checks addr, then connects to a checked address
// (never resolving again, so a name cannot change between check and
// connect).
func (p *Proxy) dialChecked(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("bad port in %q", addr)
	}
	d := p.check(ctx, host, port)
	switch {
	case d.Unresolved:
		return nil, fmt.Errorf("%s does not resolve (%s)", host, d.Reason)
	case !d.Allowed:
		return nil, &blockedError{d: d}
	}
	var firstErr error
	for _, a := range d.Addrs {
		c, err := p.dialer.DialContext(ctx, "tcp", netip.AddrPortFrom(a, uint16(port)).String())
		if err == nil {
			return c, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, firstErr
}

// ServeHTTP serves one request from the browser: CONNECT opens a tunnel,
// an absolute URL is forwarded (websocket upgrades included).
func (t *tap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !t.p.enter() {
		http.Error(w, "egress proxy: closed", http.StatusServiceUnavailable)
		return
	}
	defer t.p.wg.Done()
	if r.Method == http.MethodConnect {
		t.connect(w, r)
		return
	}
	if !r.URL.IsAbs() || r.URL.Host == "" || (r.URL.Scheme != "http" && r.URL.Scheme != "https") {
		http.Error(w, "this is the testing agent's egress proxy: it forwards absolute http:// URLs and CONNECT only", http.StatusBadRequest)
		return
	}
	host, port := r.URL.Hostname(), r.URL.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[r.URL.Scheme]
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		http.Error(w, "bad port", http.StatusBadRequest)
		return
	}
	// Checked here for the answer; checked again when dialling, which is
	// what protects (the transport may also reuse a connection to an
	// address checked before).
	d := t.p.check(r.Context(), host, n)
	if d.Unresolved {
		http.Error(w, "egress proxy: "+host+" does not resolve", http.StatusBadGateway)
		return
	}
	if !d.Allowed {
		t.deny(w, d, r.URL.String())
		return
	}
	r = r.WithContext(context.WithValue(r.Context(), tapKey{}, t))
	t.p.reverse.ServeHTTP(w, r)
}

type tapKey struct{}

// upstreamError answers a request that could not be forwarded.
func (p *Proxy) upstreamError(w http.ResponseWriter, r *http.Request, err error) {
	var be *blockedError
	if errors.As(err, &be) {
		if t, ok := r.Context().Value(tapKey{}).(*tap); ok {
			t.deny(w, be.d, r.URL.String())
			return
		}
	}
	if r.Context().Err() != nil {
		return // the browser went away
	}
	p.log.Debug("egress upstream error", "url", r.URL.String(), "err", err)
	http.Error(w, "egress proxy: "+err.Error(), http.StatusBadGateway)
}

// deny answers 403 with the message, as text (Chromium shows the body of
// a plain HTTP answer; it shows its own error page for a tunnel).
func (t *tap) deny(w http.ResponseWriter, d Decision, url string) {
	msg := d.Message()
	t.record(Block{Target: d.Target(), URL: url, Reason: d.Reason, Message: msg})
	h := w.Header()
	h.Set(BlockedHeader, headerSafe(msg))
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusForbidden)
	_, _ = io.WriteString(w, "<!doctype html><title>Blocked by the egress policy</title><h1>Blocked by the egress policy</h1><p id=\"egress-blocked\">"+
		html.EscapeString(msg)+"</p>\n")
}

// headerSafe keeps a message to one printable line.
func headerSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// connect serves CONNECT host:port: a tunnel for HTTPS and websockets.
func (t *tap) connect(w http.ResponseWriter, r *http.Request) {
	if _, _, err := net.SplitHostPort(r.Host); err != nil {
		http.Error(w, "CONNECT needs host:port", http.StatusBadRequest)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), t.p.opts.DialTimeout+lookupTimeout)
	upstream, err := t.p.dialChecked(ctx, "tcp", r.Host)
	cancel()
	var be *blockedError
	switch {
	case errors.As(err, &be):
		t.deny(w, be.d, "")
		return
	case err != nil:
		http.Error(w, "egress proxy: "+err.Error(), http.StatusBadGateway)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		_ = upstream.Close()
		http.Error(w, "cannot tunnel", http.StatusInternalServerError)
		return
	}
	client, buf, err := hj.Hijack()
	if err != nil {
		_ = upstream.Close()
		return
	}
	if !t.p.adopt(upstream) {
		_ = client.Close()
		_ = upstream.Close()
		return
	}
	_ = client.SetDeadline(time.Time{}) // the server's read deadline no longer applies
	if _, err := io.WriteString(client, "HTTP/1.1 200 Connection established\r\n\r\n"); err != nil {
		t.p.disown(upstream)
		_ = client.Close()
		_ = upstream.Close()
		return
	}
	t.p.tunnel(client, buf.Reader, upstream)
}

// enter counts a running handler, so Close waits for it; false once
// closed. The count is taken under the lock that Close sets closed under,
// so it never rises after Close started waiting.
func (p *Proxy) enter() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.wg.Add(1)
	return true
}

// adopt tracks an upstream connection so Close ends it; false once closed.
func (p *Proxy) adopt(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.conns[c] = true
	return true
}

func (p *Proxy) disown(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
}

// tunnel copies both ways until either side ends, then closes both. It
// runs on the handler's goroutine plus one.
func (p *Proxy) tunnel(client net.Conn, fromClient *bufio.Reader, upstream net.Conn) {
	defer p.disown(upstream)
	done := make(chan struct{}, 2)
	go func() {
		_, _ = io.Copy(upstream, fromClient) // what the browser sent after CONNECT, buffered or not
		done <- struct{}{}
	}()
	go func() {
		_, _ = io.Copy(client, upstream)
		done <- struct{}{}
	}()
	<-done
	_ = client.Close()
	_ = upstream.Close()
	<-done
}

// loopbackListener accepts only loopback peers and at most cap(slots)
// connections at once.
type loopbackListener struct {
	net.Listener
	p    *Proxy
	done chan struct{} // closed when the tap closes
}

func (l *loopbackListener) Accept() (net.Conn, error) {
	for {
		select {
		case l.p.slots <- struct{}{}:
		case <-l.done:
			return nil, net.ErrClosed
		}
		c, err := l.Listener.Accept()
		if err != nil {
			<-l.p.slots
			return nil, err
		}
		if a, ok := c.RemoteAddr().(*net.TCPAddr); !ok || !a.IP.IsLoopback() {
			l.p.log.Warn("egress proxy: refused a connection that is not from loopback", "remote", c.RemoteAddr().String())
			_ = c.Close()
			<-l.p.slots
			continue
		}
		return &slotConn{Conn: c, p: l.p}, nil
	}
}

// slotConn gives its slot back, and leaves the proxy's tracking, once
// closed (hijacked connections included).
type slotConn struct {
	net.Conn
	p    *Proxy
	once sync.Once
}

func (c *slotConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		c.p.disown(c)
		<-c.p.slots
	})
	return err
}

func slogErrorLog(l *slog.Logger) *log.Logger {
	return slog.NewLogLogger(l.Handler(), slog.LevelDebug)
}
