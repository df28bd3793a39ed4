package planner

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

// TestBuiltinPlannerOnEdgeCases explores testdata/edge: a newsletter box
// on every page that only clears itself, a search form, a feedback form
// that ignores its submit, two fields named "Email" on one page, a log-out
// link and a link that opens a new tab.
func TestBuiltinPlannerOnEdgeCases(t *testing.T) {
	pool := pool(t)
	edge := httptest.NewServer(http.FileServer(http.Dir("testdata/edge")))
	defer edge.Close()
	store := newStore(t)
	session := newSession(t, store, "test "+edge.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
	ended, flows := generate(t, p, store, session.ID)
	logs := strings.Join(logMessages(t, store, session.ID), "\n")
	if ended.Status != db.SessionReady {
		t.Fatalf("status %s (%s), want ready", ended.Status, errorMessage(ended))
	}
	byForm := map[string]*db.TestFlow{}
	for _, f := range flows {
		t.Logf("%s\n%s\n  -- %s", f.Name, indent(f.Instructions), f.Description)
		if _, errs := steps.Parse(f.Instructions); errs != nil {
			t.Errorf("flow %q does not parse: %v", f.Name, errs)
		}
		for _, button := range []string{"Subscribe", "Search", "Send feedback"} {
			if strings.Contains(f.Instructions, `"`+button+`" button`) {
				if byForm[button] != nil {
					t.Errorf("two flows submit the %q form: %q and %q", button, byForm[button].Name, f.Name)
				}
				byForm[button] = f
			}
		}
		if strings.Contains(f.Instructions, "logout") || strings.Contains(f.Instructions, "docs.html") {
			t.Errorf("flow %q follows a log-out or new-tab link:\n%s", f.Name, f.Instructions)
		}
	}
	if strings.Contains(logs, "/logout.html") || strings.Contains(logs, "/docs.html") {
		t.Errorf("exploring opened the log-out or the new-tab page:\n%s", logs)
	}

	for _, tc := range []struct {
		button   string
		contains []string
		passes   bool
	}{
		{"Subscribe", []string{`Expect the "Email" field has value ""`}, true},
		{"Search", []string{`Type "test" into the "Search the site" field`, `Expect the url contains "/results.html"`, `Expect the page contains "Search results"`}, true},
		{"Send feedback", []string{`into the 2nd "Email" field`, `Type "1" into the "Rating" field`, `Expect the 2nd "Email" field has value ""`}, false},
	} {
		f := byForm[tc.button]
		if f == nil {
			t.Errorf("no flow submits the %q form\n%s", tc.button, logs)
			continue
		}
		for _, want := range tc.contains {
			if !strings.Contains(f.Instructions, want) {
				t.Errorf("flow %q lacks %q:\n%s", f.Name, want, f.Instructions)
			}
		}
		list, _ := steps.Parse(f.Instructions)
		res := runOn(t, pool, edge.URL, list)
		if res.Passed != tc.passes {
			t.Errorf("flow %q passed=%v, want %v: %s\n%s\n%s", f.Name, res.Passed, tc.passes, res.Error, f.Instructions, f.Description)
		}
	}
}
