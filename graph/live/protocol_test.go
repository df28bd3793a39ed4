package live

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestTransportWSHandshakePingPong(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.KeepAlive = 20 * time.Millisecond })
	c := e.dial(transportWS.name)
	if c.proto != transportWS.name {
		t.Fatalf("subprotocol = %q", c.proto)
	}
	// Pings are answered even before connection_init, echoing the payload.
	c.send(map[string]any{"type": "ping", "payload": map[string]any{"n": 1}})
	if m := c.expect("pong", ""); string(m.Payload) != `{"n":1}` {
		t.Fatalf("pong payload = %s", m.Payload)
	}
	c.init(nil)
	// The server pings every KeepAlive once acknowledged.
	for range 2 {
		_ = c.ws.SetReadDeadline(time.Now().Add(waitTimeout))
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != `{"type":"ping"}` {
			t.Fatalf("got %s, want a ping", data)
		}
		c.send(map[string]any{"type": "pong"})
	}
	e.waitStats(Stats{Connections: 1})
}

func TestLegacyHandshakeKeepAlive(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.KeepAlive = 20 * time.Millisecond })
	c := e.dial(legacyWS.name)
	if c.proto != legacyWS.name {
		t.Fatalf("subprotocol = %q", c.proto)
	}
	c.send(map[string]any{"type": "connection_init", "payload": map[string]any{"token": "x"}})
	c.expect("connection_ack", "")
	// "ka" follows the ack at once, then every KeepAlive.
	for range 3 {
		_ = c.ws.SetReadDeadline(time.Now().Add(waitTimeout))
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != `{"type":"ka"}` {
			t.Fatalf("got %s, want ka", data)
		}
	}
}

func TestPrefersTransportWSWhenBothOffered(t *testing.T) {
	e := newEnv(t)
	if c := e.dial(legacyWS.name, transportWS.name); c.proto != transportWS.name {
		t.Fatalf("subprotocol = %q, want %q", c.proto, transportWS.name)
	}
}

func TestUnsupportedSubprotocolIsRefused(t *testing.T) {
	e := newEnv(t)
	for _, offered := range [][]string{nil, {"foo"}, {"graphql-subscriptions"}} {
		d := websocket.Dialer{Subprotocols: offered}
		ws, resp, err := d.Dial(e.wsURL(), nil)
		if err == nil {
			ws.Close()
			t.Fatalf("offering %v: upgraded", offered)
		}
		if resp == nil || resp.StatusCode != http.StatusBadRequest {
			t.Fatalf("offering %v: response %v, want 400", offered, resp)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		for _, name := range []string{`\"graphql-transport-ws\"`, `\"graphql-ws\"`} {
			if !strings.Contains(string(body), name) {
				t.Fatalf("offering %v: body %s does not name %s", offered, body, name)
			}
		}
	}
}

func TestPlainRequestIsNotUpgraded(t *testing.T) {
	e := newEnv(t)
	status, body := e.get(http.Header{})
	if status != http.StatusBadRequest || !strings.Contains(body, "websocket") {
		t.Fatalf("plain GET: %d %s", status, body)
	}
	r, _ := http.NewRequest(http.MethodGet, "/graphql", nil)
	if IsUpgrade(r) {
		t.Fatal("IsUpgrade(plain GET) = true")
	}
	r.Header.Set("Connection", "Upgrade")
	r.Header.Set("Upgrade", "websocket")
	if !IsUpgrade(r) {
		t.Fatal("IsUpgrade(websocket request) = false")
	}
}

func TestOriginCheck(t *testing.T) {
	tests := []struct {
		name    string
		allowed []string
		origin  string
		ok      bool
	}{
		{"no origin", nil, "", true},
		{"same host", nil, "http://HOST", true},
		{"other origin", nil, "http://evil.example", false},
		{"listed origin", []string{"https://app.example"}, "https://app.example", true},
		{"listed origin, other case and slash", []string{"https://App.example/"}, "https://app.EXAMPLE", true},
		{"unlisted origin", []string{"https://app.example"}, "https://other.example", false},
		{"wildcard", []string{"*"}, "http://evil.example", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, func(o *Options) { o.AllowedOrigins = tt.allowed })
			header := http.Header{}
			if tt.origin != "" {
				header.Set("Origin", strings.Replace(tt.origin, "HOST", strings.TrimPrefix(e.srv.URL, "http://"), 1))
			}
			d := websocket.Dialer{Subprotocols: []string{transportWS.name}}
			ws, resp, err := d.Dial(e.wsURL(), header)
			if tt.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				ws.Close()
				return
			}
			if err == nil {
				ws.Close()
				t.Fatal("upgraded")
			}
			if resp == nil || resp.StatusCode != http.StatusForbidden {
				t.Fatalf("response %v, want 403", resp)
			}
		})
	}
}

func TestCloseCodes(t *testing.T) {
	const q = `subscription { name }`
	tests := []struct {
		name  string
		proto string
		init  map[string]any // nil: no connection_init
		opts  func(*Options)
		do    func(c *client)
		code  int
		// before lists the types of messages expected before the close.
		before []string
	}{
		{name: "invalid JSON", proto: transportWS.name, do: func(c *client) { c.sendRaw(`{"type":`) }, code: 4400},
		{name: "no type", proto: transportWS.name, do: func(c *client) { c.sendRaw(`{"id":"1"}`) }, code: 4400},
		{name: "unknown type", proto: transportWS.name, init: map[string]any{}, do: func(c *client) { c.sendRaw(`{"type":"start","id":"1"}`) }, code: 4400},
		{name: "subscribe without id", proto: transportWS.name, init: map[string]any{}, do: func(c *client) {
			c.send(map[string]any{"type": "subscribe", "payload": map[string]any{"query": q}})
		}, code: 4400},
		{name: "subscribe payload not an object", proto: transportWS.name, init: map[string]any{}, do: func(c *client) {
			c.send(map[string]any{"type": "subscribe", "id": "1", "payload": "subscription { name }"})
		}, code: 4400},
		{name: "init payload not an object", proto: transportWS.name, do: func(c *client) {
			c.send(map[string]any{"type": "connection_init", "payload": []int{1}})
		}, code: 4400},
		{name: "subscribe before ack", proto: transportWS.name, do: func(c *client) { c.subscribe("1", q, nil) }, code: 4401},
		{name: "legacy start before init", proto: legacyWS.name, do: func(c *client) { c.subscribe("1", q, nil) }, code: 4401},
		{name: "forbidden", proto: transportWS.name, do: func(c *client) {
			c.send(map[string]any{"type": "connection_init", "payload": map[string]any{"deny": true}})
		}, code: 4403},
		{name: "legacy forbidden", proto: legacyWS.name, do: func(c *client) {
			c.send(map[string]any{"type": "connection_init", "payload": map[string]any{"deny": true}})
		}, code: 4403, before: []string{"connection_error"}},
		{name: "init timeout", proto: transportWS.name, opts: func(o *Options) { o.InitTimeout = 50 * time.Millisecond }, do: func(*client) {}, code: 4408},
		{name: "legacy init timeout", proto: legacyWS.name, opts: func(o *Options) { o.InitTimeout = 50 * time.Millisecond }, do: func(*client) {}, code: 4408},
		{name: "duplicate subscriber id", proto: transportWS.name, init: map[string]any{}, do: func(c *client) {
			c.subscribe("1", q, nil)
			c.subscribe("1", q, nil)
		}, code: 4409},
		{name: "second init", proto: transportWS.name, init: map[string]any{}, do: func(c *client) {
			c.send(map[string]any{"type": "connection_init"})
		}, code: 4429},
		{name: "message over 1 MiB", proto: transportWS.name, init: map[string]any{}, do: func(c *client) {
			c.subscribe("1", "subscription { name }"+strings.Repeat(" ", maxMessageBytes), nil)
		}, code: websocket.CloseMessageTooBig},
		{name: "legacy connection_terminate", proto: legacyWS.name, init: map[string]any{}, do: func(c *client) {
			c.send(map[string]any{"type": "connection_terminate"})
		}, code: websocket.CloseNormalClosure},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []func(*Options)
			if tt.opts != nil {
				opts = append(opts, tt.opts)
			}
			e := newEnv(t, opts...)
			c := e.dial(tt.proto)
			if tt.init != nil {
				c.init(tt.init)
			}
			tt.do(c)
			var got []string
			for _, m := range c.expectClose(tt.code) {
				if m.Type != "ka" {
					got = append(got, m.Type)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.before, ",") {
				t.Fatalf("messages before the close: %v, want %v", got, tt.before)
			}
			// The connection and what it held are gone.
			e.waitStats(Stats{})
		})
	}
}

func TestLegacyBadMessagesGetErrors(t *testing.T) {
	e := newEnv(t)
	c := e.dial(legacyWS.name)
	c.init(nil)
	c.sendRaw(`{"type":"bogus","id":"7"}`)
	m := c.expect("error", "7")
	var payload struct{ Message string }
	if err := json.Unmarshal(m.Payload, &payload); err != nil || !strings.Contains(payload.Message, "bogus") {
		t.Fatalf("error payload = %s", m.Payload)
	}
	c.sendRaw(`not json`)
	c.expect("error", "")
	// The connection still works.
	c.subscribe("1", `{ name }`, nil)
	c.expectNext("1", `{"data":{"name":"test"}}`)
	c.expect("complete", "1")
}

func TestInitPayloadReachesInitFunc(t *testing.T) {
	payloads := make(chan map[string]any, 1)
	e := newEnv(t, func(o *Options) {
		next := o.InitFunc
		o.InitFunc = func(ctx context.Context, payload map[string]any) (context.Context, error) {
			payloads <- payload
			return next(ctx, payload)
		}
	})
	c := e.dial(transportWS.name)
	c.sendRaw(`{"type":"connection_init","payload":{"token":"secret","n":12345678901234567890}}`)
	c.expect("connection_ack", "")
	seen := <-payloads
	if seen["token"] != "secret" || fmt.Sprint(seen["n"]) != "12345678901234567890" {
		t.Fatalf("InitFunc saw %v", seen)
	}
}
