package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// subscribers are n websocket clients, each holding one live query of a
// session and recording when each result arrives.
type subscribers struct {
	conns []*subscriber
}

type subscriber struct {
	conn    *websocket.Conn
	results chan arrival
}

type arrival struct {
	at      time.Time
	payload []byte
}

const liveQuery = `subscription($id: ID!) { getTestSession(sessionId: $id) {
	id name status totalFlows completedFlows flows { id name approved status order } } }`

// openSubscribers opens one subscriber per session ID (one ID repeated for
// subscribers of one query).
func openSubscribers(ctx context.Context, url, protocol string, sessionIDs []string) (*subscribers, error) {
	n := len(sessionIDs)
	subs := &subscribers{conns: make([]*subscriber, n)}
	const parallel = 32
	sem := make(chan struct{}, parallel)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s, err := openSubscriber(ctx, url, protocol, sessionIDs[i])
			if err != nil {
				errs <- fmt.Errorf("subscriber %d: %w", i, err)
				return
			}
			subs.conns[i] = s
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		subs.close()
		return nil, err
	}
	return subs, nil
}

func openSubscriber(ctx context.Context, url, protocol, sessionID string) (*subscriber, error) {
	dialer := websocket.Dialer{Subprotocols: []string{protocol}, HandshakeTimeout: 30 * time.Second}
	conn, _, err := dialer.DialContext(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	start := "subscribe"
	if protocol == "graphql-ws" {
		start = "start"
	}
	payload, _ := json.Marshal(map[string]any{"query": liveQuery, "variables": map[string]any{"id": sessionID}})
	for _, m := range []map[string]any{
		{"type": "connection_init", "payload": map[string]any{}},
		{"id": "1", "type": start, "payload": json.RawMessage(payload)},
	} {
		if err := conn.WriteJSON(m); err != nil {
			conn.Close()
			return nil, err
		}
	}
	s := &subscriber{conn: conn, results: make(chan arrival, 16)}
	go s.read()
	select { // the first result: the current state
	case <-s.results:
		return s, nil
	case <-time.After(60 * time.Second):
		conn.Close()
		return nil, fmt.Errorf("no first result within 60 s")
	}
}

// read records every result until the connection closes.
func (s *subscriber) read() {
	defer close(s.results)
	for {
		_, raw, err := s.conn.ReadMessage()
		if err != nil {
			return
		}
		at := time.Now()
		var m struct {
			Type    string
			Payload json.RawMessage
		}
		if json.Unmarshal(raw, &m) != nil {
			continue
		}
		switch m.Type {
		case "next", "data":
			s.results <- arrival{at: at, payload: m.Payload}
		case "ping":
			_ = s.conn.WriteJSON(map[string]string{"type": "pong"})
		}
	}
}

// awaitUpdate waits until every subscriber received a result containing
// want, and returns when each did.
func (subs *subscribers) awaitUpdate(ctx context.Context, want string, limit time.Duration) ([]time.Time, error) {
	deadline := time.After(limit)
	arrivals := make([]time.Time, len(subs.conns))
	for i, s := range subs.conns {
		for arrivals[i].IsZero() {
			select {
			case a, ok := <-s.results:
				if !ok {
					return nil, fmt.Errorf("subscriber %d disconnected", i)
				}
				if strings.Contains(string(a.payload), want) {
					arrivals[i] = a.at
				}
			case <-deadline:
				return nil, fmt.Errorf("subscriber %d got no update within %s", i, limit)
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	return arrivals, nil
}

func (subs *subscribers) close() {
	for _, s := range subs.conns {
		if s != nil {
			s.conn.Close()
		}
	}
}
