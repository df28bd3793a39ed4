package planner

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// appsDir holds single-page apps the planner was not written against (see
// its README) and, in behaviours.json, what a tester would check on each.
const appsDir = "testdata/apps"

// appSpec is behaviours.json.
type appSpec struct {
	Prompt string `json:"prompt"` // {url} is the app's address
	Apps   map[string]struct {
		Framework  string          `json:"framework"`
		Behaviours []behaviourSpec `json:"behaviours"`
	} `json:"apps"`
}

// behaviourSpec recognises a flow that exercises a behaviour and checks
// its effect: lines matching act one after another, then a later line
// matching one of effect, where {n} stands for the act's nth captured text.
type behaviourSpec struct {
	Name   string   `json:"name"`
	Act    []string `json:"act"`
	Effect []string `json:"effect"`
}

func readAppSpec(t testing.TB) appSpec {
	t.Helper()
	raw, err := os.ReadFile(appsDir + "/behaviours.json")
	if err != nil {
		t.Fatal(err)
	}
	var spec appSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatalf("behaviours.json: %v", err)
	}
	if len(spec.Apps) < 3 {
		t.Fatalf("%d apps in behaviours.json, want at least 3", len(spec.Apps))
	}
	return spec
}

// exercises reports whether the lines do the behaviour and then check its effect.
func (b behaviourSpec) exercises(lines []string) bool {
	for start := range lines {
		var captured []string
		i := start
		for _, pattern := range b.Act {
			if i >= len(lines) {
				break
			}
			m := regexp.MustCompile(pattern).FindStringSubmatch(lines[i])
			if m == nil {
				break
			}
			captured = append(captured, m[1:]...)
			i++
		}
		if i-start != len(b.Act) {
			continue
		}
		for _, line := range lines[i:] {
			for _, e := range b.Effect {
				for n, c := range captured {
					e = strings.ReplaceAll(e, "{"+strconv.Itoa(n+1)+"}", regexp.QuoteMeta(c))
				}
				if regexp.MustCompile(e).MatchString(line) {
					return true
				}
			}
		}
	}
	return false
}

func TestBehaviourSpecRecognisesFlows(t *testing.T) {
	spec := readAppSpec(t)
	byName := map[string]behaviourSpec{}
	for _, b := range spec.Apps["canjs"].Behaviours {
		byName[b.Name] = b
	}
	tests := []struct {
		behaviour string
		flow      string
		want      bool
	}{
		{"add", "Type \"Buy milk\" into the \"What needs to be done?\" field\nPress Enter\nExpect \"Buy milk\" is visible", true},
		{"add", "Type \"Buy milk\" into the \"What needs to be done?\" field\nPress Enter\nExpect \"Walk\" is visible", false},
		{"add", "Type \"Buy milk\" into the \"What needs to be done?\" field\nExpect \"Buy milk\" is visible", false},
		{"delete", "Hover over \"Buy milk\"\nClick the \"×\" button in the \"Buy milk\" item\nExpect the page does not contain \"Buy milk\"", true},
		{"delete", "Click the \"×\" button in the \"Buy milk\" item\nExpect \"Walk the dog\" is visible", false},
		{"edit", "Double-click \"Buy milk\"\nType \"Read a book\" into the focused field\nPress Enter\nExpect \"Read a book\" is visible", true},
		{"filter active", "Click the \"Active\" link\nExpect \"Buy milk\" is hidden", true},
		{"filter active", "Expect \"Buy milk\" is hidden\nClick the \"Active\" link", false},
	}
	for _, tc := range tests {
		if got := byName[tc.behaviour].exercises(strings.Split(tc.flow, "\n")); got != tc.want {
			t.Errorf("%s on\n%s\n= %v, want %v", tc.behaviour, tc.flow, got, tc.want)
		}
	}
}

// TestPlannerOnSinglePageApps generates flows for each vendored app with
// the prompt a new user wrote, runs every proposed flow with the real
// runner, and measures: the behaviours a tester lists that a passing flow
// exercises and checks (at least two thirds), and the proposed flows that
// pass (at least 80%).
func TestPlannerOnSinglePageApps(t *testing.T) {
	pool := pool(t)
	spec := readAppSpec(t)
	apps := httptest.NewServer(http.FileServer(http.Dir(appsDir)))
	t.Cleanup(apps.Close)
	for name, app := range spec.Apps {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			url := apps.URL + "/" + name + "/"
			ended, flows := generateForApp(t, pool, strings.ReplaceAll(spec.Prompt, "{url}", url))
			passed := 0
			covered := map[string]bool{}
			for _, f := range flows {
				list, errs := steps.Parse(f.Instructions)
				if errs != nil {
					t.Errorf("flow %q does not parse: %v", f.Name, errs)
					continue
				}
				if strings.Contains(f.Instructions, "css=") || strings.Contains(f.Instructions, "xpath=") {
					t.Errorf("flow %q uses a selector where names do:\n%s", f.Name, f.Instructions)
				}
				res := runOn(t, pool, url, list)
				t.Logf("%-5v %s\n%s\n  -- %s\n  -- %s", res.Passed, f.Name, indent(f.Instructions), f.Description, res.Error)
				if !res.Passed {
					continue
				}
				passed++
				for _, b := range app.Behaviours {
					if b.exercises(strings.Split(f.Instructions, "\n")) {
						covered[b.Name] = true
					}
				}
			}
			var missing []string
			for _, b := range app.Behaviours {
				if !covered[b.Name] {
					missing = append(missing, b.Name)
				}
			}
			t.Logf("%s (%s): behaviours covered %d of %d (missing: %s); flows passing %d of %d; note %q", name, app.Framework,
				len(covered), len(app.Behaviours), strings.Join(missing, ", "), passed, len(flows), errorMessage(ended))
			if 3*len(covered) < 2*len(app.Behaviours) {
				t.Errorf("%d of %d behaviours covered by passing flows, want at least two thirds; missing %s", len(covered), len(app.Behaviours), strings.Join(missing, ", "))
			}
			if len(flows) == 0 || 5*passed < 4*len(flows) {
				t.Errorf("%d of %d proposed flows pass, want at least 80%%", passed, len(flows))
			}
		})
	}
}

// TestPlannerOnListWithAddButton explores a small list app of another
// shape: no form, an "Add" button rather than Enter, rows that are plain
// containers rather than list items, a "Remove" button shown on hover in
// each, a "Clear list" button that asks for confirmation, no
// checkboxes, no persistence. The prompt names adding, removing, clearing
// and sorting; the app cannot sort, and the planner must say so.
func TestPlannerOnListWithAddButton(t *testing.T) {
	pool := pool(t)
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata/spa")))
	defer srv.Close()
	ended, flows := generateForApp(t, pool, "Test adding items, removing an item, clearing the list and sorting the items on "+srv.URL+"/")
	want := map[string][]string{
		"add":    {`Type "Buy milk" into the "New item" field`, `Click the "Add" button`, `Expect "Buy milk" is visible`, `Expect the page contains "2 items on the list"`},
		"remove": {`Hover over "Buy milk"`, `Click the "Remove" button in the "Buy milk" card`, `Expect the page does not contain "Buy milk"`, `Expect the page contains "1 item on the list"`},
		"clear":  {`Click the "Clear list" button`, "Accept the dialog", `Expect the page does not contain "Buy milk"`, `Expect the page does not contain "Walk the dog"`},
		"help":   {`Click the "Help" button`, `Expect the page contains "Type an item and click Add."`},
	}
	found := map[string]bool{}
	for i, f := range flows {
		list, errs := steps.Parse(f.Instructions)
		if errs != nil {
			t.Fatalf("flow %q does not parse: %v", f.Name, errs)
		}
		res := runOn(t, pool, srv.URL, list)
		t.Logf("%-5v %s\n%s\n  -- %s", res.Passed, f.Name, indent(f.Instructions), res.Error)
		if !res.Passed {
			t.Errorf("flow %q fails: %s", f.Name, res.Error)
		}
		for name, lines := range want {
			if containsAll(f.Instructions, lines) {
				found[name] = true
				if i > 2 && name != "help" {
					t.Errorf("the %s flow is proposed %d th; the flows the prompt names come first", name, i+1)
				}
			}
		}
	}
	for name, lines := range want {
		if !found[name] {
			t.Errorf("no flow does %s with %q", name, lines)
		}
	}
	if msg := errorMessage(ended); msg != "The planner could not find how to sort the items." {
		t.Errorf("errorMessage %q, want it to say sorting was not found", msg)
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// generateForApp generates flows for prompt with bounds generous enough
// that a loaded machine does not change what is found, logs the session's
// log lines, and fails unless the session ends ready.
func generateForApp(t *testing.T, pool *browser.Pool, prompt string) (*db.TestSession, []*db.TestFlow) {
	t.Helper()
	store := newStore(t)
	session := newSession(t, store, prompt)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger(), AppTimeout: 4 * time.Minute, VerifyTimeout: 4 * time.Minute})
	ended, flows := generateWithin(t, p, store, session.ID, 8*time.Minute)
	for _, line := range logMessages(t, store, session.ID) {
		t.Log(line)
	}
	if ended.Status != db.SessionReady {
		t.Fatalf("status %s (%s), want ready", ended.Status, errorMessage(ended))
	}
	return ended, flows
}
