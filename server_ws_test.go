package main

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestWebsocketThroughServer subscribes through the server's own routes,
// sees a mutation arrive, and checks that shutdown closes the socket with
// 1001 instead of waiting for it.
func TestWebsocketThroughServer(t *testing.T) {
	url, stop := startServer(t, t.TempDir())
	dialer := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
	conn, _, err := dialer.Dial("ws"+strings.TrimPrefix(url, "http")+"/graphql", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	read := func() map[string]any {
		t.Helper()
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		var m map[string]any
		if err := conn.ReadJSON(&m); err != nil {
			t.Fatalf("read: %v", err)
		}
		return m
	}
	conn.WriteJSON(map[string]any{"type": "connection_init"})
	if m := read(); m["type"] != "connection_ack" {
		t.Fatalf("got %v, want connection_ack", m)
	}
	conn.WriteJSON(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{
		"query": "subscription { listTestSessions(limit: 5) { name } }"}})
	if m := read(); m["type"] != "next" {
		t.Fatalf("got %v, want the current (empty) list", m)
	}
	var created struct{ CreateTestSession struct{ ID string } }
	graphql(t, url, `mutation { createTestSession(name: "live", prompt: "") { id } }`, nil, &created)
	m := read()
	payload, _ := json.Marshal(m["payload"])
	if m["type"] != "next" || !strings.Contains(string(payload), `"name":"live"`) {
		t.Fatalf("after createTestSession got %v, want the list with it", m)
	}

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	var closeErr *websocket.CloseError
	for {
		if _, _, err = conn.ReadMessage(); err != nil {
			break
		}
	}
	if !errors.As(err, &closeErr) || closeErr.Code != websocket.CloseGoingAway {
		t.Errorf("on shutdown the socket ended with %v, want close 1001 going away", err)
	}
	select {
	case err := <-stopped:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("shutdown did not finish with a websocket open")
	}
}
