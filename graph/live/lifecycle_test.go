package live

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql/executor/testexecutor"
	"github.com/99designs/gqlgen/graphql/handler/testserver"
	"github.com/gorilla/websocket"
)

// TestSubscriptionsFreeEverything opens 500 subscriptions, half of them
// on one shared query, ends them every possible way, and checks that the
// goroutine count comes back to where it was.
func TestSubscriptionsFreeEverything(t *testing.T) {
	e := newEnv(t)
	baseline := runtime.NumGoroutine()

	const conns, perConn = 10, 50
	clients := make([]*client, conns)
	for i := range clients {
		proto := transportWS.name
		if i%2 == 1 {
			proto = legacyWS.name
		}
		c := e.dial(proto)
		c.init(nil)
		for j := range perConn {
			room := "shared"
			if j%2 == 1 {
				room = fmt.Sprintf("own-%d-%d", i, j)
			}
			c.subscribe(fmt.Sprint(j), roomQuery, map[string]any{"room": room})
		}
		clients[i] = c
	}
	distinct := 1 + conns*perConn/2
	e.waitStats(Stats{Connections: conns, Subscriptions: conns * perConn, SharedQueries: distinct})
	waitFor(t, "the resolvers", func() bool { return e.feed.count("name") == distinct })
	if n := e.exec.dispatches.Load(); int(n) != distinct {
		t.Fatalf("dispatches = %d, want %d", n, distinct)
	}
	if g := runtime.NumGoroutine(); g > baseline+2*conns+2*distinct {
		// Per connection a reader and a writer; per evaluation its loop
		// (and, in this fixture, the resolver's watcher).
		t.Fatalf("%d goroutines for %d connections and %d evaluations, baseline %d", g, conns, distinct, baseline)
	}

	// A third of the connections unsubscribe everything, a third close
	// cleanly, a third just drop.
	for i, c := range clients {
		switch i % 3 {
		case 0:
			for j := range perConn {
				c.unsubscribe(fmt.Sprint(j))
			}
		case 1:
			_ = c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, "bye"))
		case 2:
			_ = c.ws.Close()
		}
	}
	for i, c := range clients {
		if i%3 == 0 {
			_ = c.ws.Close()
		}
	}
	e.waitStats(Stats{})
	waitFor(t, "the resolvers to end", func() bool { return e.feed.count("name") == 0 })
	deadline := time.Now().Add(waitTimeout)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, baseline %d:\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestCloseClosesEveryConnection(t *testing.T) {
	e := newEnv(t)
	var clients []*client
	for _, proto := range []string{transportWS.name, legacyWS.name, transportWS.name} {
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("1", `subscription { name }`, nil)
		clients = append(clients, c)
	}
	uninitialised := e.dial(transportWS.name)
	e.waitStats(Stats{Connections: 4, Subscriptions: 3, SharedQueries: 1})

	closed := make(chan struct{})
	go func() {
		e.h.Close()
		close(closed)
	}()
	for _, c := range append(clients, uninitialised) {
		c.expectClose(websocket.CloseGoingAway) // and answers it
	}
	select {
	case <-closed:
	case <-time.After(waitTimeout):
		t.Fatal("Close did not return")
	}
	if s := e.h.Stats(); s != (Stats{}) {
		t.Fatalf("after Close: %+v", s)
	}
	waitFor(t, "the resolver to end", func() bool { return e.feed.count("name") == 0 })

	// New sockets are refused.
	d := websocket.Dialer{Subprotocols: []string{transportWS.name}}
	ws, resp, err := d.Dial(e.wsURL(), nil)
	if err == nil {
		ws.Close()
		t.Fatal("upgraded after Close")
	}
	if resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("after Close: %v, want 503", resp)
	}
}

// TestAsGQLGenTransport runs the Handler inside gqlgen's test server, on
// that server's executor, as the lead's /graphql route can.
func TestAsGQLGenTransport(t *testing.T) {
	ts := testserver.New()
	h := NewHandler(Options{})
	ts.AddTransport(h)
	srv := httptest.NewServer(ts)
	t.Cleanup(func() {
		h.Close()
		srv.Close()
	})
	e := &env{t: t, h: h, srv: srv}

	for _, proto := range []string{transportWS.name, legacyWS.name} {
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("1", `subscription { name }`, nil)
		e.waitStats(Stats{Connections: 1, Subscriptions: 1, SharedQueries: 1})
		ts.SendNextSubscriptionMessage()
		c.expectNext("1", `{"data":{"name":"test"}}`)
		ts.SendCompleteSubscriptionMessage()
		c.expect("complete", "1")

		c.subscribe("2", `query { name }`, nil)
		c.expectNext("2", `{"data":{"name":"test"}}`)
		c.expect("complete", "2")
		_ = c.ws.Close()
		e.waitStats(Stats{})
	}
}

// TestOnTestExecutor runs on gqlgen's test executor, given as Options.Exec.
func TestOnTestExecutor(t *testing.T) {
	exec := testexecutor.New()
	h := NewHandler(Options{Exec: exec})
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		h.Close()
		srv.Close()
	})
	e := &env{t: t, h: h, srv: srv}
	c := e.dial(transportWS.name)
	c.init(nil)
	c.subscribe("q", `query { find(id: 1) }`, nil)
	c.subscribe("bad", `query { find(id: "x") }`, nil)
	for range 3 {
		m := c.read()
		switch {
		case m.ID == "q" && (m.Type == "next" || m.Type == "complete"):
		case m.ID == "bad" && m.Type == "error" && strings.Contains(string(m.Payload), "GRAPHQL_VALIDATION_FAILED"):
		default:
			t.Fatalf("unexpected %s %s %s", m.Type, m.ID, m.Payload)
		}
	}
	c.subscribe("s", `subscription { name }`, nil)
	c.subscribe("s2", `subscription { name }`, nil)
	e.waitStats(Stats{Connections: 1, Subscriptions: 2, SharedQueries: 1})
	exec.SendNextSubscriptionMessage()
	c.expectNextEach(`{"data":{"name":"test"}}`, "s", "s2")
}

// TestClientThatNeverReadsIsDropped floods pings (each answered by a pong
// echoing its 512 KB payload) without reading: the answers waiting for it
// stay within SendQueue frames and MaxPendingBytes bytes (the count alone
// would let 256 × 512 KB pile up), and the connection is dropped.
func TestClientThatNeverReadsIsDropped(t *testing.T) {
	tests := []struct {
		name      string
		opts      func(*Options)
		maxFrames int
		maxBytes  int
	}{
		{"frames", func(o *Options) { o.SendQueue = 4 }, 4, 1 << 30},
		{"bytes", func(o *Options) { o.MaxPendingBytes = 2 << 20 }, defaultSendQueue, 2 << 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, tc.opts)
			e.h.writeTimeout = 300 * time.Millisecond
			c := e.dial(transportWS.name)
			c.init(nil)
			ping := `{"type":"ping","payload":{"pad":"` + strings.Repeat("p", 512<<10) + `"}}`
			for i := 0; i < 200 && e.h.Stats().Connections == 1; i++ {
				_ = c.ws.SetWriteDeadline(time.Now().Add(waitTimeout))
				if err := c.ws.WriteMessage(websocket.TextMessage, []byte(ping)); err != nil {
					break // the server has dropped us
				}
				for _, q := range e.h.queues() {
					if q.frames > tc.maxFrames || q.bytes > tc.maxBytes {
						t.Fatalf("%d frames, %d bytes queued; the bounds are %d and %d", q.frames, q.bytes, tc.maxFrames, tc.maxBytes)
					}
				}
			}
			e.waitStats(Stats{})
		})
	}
}

// TestSilentPeerIsDropped: a peer that stops reading answers none of the
// server's ping frames and is dropped after KeepAlive + PongWait; one that
// reads (and so answers them) stays, though it sends nothing itself.
func TestSilentPeerIsDropped(t *testing.T) {
	for _, proto := range []string{transportWS.name, legacyWS.name} {
		t.Run(proto, func(t *testing.T) {
			// Generous against a busy machine: the reading peer has 800 ms to
			// answer each ping.
			e := newEnv(t, func(o *Options) { o.KeepAlive, o.PongWait = 100*time.Millisecond, 800*time.Millisecond })
			live := e.dial(proto)
			live.init(nil)
			// This one keeps reading, which answers pings, and says nothing.
			go func() {
				for {
					if _, _, err := live.ws.ReadMessage(); err != nil {
						return
					}
				}
			}()
			silent := e.dial(proto)
			silent.init(nil)
			// The silent one never reads again: no pongs.
			e.waitStats(Stats{Connections: 1})
			time.Sleep(2500 * time.Millisecond) // several pong waits: the reader stays
			if got := e.h.Stats().Connections; got != 1 {
				t.Errorf("%d connections after the silent one went, want the reading one still there", got)
			}
			live.ws.Close()
			e.waitStats(Stats{})
		})
	}
}
