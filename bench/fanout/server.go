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
	return memoryReading{heapAndStack: heap + stack, goroutines: goroutines}, nil
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
