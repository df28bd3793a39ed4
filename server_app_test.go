package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/auth"
	"github.com/testing-agent/backend/executor/browser"
)

// uiBound bounds each wait of the browser tests: generous, for a slow busy
// machine; nothing asserts how long anything took.
const uiBound = 3 * time.Minute

// startAppServer runs the server (which mounts the app) on a loopback port.
func startAppServer(t *testing.T, cfg config) string {
	t.Helper()
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	base, _ := startServerWith(t, cfg)
	return base
}

func get(t *testing.T, u string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// A transport that does not add Accept-Encoding or inflate by itself.
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func TestAppAndGraphiQLAreServed(t *testing.T) {
	base := startAppServer(t, config{})
	resp, page := get(t, base+"/", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, `<script type="module" src="/app/main.js">`) {
		t.Fatalf("GET /: %d %.200s", resp.StatusCode, page)
	}
	resp, body := get(t, base+"/app/main.js", nil)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "sessionView") {
		t.Errorf("GET /app/main.js: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, page = get(t, base+"/graphiql", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "/graphiql/vendor/graphiql.min.js") {
		t.Fatalf("GET /graphiql: %d %.200s", resp.StatusCode, page)
	}
	// A gzipped vendor file goes out compressed to who accepts it, inflated otherwise.
	zipped, zbody := get(t, base+"/graphiql/vendor/react.production.min.js", map[string]string{"Accept-Encoding": "gzip"})
	plain, pbody := get(t, base+"/graphiql/vendor/react.production.min.js", nil)
	if zipped.Header.Get("Content-Encoding") != "gzip" || plain.Header.Get("Content-Encoding") != "" || !strings.Contains(pbody, "react.production.min.js") || len(zbody) >= len(pbody) {
		t.Errorf("react UMD: gzip %q (%d bytes), plain %q (%d bytes)", zipped.Header.Get("Content-Encoding"), len(zbody), plain.Header.Get("Content-Encoding"), len(pbody))
	}
	for _, path := range []string{"/app/nothing.js", "/graphiql/vendor/react.production.min.js.gz", "/sessions/" + strings.Repeat("0", 24) + "/junit.xml"} {
		if resp, _ := get(t, base+path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, resp.StatusCode)
		}
	}
	if resp, _ := get(t, base+"/sessions/nope/report.html", nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("GET /sessions/nope/report.html: %d, want 400", resp.StatusCode)
	}
}

// chromium starts Debian's Chromium (never a downloaded one) for a test.
func chromium(t *testing.T) *rod.Browser {
	t.Helper()
	bin, err := browser.FindChromium("")
	if err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	l := launcher.New().Bin(bin).Leakless(false).Headless(true).NoSandbox(true).
		UserDataDir(filepath.Join(t.TempDir(), "profile")).
		Set("disable-background-networking").Set("disable-component-update").Set("disable-sync").
		Set("disable-gpu").Set("disable-dev-shm-usage").Set("no-first-run").Set("disable-crash-reporter")
	u, err := l.Launch()
	if err != nil {
		t.Fatalf("launch chromium: %v", err)
	}
	b := rod.New().ControlURL(u)
	if err := b.Connect(); err != nil {
		l.Kill()
		t.Fatalf("connect to chromium: %v", err)
	}
	t.Cleanup(func() {
		b.Close()
		l.Kill()
	})
	return b
}

// pageWatch records what a page requested and every console error.
type pageWatch struct {
	mu       sync.Mutex
	requests []string
	frames   []string // websocket messages the page sent
	problems []string
	expected []string // problems containing one of these are expected
}

// expect lets problems containing s pass (the browser's own line for an
// HTTP error the test provokes).
func (w *pageWatch) expect(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.expected = append(w.expected, s)
}

func watchPage(t *testing.T, p *rod.Page) *pageWatch {
	t.Helper()
	w := &pageWatch{}
	for _, enable := range []interface{ Call(proto.Client) error }{proto.NetworkEnable{}, proto.RuntimeEnable{}, proto.LogEnable{}} {
		if err := enable.Call(p); err != nil {
			t.Fatal(err)
		}
	}
	go p.EachEvent(func(e *proto.NetworkRequestWillBeSent) {
		w.add(&w.requests, e.Request.URL)
	}, func(e *proto.NetworkWebSocketCreated) {
		w.add(&w.requests, e.URL)
	}, func(e *proto.NetworkWebSocketFrameSent) {
		w.add(&w.frames, e.Response.PayloadData)
	}, func(e *proto.RuntimeConsoleAPICalled) {
		if e.Type == proto.RuntimeConsoleAPICalledTypeError || e.Type == proto.RuntimeConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				parts = append(parts, a.Value.String()+a.Description)
			}
			w.add(&w.problems, "console."+string(e.Type)+": "+strings.Join(parts, " "))
		}
	}, func(e *proto.RuntimeExceptionThrown) {
		w.add(&w.problems, "exception: "+e.ExceptionDetails.Text+" "+exceptionText(e.ExceptionDetails))
	}, func(e *proto.LogEntryAdded) {
		if e.Entry.Level == proto.LogLogEntryLevelError {
			w.add(&w.problems, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	})()
	return w
}

func exceptionText(d *proto.RuntimeExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

func (w *pageWatch) add(list *[]string, s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*list = append(*list, s)
}

// sent reports whether the page sent the websocket message msg.
func (w *pageWatch) sent(msg string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, f := range w.frames {
		if f == msg {
			return true
		}
	}
	return false
}

func (w *pageWatch) sentFrames() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.frames...)
}

// check fails the test for any request off loopback and any console error.
func (w *pageWatch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.requests) == 0 {
		t.Error("no request was seen: the network watch is not working")
	}
	for _, r := range w.requests {
		u, err := url.Parse(r)
		if err != nil {
			t.Errorf("request to %q", r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if h := u.Hostname(); h != "127.0.0.1" && h != "localhost" && h != "::1" {
			t.Errorf("a request left loopback: %s", r)
		}
	}
problems:
	for _, p := range w.problems {
		for _, e := range w.expected {
			if strings.Contains(p, e) {
				continue problems
			}
		}
		t.Errorf("console: %s", p)
	}
}

// waitFor polls a JS predicate until it holds, up to uiBound.
func waitFor(t *testing.T, p *rod.Page, what, js string, args ...any) {
	t.Helper()
	deadline := time.Now().Add(uiBound)
	for {
		res, err := p.Eval(js, args...)
		if err == nil && res.Value.Bool() {
			return
		}
		if time.Now().After(deadline) {
			text, _ := p.Eval(`() => ["#auth", "#errors", "main"].map((s) => document.querySelector(s)).filter((e) => e && !e.hidden).map((e) => e.innerText).join("\n")`)
			t.Fatalf("waited %s for %s (err %v); the page shows:\n%s", uiBound, what, err, text.Value.Str())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// byName finds the visible, enabled button, link or field whose accessible
// name is name, as the step language does: aria-label, a label, or its text.
const byNameJS = `(name) => {
	const visible = (e) => e.offsetParent !== null && !e.disabled;
	const named = (e) => {
		if (e.getAttribute("aria-label")) return e.getAttribute("aria-label").trim();
		if (e.labels && e.labels.length) return e.labels[0].textContent.trim();
		return e.textContent.trim();
	};
	return [...document.querySelectorAll("button, a, input, textarea, select")].find((e) => visible(e) && named(e) === name) || null;
}`

func element(t *testing.T, p *rod.Page, name string) *rod.Element {
	t.Helper()
	el, err := p.Timeout(uiBound).ElementByJS(rod.Eval(byNameJS, name))
	if err != nil {
		t.Fatalf("no visible, enabled control named %q: %v", name, err)
	}
	return el.CancelTimeout()
}

func click(t *testing.T, p *rod.Page, name string) {
	t.Helper()
	if err := element(t, p, name).Click(proto.InputMouseButtonLeft, 1); err != nil {
		t.Fatalf("click %q: %v", name, err)
	}
}

func typeInto(t *testing.T, p *rod.Page, name, text string) {
	t.Helper()
	el := element(t, p, name)
	if err := el.SelectAllText(); err != nil {
		t.Fatalf("select %q: %v", name, err)
	}
	if err := el.Input(text); err != nil {
		t.Fatalf("type into %q: %v", name, err)
	}
}

// TestAppJourneyInChromium drives the app as a person would: create a
// session, generate its flow, break and fix the instructions, approve, run,
// see the failed step's screenshot, retry. Every update arrives live (the
// page is never reloaded), no request leaves loopback and the console stays
// clean.
func TestAppJourneyInChromium(t *testing.T) {
	b := chromium(t)
	site := httptest.NewServer(http.FileServer(http.Dir("executor/testdata/site")))
	defer site.Close()
	cfg := config{}
	cfg.Executor.StepTimeout = 3 * time.Second // the planted failure fails sooner
	base := startAppServer(t, cfg)

	p, err := b.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	w := watchPage(t, p)
	if err := p.Navigate(base + "/"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, "the live connection", `() => document.getElementById("connection").dataset.state === "live"`)
	if _, err := p.Eval(`() => { window.__notReloaded = true; }`); err != nil {
		t.Fatal(err)
	}

	// Create.
	click(t, p, "New session")
	typeInto(t, p, "Name", "Sign in page")
	prompt := "Go to " + site.URL + "/login.html\nExpect the title is \"Sign in\"\nExpect the page contains \"Nobody home\""
	typeInto(t, p, "Prompt", prompt)
	click(t, p, "Create")
	waitFor(t, p, "the session page", `() => document.querySelector("h1").textContent === "Sign in page"`)

	// Generate: the planner's progress streams into the logs.
	click(t, p, "Generate flows")
	waitFor(t, p, "a generated flow", `() => document.querySelectorAll("article.flow").length === 1 && /ready/.test(document.getElementById("session-status").textContent)`)
	waitFor(t, p, "the planner's logs", `() => document.querySelectorAll("[role=log] li").length > 0`)
	flowName, err := p.Eval(`() => document.querySelector("article.flow h3").textContent.replace(/^\d+\. /, "")`)
	if err != nil {
		t.Fatal(err)
	}
	name := flowName.Value.Str()

	// Edit: a bad line shows its line, reason and nearest valid form; Save stays off.
	editor := "Instructions of " + name
	typeInto(t, p, editor, prompt+"\nClik the \"Sign in\" button")
	waitFor(t, p, "the bad line's error", `() => {
		const li = document.querySelector("article.flow .problems li[data-line='4']");
		return li && /Line 4/.test(li.textContent) && /Nearest valid form/.test(li.textContent);
	}`)
	waitFor(t, p, "Save disabled on invalid instructions", `(n) => document.querySelector("button[aria-label='Save " + n + "']").disabled`, name)
	fixed := prompt[:strings.LastIndex(prompt, "\n")] + "\nTake a screenshot\nExpect the page contains \"Nobody home\""
	typeInto(t, p, editor, fixed)
	waitFor(t, p, "the fixed instructions to validate", `() => /4 step\(s\), all valid/.test(document.querySelector("article.flow .problems").textContent)`)
	click(t, p, "Save "+name)
	waitFor(t, p, "the save", `() => /Saved/.test(document.querySelector("article.flow .problems").textContent)`)

	// Approve, then run: the status changes arrive live.
	click(t, p, "Approve "+name)
	waitFor(t, p, "the approval", `(n) => !!document.querySelector("button[aria-label='Unapprove " + n + "']")`, name)
	click(t, p, "Start run")
	waitFor(t, p, "the run to fail on its planted step", `() => {
		const f = document.querySelector("article.flow");
		return f.querySelector(".status-failed") && f.querySelectorAll(".steps tbody tr").length === 4;
	}`)
	waitFor(t, p, "the failed step's screenshot", `() => {
		const img = document.querySelector("article.flow tr[data-line='4'] img");
		return img && img.complete && img.naturalWidth > 0;
	}`)
	waitFor(t, p, "the progress", `() => /1 of 1 finished \(0 passed, 1 failed\)/.test(document.getElementById("session-status").textContent)`)
	waitFor(t, p, "a browser session", `() => /stopped/.test(document.querySelector("[aria-label='Browser sessions'] tbody").textContent)`)

	// Retry: a second attempt runs and ends.
	click(t, p, "Retry "+name)
	waitFor(t, p, "the retry", `() => /Attempt 2/.test(document.querySelector("article.flow").textContent) && document.querySelector("article.flow .status-failed") && /1 of 1 finished/.test(document.getElementById("session-status").textContent)`)
	waitFor(t, p, "the logs of both attempts", `() => [...document.querySelectorAll("[role=log] li")].filter((li) => /Line 4: .*failed/.test(li.textContent)).length === 2`)

	// Filter the logs by level.
	if err := element(t, p, "Level").Select([]string{"error"}, true, rod.SelectorTypeText); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, "error logs only", `() => {
		const lines = [...document.querySelectorAll("[role=log] li")];
		return lines.length > 0 && lines.every((li) => li.dataset.level === "error");
	}`)

	res, err := p.Eval(`() => window.__notReloaded === true`)
	if err != nil || !res.Value.Bool() {
		t.Error("the page was reloaded")
	}

	// The reports of this run.
	id := strings.TrimPrefix(p.MustInfo().URL, base+"/#/sessions/")
	resp, junit := get(t, base+"/sessions/"+id+"/junit.xml", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(junit, `failures="1"`) || !strings.Contains(junit, base+"/artifacts/") {
		t.Errorf("junit.xml: %d\n%s", resp.StatusCode, junit)
	}
	validateJUnit(t, []byte(junit))
	resp, html := get(t, base+"/sessions/"+id+"/report.html", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(html, `src="data:image/png;base64,`) || strings.Contains(html, "<script") {
		t.Errorf("report.html: %d, want a self-contained page with the screenshot inline", resp.StatusCode)
	}

	// Add a long flow, approve all, run, cancel; then delete the flow.
	if err := element(t, p, "Level").Select([]string{"All levels"}, true, rod.SelectorTypeText); err != nil {
		t.Fatal(err)
	}
	typeInto(t, p, "New flow name", "Long wait")
	typeInto(t, p, "New flow instructions", "Go to "+site.URL+"/login.html\nWait 60 seconds")
	click(t, p, "Add flow")
	waitFor(t, p, "the added flow", `() => document.querySelectorAll("article.flow").length === 2`)
	click(t, p, "Unapprove all")
	waitFor(t, p, "both unapproved", `() => document.querySelectorAll("article.flow button[aria-label^='Approve ']").length === 2`)
	click(t, p, "Approve all")
	waitFor(t, p, "both approved", `() => document.querySelectorAll("article.flow button[aria-label^='Unapprove ']").length === 2`)
	click(t, p, "Start run")
	waitFor(t, p, "the long flow running", `() => /running/.test(document.querySelectorAll("article.flow")[1].querySelector("header").textContent)`)
	click(t, p, "Cancel run")
	waitFor(t, p, "the run cancelled", `() => /failed/.test(document.getElementById("session-status").textContent) && /cancelled/.test(document.getElementById("session-message").textContent)`)
	click(t, p, "Delete Long wait")
	waitFor(t, p, "the flow deleted", `() => document.querySelectorAll("article.flow").length === 1`)

	// The system view: charts, and the server's per-operation statistics
	// with the app's own operations among them.
	click(t, p, "System")
	waitFor(t, p, "the charts", `() => document.querySelectorAll("figure.chart svg").length === 7`)
	waitFor(t, p, "the operations table", `() => {
		const s = document.querySelector("section[aria-labelledby=ops-title]");
		return !s.hidden && /Validate/.test(s.textContent) && document.getElementById("errors").children.length === 0;
	}`)

	// GraphiQL, offline, subscriptions included.
	if err := p.Navigate(base + "/graphiql"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, "GraphiQL", `() => !!document.querySelector(".graphiql-execute-button")`)
	if err := p.MustElement(".graphiql-execute-button").Click(proto.InputMouseButtonLeft, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, p, "the subscription's first result in GraphiQL", `() => /Sign in page/.test((document.querySelector(".result-window") || {}).textContent || "")`)
	w.check(t)
}

// validateJUnit checks a JUnit document with xmllint against the schema
// Jenkins reads, vendored in report/testdata.
func validateJUnit(t *testing.T, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: run `make setup` (it installs Debian's libxml2-utils)")
	}
	file := filepath.Join(t.TempDir(), "junit.xml")
	if err := writeFile(file, func(w io.Writer) error { _, err := w.Write(doc); return err }); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", "report/testdata/jenkins-junit.xsd", file).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s\n%s", err, out, doc)
	}
}

// appKey is the write key of the API key test.
const appKey = "write-key-for-the-app-test"

// postWithKey sends a GraphQL operation with the API key.
func postWithKey(t *testing.T, base, query string, variables map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+appKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || bytes.Contains(answer, []byte(`"errors"`)) {
		t.Fatalf("%s: %d %s", query, resp.StatusCode, answer)
	}
}

// TestAppListErrorsAndAPIKey runs the app on a server with API keys: it
// asks for the key, sends it on both transports, pages the live sessions
// list, shows a server error with its code, fetches a report with the key,
// deletes a session and shows the server's operationStats.
func TestAppListErrorsAndAPIKey(t *testing.T) {
	b := chromium(t)
	keys, err := auth.ParseKeys("write:" + appKey)
	if err != nil {
		t.Fatal(err)
	}
	base := startAppServer(t, config{APIKeys: keys, apiKeysSpec: "write:" + appKey})
	for i := range 23 {
		postWithKey(t, base, `mutation($n: String!) { createTestSession(name: $n, prompt: "") { id } }`, map[string]any{"n": fmt.Sprintf("Session %02d", i)})
	}

	p, err := b.Page(proto.TargetCreateTarget{})
	if err != nil {
		t.Fatal(err)
	}
	w := watchPage(t, p)
	w.expect("status of 401 (Unauthorized) " + base + "/")
	if err := p.Navigate(base + "/"); err != nil {
		t.Fatal(err)
	}
	// Without a key the server closes the websocket (4403): the key form shows.
	waitFor(t, p, "the API key form", `() => !document.getElementById("auth").hidden && /UNAUTHENTICATED/.test(document.getElementById("auth").textContent)`)
	typeInto(t, p, "API key", appKey)
	click(t, p, "Save key")
	waitFor(t, p, "the key stored", `(k) => localStorage.getItem("testing-agent.apiKey") === k && document.getElementById("auth").hidden`, appKey)
	waitFor(t, p, "the websocket live", `() => document.getElementById("connection").dataset.state === "live"`)
	// The event may be handled after the page saw the ack: look until it is.
	for deadline := time.Now().Add(uiBound); !w.sent(`{"type":"connection_init","payload":{"authorization":"Bearer ` + appKey + `"}}`); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the websocket's connection_init did not carry the key; frames: %q", w.sentFrames())
		}
	}

	rows := `(n) => document.querySelectorAll("table[aria-label=Sessions] tbody tr[data-session]").length === n`
	waitFor(t, p, "the first page of sessions", rows, 20)
	waitFor(t, p, "the newest first", `() => document.querySelector("tbody tr[data-session] a").textContent === "Session 22"`)
	click(t, p, "More sessions")
	waitFor(t, p, "all sessions", rows, 23)
	waitFor(t, p, "no more to page", `() => ![...document.querySelectorAll("main button")].some((b) => b.textContent === "More sessions" && !b.hidden)`)

	// A server error shows its message and code; the key went with the mutation.
	click(t, p, "New session")
	typeInto(t, p, "Name", "   ")
	click(t, p, "Create")
	waitFor(t, p, "the server's error with its code", `() => {
		const e = document.querySelector("#errors .error:last-child");
		return e && e.dataset.code === "BAD_USER_INPUT" && /name is empty/.test(e.textContent) && /BAD_USER_INPUT/.test(e.textContent);
	}`)
	click(t, p, "Dismiss error")

	// A session created elsewhere appears live.
	postWithKey(t, base, `mutation { createTestSession(name: "Pushed", prompt: "") { id } }`, nil)
	waitFor(t, p, "the pushed session", `() => document.querySelector("tbody tr[data-session] a").textContent === "Pushed"`)

	// Reports need the key, which the app sends when it fetches them.
	click(t, p, "Session 22")
	waitFor(t, p, "the session page", `() => document.querySelector("h1").textContent === "Session 22"`)
	waitFor(t, p, "the report fetched with the key", `async () => {
		const { fetchFile } = await import("/app/gql.js");
		const id = location.hash.split("/").pop();
		return /<testsuites/.test(await (await fetchFile("/sessions/" + id + "/junit.xml")).text());
	}`)

	// Deleting a session asks twice, in the page.
	click(t, p, "Delete session")
	click(t, p, "Confirm delete")
	waitFor(t, p, "the list without it", `() => document.querySelectorAll("tbody tr[data-session]").length > 0 && ![...document.querySelectorAll("tbody tr[data-session] a")].some((a) => a.textContent === "Session 22")`)

	click(t, p, "System")
	waitFor(t, p, "the operations table", `() => {
		const s = document.querySelector("section[aria-labelledby=ops-title]");
		return !s.hidden && /CreateTestSession/.test(s.textContent);
	}`)
	w.check(t)
}
