package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
	"github.com/testing-agent/backend/graph"
)

// cuttableProxy forwards loopback TCP connections to a server and can cut
// every open one, as a dropped network does.
type cuttableProxy struct {
	ln    net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func startCuttableProxy(t *testing.T, target string) *cuttableProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cuttableProxy{ln: ln}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, in, out)
			p.mu.Unlock()
			go func() { io.Copy(out, in); out.Close() }()
			go func() { io.Copy(in, out); in.Close() }()
		}
	}()
	return p
}

func (p *cuttableProxy) url() string { return "http://" + p.ln.Addr().String() }

// cut closes every connection open now; new ones are forwarded again.
func (p *cuttableProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// reconnectingLogView is the README's client code for a log stream, on the
// real graphql-ws client the server embeds: graphql-ws reconnects by itself
// and subscribes again with the variables it was first given, so the stream
// replays from the original cursor; the page keeps the ids it has shown and
// skips repeats.
const reconnectingLogView = `(url, sessionId, after) => {
	window.view = { shown: [], replayed: 0, errors: [], connected: 0 };
	const seen = new Set();
	const client = graphqlWs.createClient({
		url,
		retryAttempts: 1000,
		retryWait: () => new Promise((resolve) => setTimeout(resolve, 200)),
		shouldRetry: () => true,
		on: { connected: () => { window.view.connected++; } },
	});
	client.subscribe({
		query: "subscription($sessionId: ID!, $after: String) { executionLogs(sessionId: $sessionId, after: $after) { cursor node { id message } } }",
		variables: { sessionId, after },
	}, {
		next: ({ data, errors }) => {
			if (errors) { window.view.errors.push(JSON.stringify(errors)); return; }
			const edge = data.executionLogs;
			if (seen.has(edge.node.id)) { window.view.replayed++; return; }
			seen.add(edge.node.id);
			window.view.shown.push(edge.node.message);
		},
		error: (e) => window.view.errors.push(String(e && (e.reason || e.message) || e)),
		complete: () => {},
	});
	return true;
}`

// TestLogStreamReconnectsWithoutDuplicates drops the page's websocket in the
// middle of a log stream: the real graphql-ws client reconnects and replays
// from its first cursor, and the documented de-duplication shows every log
// exactly once, in order, including those written while it was away.
func TestLogStreamReconnectsWithoutDuplicates(t *testing.T) {
	// The server's routes on a store the test holds, so it can write logs
	// as the executor does.
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	api := graph.NewHandler(graph.Options{Store: store, Feed: store})
	srv := httptest.NewServer(routes(store, api, accessRules{}, ""))
	t.Cleanup(func() {
		api.CloseWebsockets()
		srv.Close()
		store.Close()
	})
	proxy := startCuttableProxy(t, strings.TrimPrefix(srv.URL, "http://"))

	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "reconnect"})
	if err != nil {
		t.Fatal(err)
	}
	appendLogs := func(n int, prefix string) {
		t.Helper()
		for i := range n {
			if _, err := store.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: fmt.Sprintf("%s %d", prefix, i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	first, err := store.AppendExecutionLog(ctx, db.NewExecutionLog{SessionID: session.ID, Level: db.LogInfo, Message: "start"})
	if err != nil {
		t.Fatal(err)
	}
	appendLogs(5, "before")

	b := chromium(t)
	page := b.MustPage(proxy.url() + "/graphiql")
	waitFor(t, page, "the graphql-ws client", `() => typeof graphqlWs === "object"`)
	wsURL := "ws" + strings.TrimPrefix(proxy.url(), "http") + "/graphql"
	if _, err := page.Eval(reconnectingLogView, wsURL, session.ID, db.CursorOf(first).String()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, page, "the five logs after the first", `() => window.view.shown.length === 5`)

	proxy.cut()
	appendLogs(4, "while away")
	waitFor(t, page, "a reconnect", `() => window.view.connected >= 2`)
	appendLogs(3, "after")
	waitFor(t, page, "every log", `() => window.view.shown.length === 12`)

	res, err := page.Eval(`() => JSON.stringify(window.view)`)
	if err != nil {
		t.Fatal(err)
	}
	var view struct {
		Shown     []string
		Replayed  int
		Errors    []string
		Connected int
	}
	if err := json.Unmarshal([]byte(res.Value.Str()), &view); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, batch := range []struct {
		n      int
		prefix string
	}{{5, "before"}, {4, "while away"}, {3, "after"}} {
		for i := range batch.n {
			want = append(want, fmt.Sprintf("%s %d", batch.prefix, i))
		}
	}
	if strings.Join(view.Shown, "|") != strings.Join(want, "|") {
		t.Errorf("shown %q, want each log once in order: %q", view.Shown, want)
	}
	if view.Replayed < 5 {
		t.Errorf("the client skipped %d replayed logs, want the 5 it had shown before the cut: the reconnect did not replay", view.Replayed)
	}
	if len(view.Errors) > 0 {
		t.Errorf("errors: %q", view.Errors)
	}
}
