package live

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// Benchmarks only report; the targets (p99 ≤ 100 ms for one update to 1,000
// subscribers over loopback, ≤ 50 KB per idle subscriber) are judged by
// whoever runs them:
//
//	go test -run '^$' -bench . -benchtime 20x ./graph/live/

// dialMany opens n graphql-transport-ws clients, each subscribed to the
// same live query, with small client buffers.
func dialMany(b *testing.B, e *env, n int) []*websocket.Conn {
	b.Helper()
	d := websocket.Dialer{
		Subprotocols:    []string{transportWS.name},
		ReadBufferSize:  1024,
		WriteBufferPool: &sync.Pool{},
	}
	conns := make([]*websocket.Conn, n)
	for i := range conns {
		ws, _, err := d.Dial(e.wsURL(), nil)
		if err != nil {
			b.Fatalf("dial %d: %v", i, err)
		}
		c := &client{t: b, ws: ws, proto: transportWS.name}
		c.init(nil)
		c.subscribe("1", `subscription { name }`, nil)
		conns[i] = ws
	}
	return conns
}

// BenchmarkFanOut measures how long one new result takes to reach every
// subscriber of one live query, each on its own connection.
func BenchmarkFanOut(b *testing.B) {
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			e := newEnv(b)
			conns := dialMany(b, e, n)
			e.waitStats(Stats{Connections: n, Subscriptions: n, SharedQueries: 1})
			waitFor(b, "the resolver", func() bool { return e.feed.count("name") == 1 })

			var mu sync.Mutex
			var published time.Time
			var latencies []time.Duration
			var wg sync.WaitGroup
			for _, ws := range conns {
				go func() {
					for {
						if _, _, err := ws.ReadMessage(); err != nil {
							return
						}
						mu.Lock()
						latencies = append(latencies, time.Since(published))
						mu.Unlock()
						wg.Done()
					}
				}()
			}
			b.ResetTimer()
			for i := range b.N {
				wg.Add(n)
				mu.Lock()
				published = time.Now()
				mu.Unlock()
				e.feed.publish(b, "name", event{data: fmt.Sprintf(`{"name":"update %d"}`, i)})
				wg.Wait()
			}
			b.StopTimer()
			slices.Sort(latencies)
			b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
			for _, ws := range conns {
				ws.Close()
			}
		})
	}
}

// BenchmarkIdleSubscriberMemory reports heap and stack per idle subscriber
// (connection + subscription). The clients live in the same process, so
// the number is an upper bound of the server's share.
func BenchmarkIdleSubscriberMemory(b *testing.B) {
	const n = 2000
	for range b.N {
		e := newEnv(b)
		before := memInUse()
		conns := dialMany(b, e, n)
		e.waitStats(Stats{Connections: n, Subscriptions: n, SharedQueries: 1})
		after := memInUse()
		b.ReportMetric(float64(after-before)/n/1024, "KiB/subscriber(client+server)")
		for _, ws := range conns {
			ws.Close()
		}
		e.waitStats(Stats{})
	}
}

func memInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse + m.StackInuse
}

// BenchmarkFanOutOneConnection is BenchmarkFanOut with every subscription
// on one connection, as one client multiplexing many subscribers.
func BenchmarkFanOutOneConnection(b *testing.B) {
	const n = 5000
	e := newEnv(b)
	d := websocket.Dialer{Subprotocols: []string{transportWS.name}}
	ws, _, err := d.Dial(e.wsURL(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer ws.Close()
	c := &client{t: b, ws: ws, proto: transportWS.name}
	c.init(nil)
	for i := range n {
		c.subscribe(fmt.Sprint(i), `subscription { name }`, nil)
	}
	e.waitStats(Stats{Connections: 1, Subscriptions: n, SharedQueries: 1})
	waitFor(b, "the resolver", func() bool { return e.feed.count("name") == 1 })

	var latencies []time.Duration
	b.ResetTimer()
	for i := range b.N {
		published := time.Now()
		e.feed.publish(b, "name", event{data: fmt.Sprintf(`{"name":"update %d"}`, i)})
		for range n {
			if _, _, err := ws.ReadMessage(); err != nil {
				b.Fatal(err)
			}
			latencies = append(latencies, time.Since(published))
		}
	}
	b.StopTimer()
	slices.Sort(latencies)
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
}
