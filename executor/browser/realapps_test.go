package browser

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realAppsDir holds vendored single-page apps the project did not write,
// and the everyday flows every one of them must pass (see its README).
const realAppsDir = "../testdata/apps"

// realApps lists the vendored apps: the directories with an index.html.
func realApps(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(realAppsDir)
	if err != nil {
		t.Fatal(err)
	}
	var apps []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(realAppsDir, e.Name(), "index.html")); err == nil {
			apps = append(apps, e.Name())
		}
	}
	if len(apps) < 5 {
		t.Fatalf("%d vendored apps, want at least 5", len(apps))
	}
	return apps
}

// realAppFlows maps each flow's name to its instructions.
func realAppFlows(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(realAppsDir, "flows", "*.flow"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no flows in %s/flows: %v", realAppsDir, err)
	}
	flows := map[string]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		flows[strings.TrimSuffix(filepath.Base(f), ".flow")] = string(src)
	}
	return flows
}

// TestRealApps runs the everyday flows, written in the step language
// without selectors, on every vendored app: a change that breaks acting on
// real markup fails here.
func TestRealApps(t *testing.T) {
	p := pool(t)
	apps := httptest.NewServer(http.FileServer(http.Dir(realAppsDir)))
	t.Cleanup(apps.Close) // after the parallel subtests
	flows := realAppFlows(t)
	for _, app := range realApps(t) {
		for name, src := range flows {
			t.Run(app+"/"+name, func(t *testing.T) {
				t.Parallel()
				if strings.Contains(src, "css=") || strings.Contains(src, "xpath=") {
					t.Fatal("real-app flows use no selectors")
				}
				res := runFlow(t, p, src, RunOptions{BaseURL: apps.URL + "/" + app + "/", StepTimeout: passTimeout})
				if !res.Passed {
					t.Fatalf("flow failed: %s\n%s", res.Error, describe(res))
				}
			})
		}
	}
}
