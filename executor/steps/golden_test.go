package steps

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenStep is a Step as the golden files show it: empty fields left out,
// durations written as "2s".
type goldenStep struct {
	Line     int              `json:"line"`
	Source   string           `json:"source"`
	Kind     Kind             `json:"kind"`
	URL      string           `json:"url,omitempty"`
	Text     string           `json:"text,omitempty"`
	Key      string           `json:"key,omitempty"`
	Target   *goldenTarget    `json:"target,omitempty"`
	Click    ClickKind        `json:"click,omitempty"`
	Duration string           `json:"duration,omitempty"`
	Gone     bool             `json:"gone,omitempty"`
	Name     string           `json:"name,omitempty"`
	Assert   *goldenAssertion `json:"assert,omitempty"`
	Accept   bool             `json:"accept,omitempty"`
}

type goldenTarget struct {
	Text       string `json:"text,omitempty"`
	Role       Role   `json:"role,omitempty"`
	Nth        int    `json:"nth,omitempty"`
	CSS        string `json:"css,omitempty"`
	XPath      string `json:"xpath,omitempty"`
	Containing bool   `json:"containing,omitempty"`
	Focused    bool   `json:"focused,omitempty"`
	Scope      *Scope `json:"scope,omitempty"`
}

type goldenAssertion struct {
	Kind   AssertKind    `json:"kind"`
	Target *goldenTarget `json:"target,omitempty"`
	Text   string        `json:"text,omitempty"`
	Count  *int          `json:"count,omitempty"`
}

type goldenError struct {
	Line       int    `json:"line"`
	Source     string `json:"source"`
	Reason     string `json:"reason"`
	Suggestion string `json:"suggestion"`
}

type goldenFlow struct {
	Steps  []goldenStep  `json:"steps"`
	Errors []goldenError `json:"errors,omitempty"`
}

func golden(s Step) goldenStep {
	g := goldenStep{Line: s.Line, Source: s.Source, Kind: s.Kind, URL: s.URL, Text: s.Text, Key: s.Key,
		Target: goldenTargetOf(s.Target), Click: s.Click, Gone: s.Gone, Name: s.Name, Accept: s.Accept}
	if s.Duration != 0 {
		g.Duration = s.Duration.String()
	}
	if a := s.Assert; a != nil {
		g.Assert = &goldenAssertion{Kind: a.Kind, Target: goldenTargetOf(a.Target), Text: a.Text}
		if a.Kind == CountIs {
			g.Assert.Count = &a.Count
		}
	}
	return g
}

func goldenTargetOf(t *Target) *goldenTarget {
	if t == nil {
		return nil
	}
	g := goldenTarget(*t)
	return &g
}

// marshal writes JSON as people read it: indented, < and > left alone.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// dump shows a step in test failures.
func dump(s Step) string {
	return string(bytes.TrimSpace(marshal(golden(s))))
}

// TestGoldenFlows parses each testdata/*.flow and compares the result with
// its .golden.json; go test -update rewrites the golden files.
func TestGoldenFlows(t *testing.T) {
	flows, err := filepath.Glob(filepath.Join("testdata", "*.flow"))
	if err != nil || len(flows) == 0 {
		t.Fatalf("no flows in testdata: %v", err)
	}
	for _, path := range flows {
		t.Run(filepath.Base(path), func(t *testing.T) {
			instructions, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			steps, errs := Parse(string(instructions))
			flow := goldenFlow{Steps: []goldenStep{}}
			for _, s := range steps {
				flow.Steps = append(flow.Steps, golden(s))
			}
			if errs != nil {
				for _, e := range errs.Lines {
					flow.Errors = append(flow.Errors, goldenError(e))
				}
			}
			got := marshal(flow)
			goldenPath := strings.TrimSuffix(path, ".flow") + ".golden.json"
			if *update {
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", path, goldenPath, got)
			}
		})
	}
}
