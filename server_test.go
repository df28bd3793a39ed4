package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/executor"
	"github.com/testing-agent/backend/executor/browser"
)

// startServer runs the server as main does, on a loopback port, and returns
// its base URL and a function that shuts it down and waits for run to return.
func startServer(t *testing.T, dataDir string) (string, func() error) {
	t.Helper()
	return startServerWith(t, config{DataDir: dataDir})
}

// startServerWith runs the server with cfg on a loopback port.
func startServerWith(t *testing.T, cfg config) (string, func() error) {
	t.Helper()
	cfg.Addr = "127.0.0.1:0"
	cfg.ShutdownTimeout = 10 * time.Second
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, cfg, ready)
	}()
	select {
	case addr := <-ready:
		stopped := false
		stop := func() error {
			if stopped {
				return nil
			}
			stopped = true
			cancel()
			return <-done
		}
		t.Cleanup(func() { stop() })
		return "http://" + addr.String(), stop
	case err := <-done:
		cancel()
		t.Fatalf("server did not start: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("server did not start within 30s")
	}
	return "", nil
}

func graphql(t *testing.T, baseURL, query string, variables map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	resp, err := http.Post(baseURL+"/graphql", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var envelope struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&envelope); err != nil {
		t.Fatal(err)
	}
	if len(envelope.Errors) > 0 {
		t.Fatalf("errors: %+v", envelope.Errors)
	}
	if err := json.Unmarshal(envelope.Data, out); err != nil {
		t.Fatal(err)
	}
}

func TestRestartKeepsData(t *testing.T) {
	dataDir := t.TempDir()
	testRestartKeepsData(t, config{DataDir: dataDir})
}

// testRestartKeepsData runs the TestPage journey, restarts the server on
// the same store and reads it back. It returns the session's ID.
func testRestartKeepsData(t *testing.T, cfg config) string {
	url, stop := startServerWith(t, cfg)
	var created struct{ CreateTestSession struct{ ID string } }
	graphql(t, url, `mutation { createTestSession(name: "Login", prompt: "test login") { id } }`, nil, &created)
	id := created.CreateTestSession.ID
	var added struct {
		CreateTestFlows struct{ Session struct{ TotalFlows int } }
	}
	graphql(t, url, `mutation($id: ID!) { createTestFlows(sessionId: $id, flows: [
		{name: "a", instructions: "Reload"}, {name: "b", instructions: "Reload"}, {name: "c", instructions: "Reload"}]) { session { totalFlows } } }`,
		map[string]any{"id": id}, &added)
	if added.CreateTestFlows.Session.TotalFlows != 3 {
		t.Fatalf("totalFlows = %d, want 3", added.CreateTestFlows.Session.TotalFlows)
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}

	url, _ = startServerWith(t, cfg)
	var got struct {
		GetTestSession struct {
			Name  string
			Flows []struct{ Name string }
		}
	}
	graphql(t, url, `query($id: ID!) { getTestSession(sessionId: $id) { name flows { name } } }`, map[string]any{"id": id}, &got)
	if g := got.GetTestSession; g.Name != "Login" || len(g.Flows) != 3 || g.Flows[2].Name != "c" {
		t.Errorf("after restart got %+v, want the session with flows a, b, c", g)
	}
	return id
}

func TestRoutes(t *testing.T) {
	url, _ := startServer(t, t.TempDir())
	tests := []struct {
		path, want string
	}{
		{"/healthz", "ok"},
		{"/readyz", "ready"},
		{"/", "graphiql"},
		{"/metrics", "go_goroutines"},
	}
	for _, tc := range tests {
		resp, err := http.Get(url + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(body)), tc.want) {
			t.Errorf("GET %s: %d %.80q, want 200 containing %q", tc.path, resp.StatusCode, body, tc.want)
		}
	}
	resp, err := http.Get(url + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere: %d, want 404", resp.StatusCode)
	}
}

// TestShutdownFinishesInFlightRequests sends half a request, asks the server
// to stop, sends the rest, and expects a full answer before run returns.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	url, stop := startServer(t, t.TempDir())
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := `{"query": "mutation { createTestSession(name: \"late\", prompt: \"\") { name } }"}`
	half := len(body) / 2
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:half])
	time.Sleep(100 * time.Millisecond) // let the server start reading the request

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	select {
	case err := <-stopped:
		t.Fatalf("server stopped with a request in flight (err %v)", err)
	case <-time.After(200 * time.Millisecond):
	}
	if _, err := io.WriteString(conn, body[half:]); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(answer), `"name":"late"`) {
		t.Errorf("in-flight request got %d %s", resp.StatusCode, answer)
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

func TestParseConfig(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	// withDefaults completes a config with the defaults it does not set.
	withDefaults := func(c config) config {
		if c.Executor.Pool.Browsers == 0 {
			c.Executor.Pool = browser.PoolOptions{Browsers: 1, ContextsPerBrowser: 2}
		}
		if c.Executor.StepTimeout == 0 {
			c.Executor.StepTimeout, c.Executor.FlowTimeout = 10*time.Second, 2*time.Minute
		}
		if c.Executor.NavigationTimeout == 0 {
			c.Executor.NavigationTimeout = executor.DefaultNavigationTimeout
		}
		if c.StatsInterval == 0 {
			c.StatsInterval = 10 * time.Second
		}
		if c.ReadTimeout == 0 {
			c.ReadTimeout, c.WriteTimeout = defaultReadTimeout, defaultWriteTimeout
		}
		if c.APIKeys == nil {
			c.APIKeys = &auth.Keys{}
		}

		return c
	}
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{"defaults", nil, nil, config{Addr: "127.0.0.1:8080", DataDir: "./data", MongoDatabase: "testing_agent", LiveWindow: 50 * time.Millisecond, ShutdownTimeout: 30 * time.Second}, ""},
		{"environment", nil, map[string]string{"ADDR": "127.0.0.1:9000", "DATA_DIR": "/var/lib/agent", "SHUTDOWN_TIMEOUT": "5s",
			"MONGODB_URI": "mongodb://db:27017/?replicaSet=rs0", "MONGODB_DATABASE": "agent", "LOG_LEVEL": "warn",
			"ALLOWED_ORIGINS": "https://app.example.com, http://localhost:5173", "LIVE_WINDOW": "100ms"},
			config{Addr: "127.0.0.1:9000", DataDir: "/var/lib/agent", MongoURI: "mongodb://db:27017/?replicaSet=rs0", MongoDatabase: "agent",
				LogLevel: slog.LevelWarn, AllowedOrigins: []string{"https://app.example.com", "http://localhost:5173"}, LiveWindow: 100 * time.Millisecond, ShutdownTimeout: 5 * time.Second}, ""},
		{"flags win over environment", []string{"-addr", "127.0.0.1:7000", "-data-dir", "/tmp/d"}, map[string]string{"ADDR": "127.0.0.1:9000"},
			config{Addr: "127.0.0.1:7000", DataDir: "/tmp/d", MongoDatabase: "testing_agent", LiveWindow: 50 * time.Millisecond, ShutdownTimeout: 30 * time.Second}, ""},
		{"executor settings", []string{"-browsers", "2"}, map[string]string{"CONTEXTS_PER_BROWSER": "3", "STEP_TIMEOUT": "5s", "FLOW_TIMEOUT": "1m", "NAVIGATION_TIMEOUT": "45s",
			"CHROME_BIN": "/opt/chromium", "ALLOWED_ENV": "TEST_USER, TEST_PASSWORD"},
			config{Addr: "127.0.0.1:8080", DataDir: "./data", MongoDatabase: "testing_agent", LiveWindow: 50 * time.Millisecond, ShutdownTimeout: 30 * time.Second,
				Executor: executor.Options{Pool: browser.PoolOptions{Browsers: 2, ContextsPerBrowser: 3, Bin: "/opt/chromium"},
					StepTimeout: 5 * time.Second, FlowTimeout: time.Minute, NavigationTimeout: 45 * time.Second, AllowedEnv: []string{"TEST_USER", "TEST_PASSWORD"}}}, ""},
		{"bad browsers", nil, map[string]string{"BROWSERS": "many"}, config{}, "at least 1"},
		{"bad step timeout", nil, map[string]string{"STEP_TIMEOUT": "-1s"}, config{}, "positive duration"},
		{"bad log level", nil, map[string]string{"LOG_LEVEL": "loud"}, config{}, "not one of debug"},
		{"bad live window", nil, map[string]string{"LIVE_WINDOW": "0s"}, config{}, "positive duration"},
		{"bad duration", nil, map[string]string{"SHUTDOWN_TIMEOUT": "soon"}, config{}, "not a duration"},
		{"unknown flag", []string{"-port", "80"}, nil, config{}, "flag provided but not defined"},
		{"beyond loopback without keys", nil, map[string]string{"ADDR": "0.0.0.0:8080"}, config{}, "set API_KEYS"},
		{"all interfaces without keys", nil, map[string]string{"ADDR": ":8080"}, config{}, "set API_KEYS"},
		{"debug listener beyond loopback", nil, map[string]string{"DEBUG_ADDR": "0.0.0.0:6060"}, config{}, "loopback address"},
		{"API key without a role", nil, map[string]string{"API_KEYS": "0123456789abcdef0123"}, config{}, "not ROLE:KEY"},
		{"API key of an unknown role", nil, map[string]string{"API_KEYS": "admin:0123456789abcdef0123"}, config{}, "not read or write"},
		{"short API key", nil, map[string]string{"API_KEYS": "write:secret"}, config{}, "openssl rand"},
		{"bad public URL", nil, map[string]string{"PUBLIC_URL": "agent.example.com"}, config{}, "not an http(s) URL"},
		{"bad egress entry", nil, map[string]string{"EGRESS_DENY": "10.0.0.0/99"}, config{}, "EGRESS_DENY"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseConfig(tc.args, env(tc.env))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to say %q", err, tc.wantErr)
				}
				return
			}
			if err == nil && got.Egress == nil {
				t.Error("no egress policy")
			}
			got.Egress = nil // holds a lock: compared through its own tests
			if want := withDefaults(tc.want); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, %v; want %+v", got, err, want)
			}
		})
	}
}

// TestStatsAreSampled: the server records systemStats samples on its own.
func TestStatsAreSampled(t *testing.T) {
	url, _ := startServerWith(t, config{DataDir: t.TempDir(), StatsInterval: 50 * time.Millisecond})
	deadline := time.Now().Add(30 * time.Second)
	for {
		var out struct {
			SystemStats []struct {
				Timestamp string
				Metrics   *struct{ MemoryBytes *float64 }
			}
		}
		graphql(t, url, `{ systemStats(limit: 5) { timestamp metrics { memoryBytes } } }`, nil, &out)
		if len(out.SystemStats) >= 2 {
			if m := out.SystemStats[0].Metrics; m == nil || m.MemoryBytes == nil || *m.MemoryBytes <= 0 {
				t.Errorf("sample metrics = %+v, want the memory in use", m)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no samples recorded within 30 s: %+v", out.SystemStats)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestParseConfigKeys: with keys the server may listen beyond loopback, and
// the public URL's host is served.
func TestParseConfigKeys(t *testing.T) {
	env := map[string]string{"ADDR": "0.0.0.0:8080", "API_KEYS": "read:aaaaaaaaaaaaaaaaaaaa, write:bbbbbbbbbbbbbbbbbbbb",
		"PUBLIC_URL": "https://agent.example.com", "ALLOWED_HOSTS": "agent.internal"}
	cfg, err := parseConfig(nil, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.APIKeys.RoleOf("aaaaaaaaaaaaaaaaaaaa") != auth.RoleRead || cfg.APIKeys.RoleOf("bbbbbbbbbbbbbbbbbbbb") != auth.RoleWrite ||
		cfg.APIKeys.RoleOf("cccccccccccccccccccc") != auth.RoleNone {
		t.Error("the keys' roles are not as given")
	}
	if want := []string{"agent.internal", "agent.example.com"}; !reflect.DeepEqual(cfg.AllowedHosts, want) {
		t.Errorf("allowed hosts %v, want %v", cfg.AllowedHosts, want)
	}
}
