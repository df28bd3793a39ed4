package live

import (
	"bytes"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

func TestTokenBucket(t *testing.T) {
	b := newTokenBucket(10, 20)
	now := time.Unix(0, 0)
	taken := 0
	for b.take(now) {
		taken++
	}
	if taken != 20 {
		t.Fatalf("a full bucket gave %d, want its burst of 20", taken)
	}
	if !b.take(now.Add(100 * time.Millisecond)) { // 0.1 s at 10/s: one more
		t.Error("no token after a tenth of a second at 10 a second")
	}
	if b.take(now.Add(100 * time.Millisecond)) {
		t.Error("a second token in the same instant")
	}
}

// TestLimits: each limit answers with a coded error, never a crash, and the
// connection or server goes on serving what is within it.
func TestLimits(t *testing.T) {
	t.Run("connections", func(t *testing.T) {
		e := newEnv(t, func(o *Options) { o.MaxConnections = 2 })
		a, b := e.dial(transportWS.name), e.dial(transportWS.name)
		a.init(nil)
		b.init(nil)
		d := websocket.Dialer{Subprotocols: []string{transportWS.name}, HandshakeTimeout: waitTimeout}
		_, resp, err := d.Dial(e.wsURL(), nil)
		if err == nil || resp == nil || resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("a third socket: %v %v, want HTTP 429", resp, err)
		}
		a.ws.Close()
		e.waitStats(Stats{Connections: 1})
		c := e.dial(transportWS.name) // room again
		c.init(nil)
	})
	t.Run("operations per connection", func(t *testing.T) {
		e := newEnv(t, func(o *Options) { o.MaxOperations = 3 })
		c := e.dial(transportWS.name)
		c.init(nil)
		for i := range 3 {
			c.subscribe(fmt.Sprint("s", i), `subscription { name }`, nil)
		}
		e.waitStats(Stats{Connections: 1, Subscriptions: 3, SharedQueries: 1})
		c.subscribe("over", `subscription { name }`, nil)
		if m := c.expect("error", "over"); !bytes.Contains(m.Payload, []byte(`"RATE_LIMITED"`)) {
			t.Errorf("the fourth operation got %s, want RATE_LIMITED", m.Payload)
		}
	})
	t.Run("live evaluations", func(t *testing.T) {
		e := newEnv(t, func(o *Options) { o.MaxEvaluations = 2 })
		c := e.dial(transportWS.name)
		c.init(nil)
		c.subscribe("a", `subscription { name(room: "a") }`, nil)
		c.subscribe("b", `subscription { name(room: "b") }`, nil)
		e.waitStats(Stats{Connections: 1, Subscriptions: 2, SharedQueries: 2})
		c.subscribe("c", `subscription { name(room: "c") }`, nil)
		if m := c.expect("error", "c"); !bytes.Contains(m.Payload, []byte(`"RATE_LIMITED"`)) {
			t.Errorf("a third evaluation got %s, want RATE_LIMITED", m.Payload)
		}
		// Joining a running evaluation costs none.
		c.subscribe("a2", `subscription { name(room: "a") }`, nil)
		e.waitStats(Stats{Connections: 1, Subscriptions: 3, SharedQueries: 2})
		c.unsubscribe("b")
		e.waitStats(Stats{Connections: 1, Subscriptions: 2, SharedQueries: 1})
		c.subscribe("c", `subscription { name(room: "c") }`, nil) // room again
		e.waitStats(Stats{Connections: 1, Subscriptions: 3, SharedQueries: 2})
	})
	t.Run("subscribe churn", func(t *testing.T) {
		e := newEnv(t, func(o *Options) { o.MaxStartsPerSecond = 1 }) // bursts of 10
		c := e.dial(transportWS.name)
		c.init(nil)
		limited := false
		for i := 0; i < 30 && !limited; i++ {
			id := fmt.Sprint("c", i)
			// Every start counts, whatever becomes of it: here each is
			// answered at once by an error of the document or of the limit.
			c.subscribe(id, `query { nothing }`, nil)
			m := c.expect("error", id)
			limited = bytes.Contains(m.Payload, []byte(`"RATE_LIMITED"`))
		}
		if !limited {
			t.Fatal("30 subscribe/unsubscribe pairs in a burst of 10 a second were all accepted")
		}
	})
}
