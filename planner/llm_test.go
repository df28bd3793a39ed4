package planner

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

// chatStandIn is a local OpenAI-compatible chat-completions server: it
// checks each request's shape and answers with the next scripted reply.
type chatStandIn struct {
	t       *testing.T
	replies []func(w http.ResponseWriter, r *http.Request)
	release chan struct{} // closed at cleanup, so a hanging reply ends

	mu       sync.Mutex
	requests []chatRequest
}

func newChatStandIn(t *testing.T, replies ...func(w http.ResponseWriter, r *http.Request)) (*chatStandIn, *LLMConfig) {
	c := &chatStandIn{t: t, replies: replies, release: make(chan struct{})}
	srv := httptest.NewServer(c)
	t.Cleanup(func() {
		close(c.release)
		srv.Close()
	})
	return c, &LLMConfig{BaseURL: srv.URL + "/v1", Model: "stand-in-model", APIKey: "test-key", Timeout: 2 * time.Second}
}

func (c *chatStandIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		c.t.Errorf("request %s %s, want POST /v1/chat/completions", r.Method, r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer test-key" {
		c.t.Errorf("Authorization %q, want the bearer key", got)
	}
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		c.t.Errorf("request body is not chat-completions JSON: %v", err)
	}
	if req.Model != "stand-in-model" || len(req.Messages) < 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		c.t.Errorf("request model %q with %d messages, want the model, a system and a user message", req.Model, len(req.Messages))
	}
	c.mu.Lock()
	n := len(c.requests)
	c.requests = append(c.requests, req)
	c.mu.Unlock()
	if n >= len(c.replies) {
		c.t.Errorf("request %d is one more than the %d scripted", n+1, len(c.replies))
		http.Error(w, "no more replies", http.StatusTooManyRequests)
		return
	}
	c.replies[n](w, r)
}

func (c *chatStandIn) calls() []chatRequest {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]chatRequest(nil), c.requests...)
}

// reply answers with content as the assistant's message, in the real
// response shape.
func reply(content string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion", "created": time.Now().Unix(), "model": "stand-in-model",
			"choices": []map[string]any{{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": content}}},
			"usage": map[string]int{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
		})
	}
}

func flowsJSON(flows ...map[string]any) string {
	b, _ := json.Marshal(map[string]any{"flows": flows})
	return string(b)
}

var (
	goodFlow = map[string]any{"name": "About page names the team", "description": "Checks the about page.",
		"instructions": "Go to /about.html\nExpect the page contains \"About us\""}
	otherGoodFlow = map[string]any{"name": "Home links to About", "description": "Follows the nav.",
		"instructions": []string{"Go to /", "Click the \"About\" link", "Expect the url contains \"/about.html\""}}
	badFlow = map[string]any{"name": "Contact form", "description": "Sends a message.",
		"instructions": "Go to /contact.html\nFill the Message field with hello\nClick the \"Send message\" button"}
	fixedFlow = map[string]any{"name": "Contact form", "description": "Sends a message.",
		"instructions": "Go to /contact.html\nFill the \"Message\" field with \"hello\"\nClick the \"Send message\" button"}
)

func TestLLMPlanner(t *testing.T) {
	pool := pool(t)
	hang := func(w http.ResponseWriter, r *http.Request) {
		select { // until the planner gives up, or the test ends
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	}
	for _, tc := range []struct {
		name      string
		replies   []func(http.ResponseWriter, *http.Request)
		wantNames []string // the flows stored, in order; nil: the built-in planner's
		wantLog   string
	}{
		{name: "valid output", replies: []func(http.ResponseWriter, *http.Request){reply(flowsJSON(goodFlow, otherGoodFlow))},
			wantNames: []string{"About page names the team", "Home links to About"}, wantLog: "proposed 2 flows"},
		{name: "fenced output", replies: []func(http.ResponseWriter, *http.Request){reply("Here you go:\n```json\n" + flowsJSON(goodFlow) + "\n```")},
			wantNames: []string{"About page names the team"}},
		{name: "bad flow fixed on retry", replies: []func(http.ResponseWriter, *http.Request){
			reply(flowsJSON(goodFlow, badFlow)), reply(flowsJSON(fixedFlow))},
			wantNames: []string{"About page names the team", "Contact form"}, wantLog: "asking it once to fix them"},
		{name: "bad flow still bad", replies: []func(http.ResponseWriter, *http.Request){
			reply(flowsJSON(goodFlow, badFlow)), reply(flowsJSON(badFlow))},
			wantNames: []string{"About page names the team"}, wantLog: `Dropped the LLM's flow "Contact form"`},
		{name: "malformed JSON", replies: []func(http.ResponseWriter, *http.Request){reply(`{"flows": [{"name": "About"`)},
			wantLog: "the built-in planner proposes the flows instead"},
		{name: "HTTP 500", replies: []func(http.ResponseWriter, *http.Request){func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"error":{"message":"the model is overloaded","type":"server_error"}}`))
		}}, wantLog: "HTTP 500: the model is overloaded"},
		{name: "hang", replies: []func(http.ResponseWriter, *http.Request){hang}, wantLog: "no answer from"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			standIn, cfg := newChatStandIn(t, tc.replies...)
			store := newStore(t)
			session := newSession(t, store, "check the about page of "+siteServer.URL+"/about.html")
			p := New(Options{Store: store, Pool: pool, LLM: cfg, MaxPages: 1, Logger: quietLogger()})
			ended, flows := generate(t, p, store, session.ID)
			logs := strings.Join(logMessages(t, store, session.ID), "\n")
			if ended.Status != db.SessionReady {
				t.Fatalf("status %s (%s), want ready\n%s", ended.Status, errorMessage(ended), logs)
			}
			if len(standIn.calls()) != len(tc.replies) {
				t.Errorf("%d requests, want %d", len(standIn.calls()), len(tc.replies))
			}
			var names []string
			for _, f := range flows {
				names = append(names, f.Name)
				if _, errs := steps.Parse(f.Instructions); errs != nil {
					t.Errorf("stored flow %q does not parse: %v", f.Name, errs)
				}
			}
			switch {
			case tc.wantNames != nil && strings.Join(names, "|") != strings.Join(tc.wantNames, "|"):
				t.Errorf("flows %q, want %q", names, tc.wantNames)
			case tc.wantNames == nil && (len(flows) == 0 || !strings.HasSuffix(flows[0].Name, "page loads")):
				t.Errorf("flows %q, want the built-in planner's smoke flow", names)
			}
			if !strings.Contains(logs, tc.wantLog) {
				t.Errorf("logs do not say %q:\n%s", tc.wantLog, logs)
			}
		})
	}
}

// TestLLMRetryCarriesParserErrors checks the follow-up turn: the model's
// own answer, then the parser's errors for the flow that failed.
func TestLLMRetryCarriesParserErrors(t *testing.T) {
	pool := pool(t)
	standIn, cfg := newChatStandIn(t, reply(flowsJSON(goodFlow, badFlow)), reply(flowsJSON(fixedFlow)))
	store := newStore(t)
	session := newSession(t, store, "test "+siteServer.URL+"/about.html")
	p := New(Options{Store: store, Pool: pool, LLM: cfg, MaxPages: 1, Logger: quietLogger()})
	generate(t, p, store, session.ID)
	calls := standIn.calls()
	if len(calls) != 2 {
		t.Fatalf("%d requests, want 2", len(calls))
	}
	first, retry := calls[0].Messages, calls[1].Messages
	if !strings.Contains(first[1].Content, "Page /about.html") || !strings.Contains(first[1].Content, `the "Home" link`) {
		t.Errorf("the first request's user message lacks the outline of the explored page:\n%s", first[1].Content)
	}
	if len(retry) != 4 || retry[2].Role != "assistant" || retry[3].Role != "user" {
		t.Fatalf("retry messages %+v, want the conversation plus the assistant's answer and a user follow-up", retry)
	}
	if !strings.Contains(retry[3].Content, `"Contact form"`) || !strings.Contains(retry[3].Content, "line 2:") {
		t.Errorf("the follow-up does not name the flow and the parser's error:\n%s", retry[3].Content)
	}
	if calls[0].ResponseFormat == nil || calls[0].ResponseFormat.Type != "json_object" {
		t.Errorf("response_format %+v, want json_object", calls[0].ResponseFormat)
	}
}

func TestLLMConfigFromEnv(t *testing.T) {
	t.Setenv("LLM_BASE_URL", "")
	if c := LLMConfigFromEnv(); c != nil {
		t.Errorf("LLMConfigFromEnv() = %+v without LLM_BASE_URL, want nil", c)
	}
	t.Setenv("LLM_BASE_URL", "http://127.0.0.1:11434/v1/")
	t.Setenv("LLM_MODEL", "llama3.1")
	t.Setenv("LLM_API_KEY", "k")
	t.Setenv("LLM_TIMEOUT", "90s")
	c := LLMConfigFromEnv()
	if c == nil || c.BaseURL != "http://127.0.0.1:11434/v1/" || c.Model != "llama3.1" || c.APIKey != "k" || c.Timeout != 90*time.Second {
		t.Fatalf("LLMConfigFromEnv() = %+v", c)
	}
	client, err := newLLMClient(*c)
	if err != nil || client.endpoint != "http://127.0.0.1:11434/v1/chat/completions" {
		t.Errorf("client endpoint %v (%v), want the base URL plus /chat/completions", client, err)
	}
	if _, err := newLLMClient(LLMConfig{BaseURL: "http://127.0.0.1:1/v1"}); err == nil {
		t.Error("a configuration without a model was accepted")
	}
}
