package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// server is the server process under test.
type server struct {
	cmd       *exec.Cmd
	addr      string // API listener
	debugAddr string // pprof listener
}

// freeLoopbackAddr returns a loopback address with a port free right now.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func startServer(ctx context.Context, bin, dataDir string) (*server, error) {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	debugAddr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "ADDR="+addr, "DEBUG_ADDR="+debugAddr, "DATA_DIR="+dataDir, "MONGODB_URI=", "LOG_LEVEL=warn")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &server{cmd: cmd, addr: addr, debugAddr: debugAddr}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			s.stop()
			return nil, fmt.Errorf("server not ready within 30 s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

func (s *server) wsURL() string { return "ws://" + s.addr + "/graphql" }

// graphql runs one operation over HTTP and decodes its data into out.
func (s *server) graphql(ctx context.Context, query string, variables map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+s.addr+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var envelope struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil {
		return fmt.Errorf("decode response: %w", err)
	}
	if len(envelope.Errors) > 0 {
		return fmt.Errorf("graphql: %s", envelope.Errors[0].Message)
	}
	return json.Unmarshal(envelope.Data, out)
}

// createSession makes the session every subscriber watches.
func (s *server) createSession(ctx context.Context) (sessionID, flowID string, err error) {
	var created struct{ CreateTestSession struct{ ID string } }
	if err := s.graphql(ctx, `mutation { createTestSession(name: "fan-out", prompt: "benchmark") { id } }`, nil, &created); err != nil {
		return "", "", err
	}
	var added struct {
		CreateTestFlows struct{ Flows []struct{ ID string } }
	}
	err = s.graphql(ctx, `mutation($id: ID!) { createTestFlows(sessionId: $id, flows: [
		{name: "Sign up", instructions: "Go to /signup"}, {name: "Log in", instructions: "Go to /login"},
		{name: "Log out", instructions: "Click \"Log out\""}]) { flows { id } } }`,
		map[string]any{"id": created.CreateTestSession.ID}, &added)
	if err != nil {
		return "", "", err
	}
	return created.CreateTestSession.ID, added.CreateTestFlows.Flows[0].ID, nil
}

func (s *server) renameFlow(ctx context.Context, flowID, name string) error {
	var out struct{}
	return s.graphql(ctx, `mutation($id: ID!, $name: String!) { updateTestFlow(flowId: $id, input: {name: $name}) { id } }`,
		map[string]any{"id": flowID, "name": name}, &out)
}

// memoryReading is the server's live memory after a forced collection.
type memoryReading struct {
	heapAndStack int64
	rss          int64 // resident set size of the server process
	goroutines   int64
}

func (s *server) memory(ctx context.Context) (memoryReading, error) {
	// pprof's heap endpoint with gc=1 runs a collection first, so the
	// reading that follows counts live memory, not garbage.
	if err := get(ctx, "http://"+s.debugAddr+"/debug/pprof/heap?gc=1", io.Discard); err != nil {
		return memoryReading{}, err
	}
	var metrics bytes.Buffer
	if err := get(ctx, "http://"+s.addr+"/metrics", &metrics); err != nil {
		return memoryReading{}, err
	}
	values := map[string]int64{}
	sc := bufio.NewScanner(&metrics)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), " ")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		f, err := strconv.ParseFloat(value, 64)
		if err == nil {
			values[name] = int64(f)
		}
	}
	heap, okHeap := values["go_memstats_heap_inuse_bytes"]
	stack, okStack := values["go_memstats_stack_inuse_bytes"]
	goroutines, okG := values["go_goroutines"]
	if !okHeap || !okStack || !okG {
		return memoryReading{}, fmt.Errorf("/metrics lacks go_memstats_heap_inuse_bytes, go_memstats_stack_inuse_bytes or go_goroutines")
	}
	rss, err := residentBytes(s.cmd.Process.Pid)
	if err != nil {
		return memoryReading{}, err
	}
	return memoryReading{heapAndStack: heap + stack, rss: rss, goroutines: goroutines}, nil
}

// residentBytes reads a process's resident set size from /proc.
func residentBytes(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("read the server's RSS: %w", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("parse VmRSS %q: %w", rest, err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("/proc/%d/status has no VmRSS", pid)
}

// createSessions makes n sessions with one flow each, 8 at a time, for
// subscribers that each watch their own.
func (s *server) createSessions(ctx context.Context, n int) ([]string, error) {
	ids := make([]string, n)
	errs := make(chan error, n)
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			id, _, err := s.createSession(ctx)
			if err != nil {
				errs <- err
				return
			}
			ids[i] = id
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return nil, err
	}
	return ids, nil
}

// writeThroughput renames a flow of its own session writes times from 8
// clients and returns the writes per second: the cost of a write beside
// whatever the server holds.
func (s *server) writeThroughput(ctx context.Context, writes int) (float64, error) {
	_, flowID, err := s.createSession(ctx)
	if err != nil {
		return 0, err
	}
	const clients = 8
	errs := make(chan error, clients)
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; i < writes; i += clients {
				if err := s.renameFlow(ctx, flowID, fmt.Sprint("write ", i)); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return float64(writes) / elapsed.Seconds(), nil
}

func get(ctx context.Context, url string, w io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// saveHeapProfile writes the server's heap profile (after a collection) to
// file, for go tool pprof.
func (s *server) saveHeapProfile(ctx context.Context, file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	return get(ctx, "http://"+s.debugAddr+"/debug/pprof/heap?gc=1", f)
}
