package report

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/db/sqlite"
)

// pngPixel is a 1×1 PNG, the screenshot of the failed step.
var pngPixel = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// finishedRun stores a session whose run ended with one flow passed, one
// failed (with a screenshot) and one never approved.
func finishedRun(t *testing.T) (db.Store, string) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, sqlite.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s, err := store.CreateTestSession(ctx, db.NewTestSession{Name: "Sign-up & <login>", Prompt: "test http://127.0.0.1:3000"})
	if err != nil {
		t.Fatal(err)
	}
	_, flows, err := store.CreateTestFlows(ctx, s.ID, []db.NewTestFlow{
		{Name: "Passes", Instructions: "Reload", Approved: true},
		{Name: "Fails \"quoted\"", Instructions: "Go to /\nExpect the page contains \"x\"", Approved: true},
		{Name: "Not approved", Instructions: "Reload"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.StartRun(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		f, err := store.ClaimFlow(ctx, "w", time.Minute)
		if err != nil || f == nil {
			t.Fatalf("claim: %v %v", f, err)
		}
		out := db.FlowOutcome{Passed: true, Duration: 1500 * time.Millisecond,
			Steps: []db.StepResult{{Line: 1, Source: "Reload", Status: db.StepPassed, DurationMs: 1400}}}
		if f.ID == flows[1].ID {
			a, err := store.SaveArtifact(ctx, db.NewArtifact{SessionID: s.ID, FlowID: f.ID, Name: "line 2", ContentType: "image/png", Data: pngPixel})
			if err != nil {
				t.Fatal(err)
			}
			msg := `line 2: expect the page contains "x": the page has no "x" <after 10s>`
			out = db.FlowOutcome{Error: msg, Duration: 2250 * time.Millisecond, Steps: []db.StepResult{
				{Line: 1, Source: "Go to /", Status: db.StepPassed, DurationMs: 300},
				{Line: 2, Source: `Expect the page contains "x"`, Status: db.StepFailed, DurationMs: 1900, Error: &msg, ScreenshotID: &a.ID},
			}}
		}
		if _, _, err := store.FinishFlow(ctx, f.ID, "w", out); err != nil {
			t.Fatal(err)
		}
	}
	return store, s.ID
}

func TestJUnit(t *testing.T) {
	store, id := finishedRun(t)
	run, err := Load(context.Background(), store, id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteJUnit(&buf, run, JUnitOptions{ScreenshotURL: func(id string) string { return "http://127.0.0.1:8080/artifacts/" + id }}); err != nil {
		t.Fatal(err)
	}
	checkJUnit(t, buf.Bytes())
	out := buf.String()
	for _, want := range []string{
		`<testsuite name="Sign-up &amp; &lt;login&gt;" tests="3" failures="1" errors="0" skipped="1"`,
		`<testcase name="Passes" classname="Sign-up &amp; &lt;login&gt;" time="1.500">`,
		`<failure message="line 2: expect the page contains &#34;x&#34;: the page has no &#34;x&#34; &lt;after 10s&gt;" type="StepFailed">`,
		`screenshot: http://127.0.0.1:8080/artifacts/`,
		`<skipped>not approved</skipped>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("junit lacks %s:\n%s", want, out)
		}
	}
}

// checkJUnit checks the rules of the JUnit schema in Go, then validates
// with xmllint against the schema Jenkins reads (jenkins-junit.xsd, vendored)
// and against this project's stricter one (junit.xsd).
func checkJUnit(t *testing.T, doc []byte) {
	t.Helper()
	var parsed struct {
		XMLName xml.Name
		Suites  []struct {
			Name     string `xml:"name,attr"`
			Tests    *int   `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Skipped  int    `xml:"skipped,attr"`
			Cases    []struct {
				Name    *string    `xml:"name,attr"`
				Time    string     `xml:"time,attr"`
				Failure []struct{} `xml:"failure"`
				Skipped []struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(doc, &parsed); err != nil {
		t.Fatalf("not XML: %v\n%s", err, doc)
	}
	if parsed.XMLName.Local != "testsuites" || len(parsed.Suites) != 1 {
		t.Fatalf("want testsuites with one testsuite, got %s with %d", parsed.XMLName.Local, len(parsed.Suites))
	}
	for _, s := range parsed.Suites {
		if s.Name == "" || s.Tests == nil || *s.Tests != len(s.Cases) {
			t.Errorf("testsuite %q: tests=%v for %d testcases", s.Name, s.Tests, len(s.Cases))
		}
		failures, skipped := 0, 0
		for _, c := range s.Cases {
			if c.Name == nil || *c.Name == "" {
				t.Error("a testcase has no name")
			}
			if len(c.Failure)+len(c.Skipped) > 1 {
				t.Errorf("testcase %q is both failed and skipped", *c.Name)
			}
			if !strings.Contains(c.Time, ".") {
				t.Errorf("testcase %q: time %q is not decimal seconds", *c.Name, c.Time)
			}
			failures += len(c.Failure)
			skipped += len(c.Skipped)
		}
		if failures != s.Failures || skipped != s.Skipped {
			t.Errorf("testsuite counts failures=%d skipped=%d, testcases have %d and %d", s.Failures, s.Skipped, failures, skipped)
		}
	}
	validateWithXmllint(t, doc)
}

func validateWithXmllint(t *testing.T, doc []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: run `make setup` (it installs Debian's libxml2-utils)")
	}
	for _, name := range []string{"jenkins-junit.xsd", "junit.xsd"} {
		schema, err := filepath.Abs(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		validateJUnitFile(t, xmllint, schema, doc)
	}
}

// validateJUnitFile runs xmllint --schema on doc.
func validateJUnitFile(t *testing.T, xmllint, schema string, doc []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", schema, file).CombinedOutput()
	if err != nil {
		t.Fatalf("xmllint --schema %s: %v\n%s\n%s", schema, err, out, doc)
	}
}

func TestHTMLReport(t *testing.T) {
	store, id := finishedRun(t)
	ctx := context.Background()
	run, err := Load(ctx, store, id)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(ctx, &buf, run, store); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		"<title>Report: Sign-up &amp; &lt;login&gt;</title>",
		"1 passed", "1 failed", "1 not run",
		`<img src="data:image/png;base64,`,
		`the page has no &#34;x&#34; &lt;after 10s&gt;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	// Self-contained: nothing but data: URIs as sources, no scripts.
	for _, bad := range []string{"<script", `src="http`, `href="http`, "url(http", "/artifacts/"} {
		if strings.Contains(page, bad) {
			t.Errorf("report.html is not self-contained: it contains %q", bad)
		}
	}
}

func TestLoadUnknownSession(t *testing.T) {
	store, _ := finishedRun(t)
	_, err := Load(context.Background(), store, strings.Repeat("0", 24))
	if db.ErrorCode(err) != db.ErrNotFound {
		t.Errorf("Load of an unknown session: %v, want not found", err)
	}
}
