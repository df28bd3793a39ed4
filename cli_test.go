package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser"
)

// runCLI runs `test` with args in-process and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	code := runTestCommand(ctx, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTestCommandRefusesBadInput(t *testing.T) {
	good := writeTemp(t, "flows.yaml", "- name: Home\n  instructions: Go to /\n")
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no file", []string{"--base-url", "http://127.0.0.1:1"}, "give exactly one flows file"},
		{"no base URL", []string{good}, "--base-url is missing"},
		{"base URL without scheme", []string{good, "--base-url", "localhost:3000"}, "must start with http://"},
		{"unknown flag", []string{good, "--base-url", "http://127.0.0.1:1", "--nope"}, "flag provided but not defined: -nope"},
		{"missing file", []string{filepath.Join(t.TempDir(), "none.yaml"), "--base-url", "http://127.0.0.1:1"}, "read the flows file"},
		{"not a list", []string{writeTemp(t, "f.yaml", "name: x\n"), "--base-url", "http://127.0.0.1:1"}, "is not a list of flows"},
		{"unknown field", []string{writeTemp(t, "f.yaml", "- name: x\n  instructons: Go to /\n"), "--base-url", "http://127.0.0.1:1"}, "instructons"},
		{"empty", []string{writeTemp(t, "f.json", "[]"), "--base-url", "http://127.0.0.1:1"}, "has no flows"},
		{"no name", []string{writeTemp(t, "f.json", `[{"instructions": "Go to /"}]`), "--base-url", "http://127.0.0.1:1"}, "flow 1: name is missing"},
		{"bad step", []string{writeTemp(t, "f.yaml", "- name: Log in\n  instructions: |\n    Go to /login\n    Clik the \"Sign in\" button\n"), "--base-url", "http://127.0.0.1:1"},
			`flow 1 ("Log in"): line 2:`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit 2 saying %q", code, stderr, tc.want)
			}
		})
	}
	_, _, stderr := runCLI(t, writeTemp(t, "f.yaml", "- name: Log in\n  instructions: |\n    Go to /login\n    Clik the \"Sign in\" button\n"), "--base-url", "http://127.0.0.1:1")
	if !strings.Contains(stderr, "nearest valid form: ") {
		t.Errorf("a bad step's message lacks its nearest valid form:\n%s", stderr)
	}
}

// TestTestCommandRunsFlows runs a passing and a failing flows file against
// a local site: exit 0 and 1, with JUnit and HTML reports.
func TestTestCommandRunsFlows(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	site := httptest.NewServer(http.FileServer(http.Dir("executor/testdata/site")))
	defer site.Close()
	dir := t.TempDir()

	passing := writeTemp(t, "pass.yaml", `
- name: Sign-in page
  description: the page a person signs in on
  instructions: |
    Go to /login.html
    Expect the title is "Sign in"
- name: Sign in
  instructions: |
    Go to /login.html
    Type "alice@example.com" into the "Email" field
    Click the "Sign in" button
    Expect the page contains "Welcome, Alice"
`)
	junit := filepath.Join(dir, "pass.xml")
	code, stdout, stderr := runCLI(t, passing, "--base-url", site.URL, "--junit", junit, "--report", filepath.Join(dir, "pass.html"))
	if code != 0 {
		t.Fatalf("passing flows: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"PASS  Sign-in page", "PASS  Sign in", "2 passed, 0 failed", "JUnit report: " + junit} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	doc, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), `tests="2" failures="0"`) {
		t.Errorf("junit of the passing run:\n%s", doc)
	}
	validateJUnit(t, doc)

	failing := writeTemp(t, "fail.json", `[
		{"name": "Sign-in page", "instructions": "Go to /login.html\nExpect the title is \"Sign in\""},
		{"name": "Nobody home", "instructions": "Go to /login.html\nExpect the page contains \"Nobody home\""}
	]`)
	junit = filepath.Join(dir, "fail.xml")
	html := filepath.Join(dir, "fail.html")
	code, stdout, stderr = runCLI(t, "--step-timeout", "3s", failing, "--base-url", site.URL+"/", "--junit", junit, "--report", html)
	if code != 1 {
		t.Fatalf("failing flows: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "FAIL  Nobody home") || !strings.Contains(stdout, "1 passed, 1 failed") {
		t.Errorf("stdout of the failing run:\n%s", stdout)
	}
	doc, err = os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), `tests="2" failures="1"`) || !strings.Contains(string(doc), `<failure message="line 2: `) {
		t.Errorf("junit of the failing run:\n%s", doc)
	}
	validateJUnit(t, doc)
	page, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `src="data:image/png;base64,`) {
		t.Error("report.html lacks the failed step's screenshot")
	}
}

// TestTestCommandDrivesTheApp is the app tested by the project's own step
// language: test mode runs a flow that creates a session in the app,
// generates its flow and approves it, finding every control by its label
// or accessible name.
func TestTestCommandDrivesTheApp(t *testing.T) {
	if _, err := browser.FindChromium(""); err != nil {
		t.Skipf("no Chromium: %v", err)
	}
	app := startAppServer(t, config{})
	flows := writeTemp(t, "app.yaml", `
- name: Create, generate and approve in the app
  instructions: |
    Go to /
    Click the "New session" button
    Type "Dogfood" into the "Name" field
    Type 'Expect the title is "Sign in"' into the "Prompt" field
    Click the "Create" button
    Expect the page contains "Dogfood"
    Click the "Generate flows" button
    Wait for "Steps from the prompt"
    Expect the "Approve all" button is enabled
    Click the "Approve all" button
    Wait for "approved"
    Expect the "Start run" button is enabled
    Expect there are no console errors
`)
	junit := filepath.Join(t.TempDir(), "app.xml")
	code, stdout, stderr := runCLI(t, flows, "--base-url", app, "--junit", junit, "--step-timeout", "60s")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	var out struct {
		ListTestSessions []struct {
			Name, Status string
			Flows        []struct{ Approved bool }
		}
	}
	graphql(t, app, `{ listTestSessions(limit: 1) { name status flows { approved } } }`, nil, &out)
	if s := out.ListTestSessions; len(s) != 1 || s[0].Name != "Dogfood" || s[0].Status != "ready" || len(s[0].Flows) != 1 || !s[0].Flows[0].Approved {
		t.Errorf("after the flow the app's server has %+v, want Dogfood ready with one approved flow", s)
	}
}
