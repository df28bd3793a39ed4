package graph_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// wsClient speaks one of the two websocket subprotocols the way graphql-ws
// (graphql-transport-ws) and subscriptions-transport-ws (graphql-ws) clients
// do, over a real connection.
//
// Like a browser, it reads all the time (a background reader), so it
// answers the server's pings even while the test is busy elsewhere; the
// server drops clients that do not.
type wsClient struct {
	t        testing.TB
	conn     *websocket.Conn
	protocol string

	writeMu  sync.Mutex     // one writer at a time: the test, or the reader's pong
	messages chan wsMessage // what the reader received, in order
	readErr  error          // why the reader stopped; read after messages is closed
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
	c := &wsClient{t: t, conn: conn, protocol: protocol, messages: make(chan wsMessage, 1<<14)}
	go c.read()
	t.Cleanup(func() { conn.Close() })
	c.send(wsMessage{Type: "connection_init", Payload: json.RawMessage(`{}`)})
	if m := c.next(); m.Type != "connection_ack" {
		t.Fatalf("after connection_init got %+v, want connection_ack", m)
	}
	return c
}

func (c *wsClient) send(m wsMessage) {
	c.t.Helper()
	if err := c.write(m); err != nil {
		c.t.Fatalf("write %s: %v", m.Type, err)
	}
}

func (c *wsClient) write(m wsMessage) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return c.conn.WriteJSON(m)
}

// read receives until the connection ends, answering pings (websocket
// frames by gorilla's default handler, graphql-transport-ws "ping" here)
// and queueing everything else for next.
func (c *wsClient) read() {
	defer close(c.messages)
	c.conn.SetPingHandler(func(data string) error {
		c.writeMu.Lock()
		defer c.writeMu.Unlock()
		return c.conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(10*time.Second))
	})
	for {
		var m wsMessage
		if err := c.conn.ReadJSON(&m); err != nil {
			c.readErr = err
			return
		}
		switch m.Type {
		case "ka", "pong":
			continue
		case "ping":
			if err := c.write(wsMessage{Type: "pong"}); err != nil {
				c.readErr = err
				return
			}
			continue
		}
		c.messages <- m
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

// readWait bounds the wait for a message: long, as a busy machine may take
// seconds to run a burst of writes, yet a lost message still fails the test.
const readWait = 30 * time.Second

// next returns the next message that is not a keep-alive, within readWait.
func (c *wsClient) next() wsMessage {
	c.t.Helper()
	select {
	case m, ok := <-c.messages:
		if !ok {
			c.t.Fatalf("read: %v", c.readErr)
		}
		return m
	case <-time.After(readWait):
		c.t.Fatalf("read: nothing for %s", readWait)
		return wsMessage{}
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
