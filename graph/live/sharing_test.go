package live

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

const roomQuery = `subscription Room($room: String, $tag: String) { name(room: $room, tag: $tag) }`

func TestSubscribersOfOneQueryShareOneEvaluation(t *testing.T) {
	e := newEnv(t)
	a := e.dial(transportWS.name)
	a.init(nil)
	b := e.dial(legacyWS.name) // the protocol is not part of the key
	b.init(nil)
	vars := map[string]any{"room": "r1", "tag": "t"}
	a.subscribe("a1", roomQuery, vars)
	a.subscribe("a2", roomQuery, vars)
	// The same variables in another order.
	b.sendRaw(`{"id":"b1","type":"start","payload":{"query":` + quote(roomQuery) + `,"variables":{"tag":"t","room":"r1"}}}`)
	e.waitStats(Stats{Connections: 2, Subscriptions: 3, SharedQueries: 1})
	waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })

	e.feed.publish(t, "name", event{data: `{"name":"v1"}`})
	want := `{"data":{"name":"v1"}}`
	a.expectNextEach(want, "a1", "a2")
	b.expectNext("b1", want)
	if n, m := e.exec.dispatches.Load(), e.feed.execs.Load(); n != 1 || m != 1 {
		t.Fatalf("dispatches = %d, resolver runs = %d; want 1 and 1", n, m)
	}

	// Other variables, or another auth scope, are another evaluation.
	a.subscribe("a3", roomQuery, map[string]any{"room": "r2", "tag": "t"})
	c := e.dial(transportWS.name)
	c.init(map[string]any{"scope": "user-2"})
	c.subscribe("c1", roomQuery, vars)
	e.waitStats(Stats{Connections: 3, Subscriptions: 5, SharedQueries: 3})
	if n := e.exec.dispatches.Load(); n != 3 {
		t.Fatalf("dispatches = %d, want 3", n)
	}

	// Leaving one by one: the evaluation stops with its last subscriber.
	a.unsubscribe("a1")
	a.unsubscribe("a3")
	c.unsubscribe("c1")
	e.waitStats(Stats{Connections: 3, Subscriptions: 2, SharedQueries: 1})
	e.feed.publish(t, "name", event{data: `{"name":"v2"}`})
	a.expectNext("a2", `{"data":{"name":"v2"}}`)
	b.expectNext("b1", `{"data":{"name":"v2"}}`)
	a.unsubscribe("a2")
	b.unsubscribe("b1")
	e.waitStats(Stats{Connections: 3})
	waitFor(t, "the resolvers to end", func() bool { return e.feed.count("name") == 0 })
}

func TestLateJoinerGetsTheLatestResultAtOnce(t *testing.T) {
	e := newEnv(t)
	a := e.dial(transportWS.name)
	a.init(nil)
	a.subscribe("1", `subscription { name }`, nil)
	waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })
	e.feed.publish(t, "name", event{data: `{"name":"v1"}`})
	a.expectNext("1", `{"data":{"name":"v1"}}`)
	e.feed.publish(t, "name", event{data: `{"name":"v2"}`})
	a.expectNext("1", `{"data":{"name":"v2"}}`)

	b := e.dial(transportWS.name)
	b.init(nil)
	b.subscribe("late", `subscription { name }`, nil)
	// No new result was published: the current one arrives at once.
	b.expectNext("late", `{"data":{"name":"v2"}}`)
	if n := e.feed.execs.Load(); n != 1 {
		t.Fatalf("resolver runs = %d, want 1", n)
	}
}

func TestIdenticalResultsAreSentOnce(t *testing.T) {
	e := newEnv(t)
	c := e.dial(transportWS.name)
	c.init(nil)
	// x is watched; y's results are sentinels: its frames queue behind any
	// frame x got before, so a duplicate of x would show up before them.
	c.subscribe("x", roomQuery, map[string]any{"room": "x"})
	c.subscribe("y", roomQuery, map[string]any{"room": "y"})
	waitFor(t, "the resolvers", func() bool { return e.feed.count("name") == 2 })
	x := func(v string) { e.feed.publishTo(t, "name", "x", event{data: `{"name":"` + v + `"}`}) }
	y := func(v string) { e.feed.publishTo(t, "name", "y", event{data: `{"name":"` + v + `"}`}) }

	x("a")
	c.expectNext("x", `{"data":{"name":"a"}}`)
	x("a")
	x("a") // taken: the first repeat has been handled
	y("s1")
	c.expectNext("y", `{"data":{"name":"s1"}}`)
	x("b")
	c.expectNext("x", `{"data":{"name":"b"}}`)
	x("b")
	x("b")
	y("s2")
	c.expectNext("y", `{"data":{"name":"s2"}}`)
	// A value seen before, after a change, is a change.
	x("a")
	c.expectNext("x", `{"data":{"name":"a"}}`)
	if n := e.exec.dispatches.Load(); n != 2 {
		t.Fatalf("dispatches = %d, want 2", n)
	}
}

func TestStreamsAreNeitherSharedNorDeduplicated(t *testing.T) {
	e := newEnv(t)
	a := e.dial(transportWS.name)
	a.init(nil)
	b := e.dial(transportWS.name)
	b.init(nil)
	const q = `subscription { executionLogs }`
	a.subscribe("1", q, nil)
	b.subscribe("1", q, nil)
	e.waitStats(Stats{Connections: 2, Subscriptions: 2, Streams: 2})
	waitFor(t, "the resolvers", func() bool { return e.feed.count("executionLogs") == 2 })
	for range 2 {
		e.feed.publish(t, "executionLogs", event{data: `{"executionLogs":"same line"}`})
	}
	for _, c := range []*client{a, b} {
		for range 2 {
			c.expectNext("1", `{"data":{"executionLogs":"same line"}}`)
		}
	}
	// A joiner does not get old events.
	c := e.dial(transportWS.name)
	c.init(nil)
	c.subscribe("1", q, nil)
	waitFor(t, "the resolvers", func() bool { return e.feed.count("executionLogs") == 3 })
	e.feed.publish(t, "executionLogs", event{data: `{"executionLogs":"new line"}`})
	c.expectNext("1", `{"data":{"executionLogs":"new line"}}`)
}

func TestStreamSubscriberThatFallsBehindIsEnded(t *testing.T) {
	both(t, func(t *testing.T, proto string) {
		e := newEnv(t, func(o *Options) { o.SendQueue = 4 })
		c := e.dial(proto)
		c.init(nil)
		c.subscribe("logs", `subscription { executionLogs }`, nil)
		waitFor(t, "the resolver", func() bool { return e.feed.count("executionLogs") == 1 })
		// The client reads nothing while large events pile up; once the
		// socket buffers are full the queue overflows.
		big := strings.Repeat("x", 256<<10)
		published := 0
		// The stream may be cut between two publications: then no resolver
		// takes the next one, and that is the end of the flood.
		for ; published < 400 && e.feed.count("executionLogs") == 1; published++ {
			if !e.feed.tryPublish("executionLogs", event{data: fmt.Sprintf(`{"executionLogs":"%d %s"}`, published, big)}) {
				break
			}
		}
		e.waitStats(Stats{Connections: 1})
		waitFor(t, "the resolver to end", func() bool { return e.feed.count("executionLogs") == 0 })

		// Now read: the events queued before the cut, in order and none
		// lost, then the error.
		next := "next"
		if c.legacy() {
			next = "data"
		}
		received := 0
		for range published + 1 {
			m := c.read()
			if m.Type != next {
				if m.Type != "error" || m.ID != "logs" || !strings.Contains(string(m.Payload), "too slow: subscribe again with `after`") {
					t.Fatalf("got %s %s %.200s, want the too-slow error", m.Type, m.ID, m.Payload)
				}
				break
			}
			var result struct {
				Data struct{ ExecutionLogs string }
			}
			if err := json.Unmarshal(m.Payload, &result); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(result.Data.ExecutionLogs, fmt.Sprintf("%d ", received)) {
				t.Fatalf("event %d is %.20s…", received, result.Data.ExecutionLogs)
			}
			received++
		}
		if received == 0 || received >= published {
			t.Fatalf("received %d of %d events before the error", received, published)
		}
		if c.legacy() {
			c.expect("complete", "logs")
		} else {
			// graphql-transport-ws: the error ended the operation and no
			// complete follows, so the next message answers our ping.
			c.send(map[string]any{"type": "ping"})
			c.expect("pong", "")
		}
		t.Logf("received %d of %d events before the error", received, published)
	})
}

func TestSlowClientDoesNotHoldBackOthers(t *testing.T) {
	e := newEnv(t)
	e.h.writeTimeout = 300 * time.Millisecond
	slow := e.dial(transportWS.name)
	slow.init(nil)
	slow.subscribe("1", `subscription { name }`, nil)
	fast := e.dial(transportWS.name)
	fast.init(nil)
	fast.subscribe("1", `subscription { name }`, nil)
	e.waitStats(Stats{Connections: 2, Subscriptions: 2, SharedQueries: 1})
	waitFor(t, "the resolver", func() bool { return e.feed.count("name") == 1 })

	// The slow client never reads. Each result is large, so its socket
	// buffers fill and its writer blocks; the fast one gets every result
	// and the slow one's queue never holds more than its one latest result.
	big := strings.Repeat("y", 256<<10)
	for i := range 100 {
		payload := fmt.Sprintf(`{"name":"%d %s"}`, i, big)
		e.feed.publish(t, "name", event{data: payload})
		fast.expectNext("1", `{"data":`+payload+`}`)
		for _, q := range e.h.queues() {
			if q.frames > 1 {
				t.Fatalf("after result %d a connection has %d frames queued", i, q.frames)
			}
		}
	}
	// Its write deadline expires and it is dropped; the fast one stays.
	e.waitStats(Stats{Connections: 1, Subscriptions: 1, SharedQueries: 1})
	e.feed.publish(t, "name", event{data: `{"name":"after"}`})
	fast.expectNext("1", `{"data":{"name":"after"}}`)
}

// queueLengths returns the number of frames queued on each connection.
// queues returns what waits on each connection: frames and their bytes.
func (h *Handler) queues() []struct{ frames, bytes int } {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []struct{ frames, bytes int }
	for c := range h.conns {
		c.mu.Lock()
		out = append(out, struct{ frames, bytes int }{len(c.out.frames), c.out.bytes})
		c.mu.Unlock()
	}
	return out
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
