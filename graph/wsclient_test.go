package graph_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// wsClient speaks one of the two websocket subprotocols the way graphql-ws
// (graphql-transport-ws) and subscriptions-transport-ws (graphql-ws) clients
// do, over a real connection.
type wsClient struct {
	t        testing.TB
	conn     *websocket.Conn
	protocol string
}

const (
	transportWS = "graphql-transport-ws"
	legacyWS    = "graphql-ws"
)

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// dialWS connects and completes the connection_init handshake.
func dialWS(t testing.TB, httpURL, protocol string) *wsClient {
	t.Helper()
	dialer := websocket.Dialer{Subprotocols: []string{protocol}, HandshakeTimeout: 10 * time.Second}
	conn, resp, err := dialer.Dial("ws"+strings.TrimPrefix(httpURL, "http"), http.Header{})
	if err != nil {
		t.Fatalf("dial %s: %v (response %v)", protocol, err, resp)
	}
	c := &wsClient{t: t, conn: conn, protocol: protocol}
	t.Cleanup(func() { conn.Close() })
	c.send(wsMessage{Type: "connection_init", Payload: json.RawMessage(`{}`)})
	if m := c.next(); m.Type != "connection_ack" {
		t.Fatalf("after connection_init got %+v, want connection_ack", m)
	}
	return c
}

func (c *wsClient) send(m wsMessage) {
	c.t.Helper()
	if err := c.conn.WriteJSON(m); err != nil {
		c.t.Fatalf("write %s: %v", m.Type, err)
	}
}

// subscribe starts an operation under id.
func (c *wsClient) subscribe(id, query string, variables map[string]any) {
	c.t.Helper()
	payload, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	typ := "subscribe"
	if c.protocol == legacyWS {
		typ = "start"
	}
	c.send(wsMessage{ID: id, Type: typ, Payload: payload})
}

// unsubscribe stops the operation id.
func (c *wsClient) unsubscribe(id string) {
	c.t.Helper()
	typ := "complete"
	if c.protocol == legacyWS {
		typ = "stop"
	}
	c.send(wsMessage{ID: id, Type: typ})
}

// next returns the next message that is not a keep-alive, within 10 s.
func (c *wsClient) next() wsMessage {
	c.t.Helper()
	for {
		c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		var m wsMessage
		if err := c.conn.ReadJSON(&m); err != nil {
			c.t.Fatalf("read: %v", err)
		}
		switch m.Type {
		case "ka", "pong":
			continue
		case "ping":
			c.send(wsMessage{Type: "pong"})
			continue
		}
		return m
	}
}

// nextData returns the data of the next result of operation id, failing on
// anything else.
func (c *wsClient) nextData(id string, out any) {
	c.t.Helper()
	m := c.next()
	want := "next"
	if c.protocol == legacyWS {
		want = "data"
	}
	if m.Type != want || m.ID != id {
		c.t.Fatalf("got %s %s %s, want %s for %s", m.Type, m.ID, m.Payload, want, id)
	}
	var payload struct {
		Data   json.RawMessage
		Errors []gqlError
	}
	if err := json.Unmarshal(m.Payload, &payload); err != nil {
		c.t.Fatal(err)
	}
	if len(payload.Errors) > 0 {
		c.t.Fatalf("result of %s has errors: %+v", id, payload.Errors)
	}
	if err := json.Unmarshal(payload.Data, out); err != nil {
		c.t.Fatalf("decode %s: %v", payload.Data, err)
	}
}

// expectType fails unless the next message is of type typ for id.
func (c *wsClient) expectType(id, typ string) wsMessage {
	c.t.Helper()
	m := c.next()
	if m.Type != typ || m.ID != id {
		c.t.Fatalf("got %s %s %s, want %s for %s", m.Type, m.ID, m.Payload, typ, id)
	}
	return m
}

func (c *wsClient) String() string { return fmt.Sprintf("wsClient(%s)", c.protocol) }
