// Command fanout measures live-query fan-out over loopback: N websocket
// subscribers hold one session's live query on a real server process; one
// mutation changes the session; it reports how long until the last
// subscriber got the update (p50, p99, max over all deliveries) and the
// server's memory and goroutines per idle subscriber.
//
//	go run ./bench/fanout -subscribers 1000,5000
//
// It builds and starts the server itself (embedded store in a temporary
// directory, loopback only), reads the server's memory from its /metrics
// after forcing a collection through the debug listener's pprof, and bounds
// every wait.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	var (
		counts    = flag.String("subscribers", "1000,5000", "comma-separated subscriber counts, one run each")
		rounds    = flag.Int("rounds", 5, "mutations per run")
		protocol  = flag.String("protocol", "graphql-transport-ws", "websocket subprotocol: graphql-transport-ws or graphql-ws")
		serverBin = flag.String("server", "", "server binary; empty builds it from this module")
		timeout   = flag.Duration("timeout", 10*time.Minute, "bound on the whole run")
	)
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()

	var ns []int
	for _, s := range strings.Split(*counts, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 10_000 {
			log.Fatalf("-subscribers: %q is not a count between 1 and 10000", s)
		}
		ns = append(ns, n)
	}
	work, err := os.MkdirTemp("", "fanout-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	bin := *serverBin
	if bin == "" {
		bin = filepath.Join(work, "server")
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/testing-agent/backend")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			log.Fatalf("build the server: %v", err)
		}
	}

	fmt.Printf("| subscribers | protocol | p50 | p99 | max | heap+stack per idle subscriber | goroutines per subscriber |\n")
	fmt.Printf("| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, n := range ns {
		res, err := runOnce(ctx, bin, filepath.Join(work, fmt.Sprint("data-", n)), n, *rounds, *protocol)
		if err != nil {
			log.Fatalf("%d subscribers: %v", n, err)
		}
		fmt.Printf("| %d | %s | %s | %s | %s | %.1f KB | %.2f |\n", n, *protocol,
			ms(res.p50), ms(res.p99), ms(res.max), res.bytesPerSubscriber/1024, res.goroutinesPerSubscriber)
	}
}

type result struct {
	p50, p99, max           time.Duration
	bytesPerSubscriber      float64
	goroutinesPerSubscriber float64
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// runOnce starts a server, opens n subscribers, measures memory, then times
// rounds mutations.
func runOnce(ctx context.Context, bin, dataDir string, n, rounds int, protocol string) (result, error) {
	srv, err := startServer(ctx, bin, dataDir)
	if err != nil {
		return result{}, err
	}
	defer srv.stop()

	sessionID, flowID, err := srv.createSession(ctx)
	if err != nil {
		return result{}, err
	}
	before, err := srv.memory(ctx)
	if err != nil {
		return result{}, err
	}
	subs, err := openSubscribers(ctx, srv.wsURL(), protocol, sessionID, n)
	if err != nil {
		return result{}, err
	}
	defer subs.close()
	after, err := srv.memory(ctx)
	if err != nil {
		return result{}, err
	}

	var latencies []time.Duration
	for round := range rounds {
		sent := time.Now()
		if err := srv.renameFlow(ctx, flowID, fmt.Sprintf("renamed %d", round)); err != nil {
			return result{}, err
		}
		arrivals, err := subs.awaitUpdate(ctx, fmt.Sprintf("renamed %d", round), time.Minute)
		if err != nil {
			return result{}, err
		}
		for _, at := range arrivals {
			latencies = append(latencies, at.Sub(sent))
		}
		time.Sleep(200 * time.Millisecond) // let the coalescing window pass
	}
	slices.Sort(latencies)
	pct := func(p float64) time.Duration { return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))] }
	return result{
		p50:                     pct(0.50),
		p99:                     pct(0.99),
		max:                     latencies[len(latencies)-1],
		bytesPerSubscriber:      float64(after.heapAndStack-before.heapAndStack) / float64(n),
		goroutinesPerSubscriber: float64(after.goroutines-before.goroutines) / float64(n),
	}, nil
}
