package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

const (
	testReadKey  = "read-key-0123456789abcdef"
	testWriteKey = "write-key-0123456789abcdef"
)

// startKeyedServer runs a server that needs keys, on a data directory that
// holds one finished flow whose failed step has a screenshot. It returns
// the server's URL and the session's ID.
func startKeyedServer(t *testing.T, extra func(*config)) (string, string) {
	t.Helper()
	dir := t.TempDir()
	sessionID := seedFinishedRun(t, dir)
	spec := "read:" + testReadKey + ",write:" + testWriteKey
	keys, err := auth.ParseKeys(spec)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{DataDir: dir, APIKeys: keys, apiKeysSpec: spec, AllowedOrigins: []string{"http://localhost:5173"}}
	if extra != nil {
		extra(&cfg)
	}
	url, _ := startServerWith(t, cfg)
	return url, sessionID
}

// seedFinishedRun writes, through the store, a session whose one flow ran
// and failed with a screenshot, as the executor would have.
func seedFinishedRun(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	session, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "secured", Prompt: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.CreateTestFlows(ctx, session.ID, []db.NewTestFlow{{Name: "f", Instructions: "Reload", Approved: true}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.StartRun(ctx, session.ID); err != nil {
		t.Fatal(err)
	}
	flow, err := store.ClaimFlow(ctx, "seed", time.Minute)
	if err != nil || flow == nil {
		t.Fatalf("claim: %v %v", flow, err)
	}
	shot, err := store.SaveArtifact(ctx, db.NewArtifact{SessionID: session.ID, FlowID: flow.ID, Name: "failure", ContentType: "image/png", Data: []byte("\x89PNG fake")})
	if err != nil {
		t.Fatal(err)
	}
	why := "no button"
	out := db.FlowOutcome{Error: why, Duration: time.Second, Steps: []db.StepResult{{Line: 1, Source: "Reload", Status: db.StepFailed, Error: &why, ScreenshotID: &shot.ID}}}
	if _, _, err := store.FinishFlow(ctx, flow.ID, "seed", out); err != nil {
		t.Fatal(err)
	}
	return session.ID
}

type httpResult struct {
	status int
	body   string
	header http.Header
}

func send(t *testing.T, method, url string, headers map[string]string, body string) httpResult {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return httpResult{resp.StatusCode, string(raw), resp.Header}
}

func gqlBody(query string) string {
	raw, _ := json.Marshal(map[string]any{"query": query})
	return string(raw)
}

func TestAPIKeysOverHTTP(t *testing.T) {
	url, _ := startKeyedServer(t, nil)
	query := gqlBody(`{ listTestSessions(limit: 5) { name } }`)
	mutation := gqlBody(`mutation { createTestSession(name: "n", prompt: "") { id } }`)
	tests := []struct {
		name       string
		path, body string
		key        string
		status     int
		want       string
	}{
		{"query without a key", "/graphql", query, "", 401, `"UNAUTHENTICATED"`},
		{"query with a wrong key", "/graphql", query, "Bearer wrong-key-0123456789abcdef", 401, `"UNAUTHENTICATED"`},
		{"query with a malformed header", "/graphql", query, "Basic " + testReadKey, 401, `"UNAUTHENTICATED"`},
		{"query with a read key", "/graphql", query, "Bearer " + testReadKey, 200, `"name":"secured"`},
		{"query with a write key", "/graphql", query, "Bearer " + testWriteKey, 200, `"name":"secured"`},
		{"mutation with a read key", "/graphql", mutation, "Bearer " + testReadKey, 200, `"FORBIDDEN"`},
		{"mutation with a write key", "/graphql", mutation, "Bearer " + testWriteKey, 200, `"createTestSession":{"id"`},
		{"metrics without a key", "/metrics", "", "", 401, `"UNAUTHENTICATED"`},
		{"metrics with a read key", "/metrics", "", "Bearer " + testReadKey, 200, "go_goroutines"},
		{"health needs no key", "/healthz", "", "", 200, "ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method, headers := http.MethodGet, map[string]string{}
			if tc.body != "" {
				method, headers["Content-Type"] = http.MethodPost, "application/json"
			}
			if tc.key != "" {
				headers["Authorization"] = tc.key
			}
			got := send(t, method, url+tc.path, headers, tc.body)
			if got.status != tc.status || !strings.Contains(got.body, tc.want) {
				t.Errorf("%d %s, want %d with %s", got.status, got.body, tc.status, tc.want)
			}
			if got.status == 401 && got.header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	// The refused mutation changed nothing.
	got := send(t, http.MethodPost, url+"/graphql", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testReadKey},
		gqlBody(`{ listTestSessions(limit: 10) { name } }`))
	if strings.Count(got.body, `"name"`) != 2 { // "secured" and the write key's "n"
		t.Errorf("sessions after the mutations: %s, want the seeded one and the write key's", got.body)
	}
}

func TestArtifactsNeedAKeyOrASignedLink(t *testing.T) {
	url, sessionID := startKeyedServer(t, nil)
	got := send(t, http.MethodPost, url+"/graphql", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testReadKey},
		gqlBody(`{ getTestSession(sessionId: "`+sessionID+`") { flows { steps { screenshotUrl } } } }`))
	var out struct {
		Data struct {
			GetTestSession struct {
				Flows []struct {
					Steps []struct{ ScreenshotURL string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(got.body), &out); err != nil || len(out.Data.GetTestSession.Flows) != 1 {
		t.Fatalf("session: %s", got.body)
	}
	signed := out.Data.GetTestSession.Flows[0].Steps[0].ScreenshotURL
	plain, _, _ := strings.Cut(signed, "?")
	if !strings.HasPrefix(signed, url+"/artifacts/") || !strings.Contains(signed, "signature=") {
		t.Fatalf("screenshot URL %q, want an absolute signed link", signed)
	}
	tests := []struct {
		name, url, key string
		status         int
	}{
		{"signed link, no key (an <img>)", signed, "", 200},
		{"plain link, no key", plain, "", 401},
		{"plain link, read key", plain, "Bearer " + testReadKey, 200},
		{"tampered signature", strings.Replace(signed, "signature=", "signature=x", 1), "", 403},
		{"signature of another artifact", strings.Replace(signed, "/artifacts/", "/artifacts/0", 1), "", 403},
		{"expired link", strings.Replace(signed, "expires=", "expires=1", 1), "", 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			headers := map[string]string{}
			if tc.key != "" {
				headers["Authorization"] = tc.key
			}
			if got := send(t, http.MethodGet, tc.url, headers, ""); got.status != tc.status {
				t.Errorf("GET %s: %d %s, want %d", tc.url, got.status, got.body, tc.status)
			}
		})
	}
}

// A CI server shows a JUnit report's screenshot without a key: the report's
// links are signed as the API's are.
func TestJUnitScreenshotLinksAreSigned(t *testing.T) {
	url, sessionID := startKeyedServer(t, nil)
	report := send(t, http.MethodGet, url+"/sessions/"+sessionID+"/junit.xml", map[string]string{"Authorization": "Bearer " + testReadKey}, "")
	if report.status != http.StatusOK {
		t.Fatalf("junit.xml: %d %s", report.status, report.body)
	}
	validateJUnit(t, []byte(report.body))
	link := regexp.MustCompile(`screenshot: ([^\s<]+)`).FindStringSubmatch(report.body)
	if link == nil {
		t.Fatalf("no screenshot link in\n%s", report.body)
	}
	signed := html.UnescapeString(link[1])
	if !strings.HasPrefix(signed, url+"/artifacts/") || !strings.Contains(signed, "signature=") {
		t.Fatalf("screenshot link %q, want an absolute signed link", signed)
	}
	if got := send(t, http.MethodGet, signed, nil, ""); got.status != http.StatusOK {
		t.Errorf("GET %s without a key: %d %s", signed, got.status, got.body)
	}
}

func TestAPIKeysOverWebsockets(t *testing.T) {
	url, _ := startKeyedServer(t, nil)
	wsURL := "ws" + strings.TrimPrefix(url, "http") + "/graphql"
	tests := []struct {
		name      string
		payload   map[string]any
		header    http.Header
		wantClose int    // 0: acknowledged
		mutation  string // the error code of a mutation, when acknowledged
	}{
		{"no key", nil, nil, 4403, ""},
		{"wrong key", map[string]any{"authorization": "Bearer wrong-key-0123456789abcdef"}, nil, 4403, ""},
		{"read key", map[string]any{"authorization": "Bearer " + testReadKey}, nil, 0, "FORBIDDEN"},
		{"write key", map[string]any{"authorization": "Bearer " + testWriteKey}, nil, 0, ""},
		{"write key on the upgrade request", nil, http.Header{"Authorization": {"Bearer " + testWriteKey}}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dialer := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
			conn, _, err := dialer.Dial(wsURL, tc.header)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			conn.WriteJSON(map[string]any{"type": "connection_init", "payload": tc.payload})
			var m map[string]any
			err = conn.ReadJSON(&m)
			if tc.wantClose != 0 {
				var closeErr *websocket.CloseError
				if !asCloseError(err, &closeErr) || closeErr.Code != tc.wantClose {
					t.Fatalf("got %v %v, want close %d", m, err, tc.wantClose)
				}
				return
			}
			if err != nil || m["type"] != "connection_ack" {
				t.Fatalf("got %v %v, want connection_ack", m, err)
			}
			conn.WriteJSON(map[string]any{"id": "q", "type": "subscribe", "payload": map[string]any{
				"query": `subscription { listTestSessions(limit: 1) { name } }`}})
			if err := conn.ReadJSON(&m); err != nil || m["type"] != "next" {
				t.Fatalf("subscription: %v %v", m, err)
			}
			conn.WriteJSON(map[string]any{"id": "m", "type": "subscribe", "payload": map[string]any{
				"query": `mutation { createTestSession(name: "ws", prompt: "") { id } }`}})
			for {
				if err := conn.ReadJSON(&m); err != nil {
					t.Fatal(err)
				}
				if m["id"] == "m" {
					break
				}
			}
			raw, _ := json.Marshal(m)
			if tc.mutation != "" && !bytes.Contains(raw, []byte(`"code":"`+tc.mutation+`"`)) {
				t.Errorf("mutation over a %s socket gave %s, want %s", tc.name, raw, tc.mutation)
			}
			if tc.mutation == "" && !bytes.Contains(raw, []byte(`"createTestSession"`)) {
				t.Errorf("mutation over a %s socket gave %s, want it done", tc.name, raw)
			}
		})
	}
}

func asCloseError(err error, target **websocket.CloseError) bool {
	ce, ok := err.(*websocket.CloseError)
	if ok {
		*target = ce
	}
	return ok
}

// TestForgedHostAndOrigin: a page whose name was made to resolve to this
// server (DNS rebinding) sends its own Host; pages of unlisted origins get
// no CORS headers and no websocket.
func TestForgedHostAndOrigin(t *testing.T) {
	url, _ := startServerWith(t, config{DataDir: t.TempDir(), AllowedOrigins: []string{"http://localhost:5173"}})
	query := gqlBody(`{ listTestSessions(limit: 1) { id } }`)
	t.Run("forged Host", func(t *testing.T) {
		got := send(t, http.MethodPost, url+"/graphql", map[string]string{"Content-Type": "application/json", "Host": "attacker.example:8080"}, query)
		if got.status != http.StatusForbidden || !strings.Contains(got.body, "ALLOWED_HOSTS") || !strings.Contains(got.body, `"FORBIDDEN"`) {
			t.Errorf("forged Host: %d %s, want 403 naming ALLOWED_HOSTS", got.status, got.body)
		}
	})
	for _, host := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080"} {
		t.Run("loopback Host "+host, func(t *testing.T) {
			got := send(t, http.MethodPost, url+"/graphql", map[string]string{"Content-Type": "application/json", "Host": host}, query)
			if got.status != http.StatusOK {
				t.Errorf("Host %s: %d %s", host, got.status, got.body)
			}
		})
	}
	preflight := func(origin string) httpResult {
		return send(t, http.MethodOptions, url+"/graphql", map[string]string{"Origin": origin,
			"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type"}, "")
	}
	for _, origin := range []string{"http://localhost:5173", "http://127.0.0.1:5173", "http://[::1]:5173"} {
		t.Run("preflight from the allowed "+origin, func(t *testing.T) {
			got := preflight(origin)
			if got.header.Get("Access-Control-Allow-Origin") != origin || !strings.Contains(strings.ToLower(got.header.Get("Access-Control-Allow-Headers")), "authorization") {
				t.Errorf("preflight: %d %v", got.status, got.header)
			}
			post := send(t, http.MethodPost, url+"/graphql", map[string]string{"Content-Type": "application/json", "Origin": origin}, query)
			if post.header.Get("Access-Control-Allow-Origin") != origin {
				t.Errorf("POST from %s lacks its CORS header: %v", origin, post.header)
			}
		})
	}
	t.Run("preflight from a refused origin", func(t *testing.T) {
		got := preflight("http://evil.example")
		if got.header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("refused origin got CORS headers: %v", got.header)
		}
	})
	t.Run("websocket from a refused origin", func(t *testing.T) {
		dialer := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
		_, resp, err := dialer.Dial("ws"+strings.TrimPrefix(url, "http")+"/graphql", http.Header{"Origin": {"http://evil.example"}})
		if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
			t.Errorf("dial from a refused origin: %v %v, want 403", resp, err)
		}
	})
	t.Run("websocket from the server's own page and an allowed origin", func(t *testing.T) {
		for _, origin := range []string{url, "http://localhost:5173"} {
			dialer := websocket.Dialer{Subprotocols: []string{"graphql-transport-ws"}, HandshakeTimeout: 10 * time.Second}
			conn, _, err := dialer.Dial("ws"+strings.TrimPrefix(url, "http")+"/graphql", http.Header{"Origin": {origin}})
			if err != nil {
				t.Errorf("dial from %s: %v", origin, err)
				continue
			}
			conn.Close()
		}
	})
}
