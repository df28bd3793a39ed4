package live

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/gorilla/websocket"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// waitTimeout bounds every wait in these tests; nothing normally takes
// more than milliseconds.
const waitTimeout = 10 * time.Second

// event is what a test pushes to the subscription resolvers: a result, or
// an error the resolver reports through gqlgen.
type event struct {
	data string
	err  string
}

// feed plays the resolvers of a small schema built on gqlgen's
// ExecutableSchemaMock (as gqlgen's own testserver is), except that each
// subscription resolver instance listens to the feed until its context
// ends, and the test decides what each result is.
type feed struct {
	mu        sync.Mutex
	listeners map[*listener]struct{}
	execs     atomic.Int32 // subscription resolver instances started
}

type listener struct {
	field string
	room  string // the $room variable, if any
	ch    chan event
	ended chan struct{}
}

func newFeed() *feed {
	return &feed{listeners: make(map[*listener]struct{})}
}

const testSchemaSDL = `
type Query { name: String! }
type Mutation { rename: String! }
type Subscription {
	name(room: String, tag: String): String!
	executionLogs(after: String): String!
}`

// schema returns the executable schema whose resolvers the feed plays.
func (f *feed) schema() graphql.ExecutableSchema {
	schema := gqlparser.MustLoadSchema(&ast.Source{Input: testSchemaSDL})
	return &graphql.ExecutableSchemaMock{
		SchemaFunc: func() *ast.Schema { return schema },
		ComplexityFunc: func(context.Context, string, string, int, map[string]any) (int, bool) {
			return 1, true
		},
		ExecFunc: func(ctx context.Context) graphql.ResponseHandler {
			opCtx := graphql.GetOperationContext(ctx)
			switch opCtx.Operation.Operation {
			case ast.Query:
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"name":"test"}`)})
			case ast.Mutation:
				return graphql.OneShot(&graphql.Response{Data: []byte(`{"rename":"renamed"}`)})
			}
			field := graphql.CollectFields(opCtx, opCtx.Operation.SelectionSet, nil)[0].Name
			room, _ := opCtx.Variables["room"].(string)
			l := &listener{field: field, room: room, ch: make(chan event), ended: make(chan struct{})}
			f.execs.Add(1)
			f.mu.Lock()
			f.listeners[l] = struct{}{}
			f.mu.Unlock()
			// Like a generated subscription resolver: it stops when its
			// context ends, even if nobody asks for the next result.
			go func() {
				<-ctx.Done()
				f.mu.Lock()
				delete(f.listeners, l)
				f.mu.Unlock()
				close(l.ended)
			}()
			return func(rctx context.Context) *graphql.Response {
				select {
				case <-ctx.Done():
					return nil
				case ev, ok := <-l.ch:
					if !ok {
						return nil
					}
					if ev.err != "" {
						graphql.AddError(rctx, errors.New(ev.err))
						return &graphql.Response{Data: []byte(`null`)}
					}
					return &graphql.Response{Data: []byte(ev.data)}
				}
			}
		},
	}
}

// count returns how many resolver instances of field are running.
func (f *feed) count(field string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for l := range f.listeners {
		if l.field == field {
			n++
		}
	}
	return n
}

func (f *feed) snapshot(field, room string) []*listener {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*listener
	for l := range f.listeners {
		if l.field == field && (room == "" || l.room == room) {
			out = append(out, l)
		}
	}
	return out
}

// publish hands ev to every running resolver of field and returns once
// each has taken it (or ended).
func (f *feed) publish(t testing.TB, field string, ev event) {
	t.Helper()
	f.publishTo(t, field, "", ev)
}

// tryPublish hands ev to the field's resolvers, if any is running; false
// when none is, or one ended without taking it.
func (f *feed) tryPublish(field string, ev event) bool {
	ls := f.snapshot(field, "")
	if len(ls) == 0 {
		return false
	}
	for _, l := range ls {
		select {
		case l.ch <- ev:
		case <-l.ended:
			return false
		case <-time.After(waitTimeout):
			return false
		}
	}
	return true
}

// publishTo is publish for the resolvers of one $room only. A resolver
// taking an event also proves that the previous one was fanned out, as
// the evaluation asks for the next result only then.
func (f *feed) publishTo(t testing.TB, field, room string, ev event) {
	t.Helper()
	ls := f.snapshot(field, room)
	if len(ls) == 0 {
		t.Fatalf("publish %s %s: no resolver is running", field, room)
	}
	for _, l := range ls {
		select {
		case l.ch <- ev:
		case <-l.ended:
		case <-time.After(waitTimeout):
			t.Fatalf("publish %s: the resolver did not take the event", field)
		}
	}
}

// end makes every resolver of field finish its stream.
func (f *feed) end(field string) {
	for _, l := range f.snapshot(field, "") {
		select {
		case <-l.ended:
		default:
			close(l.ch)
		}
	}
}

// countingExec counts DispatchOperation calls: one per evaluation.
type countingExec struct {
	graphql.GraphExecutor
	dispatches atomic.Int32
}

func (c *countingExec) DispatchOperation(ctx context.Context, opCtx *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	c.dispatches.Add(1)
	return c.GraphExecutor.DispatchOperation(ctx, opCtx)
}

// presentError marks errors so tests can see they went through the
// executor's error presenter, as the HTTP side's do.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Extensions == nil {
		gqlErr.Extensions = map[string]any{}
	}
	gqlErr.Extensions["presented"] = true
	return gqlErr
}

type scopeKey struct{}

// env is a Handler on a real loopback HTTP server.
type env struct {
	t    testing.TB
	h    *Handler
	srv  *httptest.Server
	feed *feed
	exec *countingExec
}

// newEnv starts a Handler; options may adjust its Options. connection_init
// payloads may carry "scope" (the sharing scope) and "deny" (refused).
func newEnv(t testing.TB, options ...func(*Options)) *env {
	t.Helper()
	f := newFeed()
	ex := executor.New(f.schema())
	ex.SetErrorPresenter(presentError)
	counting := &countingExec{GraphExecutor: ex}
	opts := Options{
		Exec:    counting,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		Streams: map[string]bool{"executionLogs": true},
		InitFunc: func(ctx context.Context, payload map[string]any) (context.Context, error) {
			if payload["deny"] != nil {
				return nil, errors.New("not allowed in")
			}
			scope, _ := payload["scope"].(string)
			return context.WithValue(ctx, scopeKey{}, scope), nil
		},
		ScopeKey: func(ctx context.Context) string {
			s, _ := ctx.Value(scopeKey{}).(string)
			return s
		},
	}
	for _, o := range options {
		o(&opts)
	}
	h := NewHandler(opts)
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		h.Close()
		srv.Close()
	})
	return &env{t: t, h: h, srv: srv, feed: f, exec: counting}
}

func (e *env) wsURL() string {
	return "ws" + strings.TrimPrefix(e.srv.URL, "http")
}

// message is any server message.
type message struct {
	ID      string          `json:"id"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload"`
}

// client is a real gorilla websocket client.
type client struct {
	t     testing.TB
	ws    *websocket.Conn
	proto string
}

// dial opens a socket offering protocols (none when empty).
func (e *env) dial(protocols ...string) *client {
	e.t.Helper()
	d := websocket.Dialer{Subprotocols: protocols, HandshakeTimeout: waitTimeout}
	ws, resp, err := d.Dial(e.wsURL(), nil)
	if err != nil {
		e.t.Fatalf("dial %v: %v (response %v)", protocols, err, resp)
	}
	e.t.Cleanup(func() { ws.Close() })
	return &client{t: e.t, ws: ws, proto: ws.Subprotocol()}
}

func (c *client) legacy() bool { return c.proto == legacyWS.name }

func (c *client) sendRaw(s string) {
	c.t.Helper()
	if err := c.ws.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		c.t.Fatalf("send %s: %v", s, err)
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(b))
}

// read returns the next message, skipping keep-alives.
func (c *client) read() message {
	c.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for range 10_000 {
		_ = c.ws.SetReadDeadline(deadline)
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			c.t.Fatalf("read: %v", err)
		}
		var m message
		if err := json.Unmarshal(data, &m); err != nil {
			c.t.Fatalf("read %s: %v", data, err)
		}
		if m.Type == "ka" || m.Type == "ping" {
			continue
		}
		return m
	}
	c.t.Fatal("read: only keep-alives")
	return message{}
}

// expect reads the next message and checks its type and id.
func (c *client) expect(typ, id string) message {
	c.t.Helper()
	m := c.read()
	if m.Type != typ || m.ID != id {
		c.t.Fatalf("got %s %q %s, want %s %q", m.Type, m.ID, m.Payload, typ, id)
	}
	return m
}

// expectNext reads a result for id and checks its payload.
func (c *client) expectNext(id, payload string) {
	c.t.Helper()
	typ := "next"
	if c.legacy() {
		typ = "data"
	}
	m := c.expect(typ, id)
	if string(m.Payload) != payload {
		c.t.Fatalf("%s %s payload = %s, want %s", typ, id, m.Payload, payload)
	}
}

// expectNextEach reads one result with payload for each of ids, in any
// order: the order among subscribers of one evaluation is not defined.
func (c *client) expectNextEach(payload string, ids ...string) {
	c.t.Helper()
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for range ids {
		m := c.read()
		if m.Type != "next" && m.Type != "data" || !want[m.ID] || string(m.Payload) != payload {
			c.t.Fatalf("got %s %q %s, want a result %s for one of %v", m.Type, m.ID, m.Payload, payload, want)
		}
		delete(want, m.ID)
	}
}

// expectClose reads until the server closes and checks the close code; it
// returns the messages that came before.
func (c *client) expectClose(code int) []message {
	c.t.Helper()
	var before []message
	for range 100 {
		_ = c.ws.SetReadDeadline(time.Now().Add(waitTimeout))
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if !errors.As(err, &ce) {
				c.t.Fatalf("want close %d, got %v", code, err)
			}
			if ce.Code != code {
				c.t.Fatalf("close code = %d (%q), want %d", ce.Code, ce.Text, code)
			}
			return before
		}
		var m message
		_ = json.Unmarshal(data, &m)
		before = append(before, m)
	}
	c.t.Fatalf("want close %d, got only messages: %v", code, before)
	return nil
}

// init sends connection_init with payload and expects the ack.
func (c *client) init(payload map[string]any) {
	c.t.Helper()
	msg := map[string]any{"type": "connection_init"}
	if payload != nil {
		msg["payload"] = payload
	}
	c.send(msg)
	c.expect("connection_ack", "")
}

// subscribe starts an operation in the client's protocol.
func (c *client) subscribe(id, query string, variables map[string]any) {
	c.t.Helper()
	typ := "subscribe"
	if c.legacy() {
		typ = "start"
	}
	payload := map[string]any{"query": query}
	if variables != nil {
		payload["variables"] = variables
	}
	c.send(map[string]any{"id": id, "type": typ, "payload": payload})
}

// unsubscribe stops an operation in the client's protocol.
func (c *client) unsubscribe(id string) {
	c.t.Helper()
	typ := "complete"
	if c.legacy() {
		typ = "stop"
	}
	c.send(map[string]any{"id": id, "type": typ})
}

// waitFor polls cond until it holds or waitTimeout passes.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitStats waits until the Handler's numbers equal want.
func (e *env) waitStats(want Stats) {
	e.t.Helper()
	var got Stats
	deadline := time.Now().Add(waitTimeout)
	for {
		if got = e.h.Stats(); got == want {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("stats = %+v, want %+v", got, want)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// get sends a plain HTTP request with headers to the Handler.
func (e *env) get(header http.Header) (int, string) {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header = header
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// both runs a test once per subprotocol.
func both(t *testing.T, test func(t *testing.T, proto string)) {
	for _, p := range []string{transportWS.name, legacyWS.name} {
		t.Run(p, func(t *testing.T) { test(t, p) })
	}
}
