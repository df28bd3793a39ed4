// Command fanout measures what live queries cost over loopback, on a real
// server process with N idle websocket subscribers, each on a socket of its
// own, either all on one session's live query ("one") or each on its own
// session ("distinct"). Per run it reports:
//
//   - the server's RSS, heap+stack and goroutines per idle subscriber;
//
//   - write throughput (flow renames over HTTP from 8 clients, on a session
//     nobody watches) beside the idle subscribers, against the same server
//     before they connected;
//
//   - for "one": the fan-out latency of a mutation to every subscriber
//     (p50, p99, max over all deliveries).
//
//     go run ./bench/fanout -subscribers 10000 -queries one,distinct
//
// It builds and starts the server itself (embedded store in a temporary
// directory, loopback only), forces a collection through the debug
// listener's pprof before reading memory, and bounds every wait.
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
		queries   = flag.String("queries", "one,distinct", "comma-separated: one (every subscriber on one session's live query), distinct (each on its own session)")
		rounds    = flag.Int("rounds", 5, "fan-out mutations per run of one query")
		writes    = flag.Int("writes", 2000, "writes timed beside the subscribers (and before them)")
		profile   = flag.String("heap-profile", "", "directory to save the server's heap profile in, taken with the subscribers idle")
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

	modes := strings.Split(*queries, ",")
	for _, m := range modes {
		if m != "one" && m != "distinct" {
			log.Fatalf("-queries: %q is neither one nor distinct", m)
		}
	}
	if *writes < 1 || *writes > 100_000 {
		log.Fatalf("-writes: %d is not between 1 and 100000", *writes)
	}
	fmt.Printf("| subscribers | queries | protocol | RSS per subscriber | heap+stack per subscriber | goroutines per subscriber | writes/s before | writes/s beside | ratio | fan-out p50 | p99 | max |\n")
	fmt.Printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, n := range ns {
		for _, mode := range modes {
			dir := filepath.Join(work, fmt.Sprintf("data-%d-%s", n, mode))
			res, err := runOnce(ctx, bin, dir, run{n: n, distinct: mode == "distinct", rounds: *rounds, writes: *writes, protocol: *protocol, profileDir: *profile})
			if err != nil {
				log.Fatalf("%d subscribers, %s: %v", n, mode, err)
			}
			fanout := "| – | – | –"
			if mode == "one" {
				fanout = fmt.Sprintf("| %s | %s | %s", ms(res.p50), ms(res.p99), ms(res.max))
			}
			fmt.Printf("| %d | %s | %s | %.1f KB | %.1f KB | %.2f | %.0f | %.0f | %.2f %s |\n", n, mode, *protocol,
				res.rssPerSubscriber/1024, res.bytesPerSubscriber/1024, res.goroutinesPerSubscriber,
				res.writesBefore, res.writesBeside, res.writesBeside/res.writesBefore, fanout)
		}
	}
}

// run is one measurement's settings.
type run struct {
	n        int
	distinct bool
	rounds   int
	writes   int
	protocol string
	// profileDir, when set, receives heap-<n>-<queries>.pprof.
	profileDir string
}

type result struct {
	p50, p99, max              time.Duration
	rssPerSubscriber           float64
	bytesPerSubscriber         float64
	goroutinesPerSubscriber    float64
	writesBefore, writesBeside float64
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// runOnce starts a server, times writes, opens the subscribers, measures
// memory, times writes again and, for one query, times rounds mutations.
func runOnce(ctx context.Context, bin, dataDir string, r run) (result, error) {
	srv, err := startServer(ctx, bin, dataDir)
	if err != nil {
		return result{}, err
	}
	defer srv.stop()

	sessionID, flowID, err := srv.createSession(ctx)
	if err != nil {
		return result{}, err
	}
	watched := make([]string, r.n)
	for i := range watched {
		watched[i] = sessionID
	}
	if r.distinct {
		if watched, err = srv.createSessions(ctx, r.n); err != nil {
			return result{}, err
		}
	}
	var res result
	if res.writesBefore, err = srv.writeThroughput(ctx, r.writes); err != nil {
		return result{}, err
	}
	before, err := srv.memory(ctx)
	if err != nil {
		return result{}, err
	}
	subs, err := openSubscribers(ctx, srv.wsURL(), r.protocol, watched)
	if err != nil {
		return result{}, err
	}
	defer subs.close()
	after, err := srv.memory(ctx)
	if err != nil {
		return result{}, err
	}
	if r.profileDir != "" {
		if err := srv.saveHeapProfile(ctx, filepath.Join(r.profileDir, fmt.Sprintf("heap-%d-%s.pprof", r.n, map[bool]string{false: "one", true: "distinct"}[r.distinct]))); err != nil {
			return result{}, err
		}
	}
	n := float64(r.n)
	res.rssPerSubscriber = float64(after.rss-before.rss) / n
	res.bytesPerSubscriber = float64(after.heapAndStack-before.heapAndStack) / n
	res.goroutinesPerSubscriber = float64(after.goroutines-before.goroutines) / n
	if res.writesBeside, err = srv.writeThroughput(ctx, r.writes); err != nil {
		return result{}, err
	}
	if r.distinct {
		return res, nil
	}

	var latencies []time.Duration
	for round := range r.rounds {
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
	res.p50, res.p99, res.max = pct(0.50), pct(0.99), latencies[len(latencies)-1]
	return res, nil
}
