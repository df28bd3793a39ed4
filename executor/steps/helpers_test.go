package steps

import (
	"reflect"
	"strings"
	"testing"
)

// stepCase is one line and the step it must parse to; Line and Source are
// filled in by checkSteps.
type stepCase struct {
	line string
	want Step
}

// checkSteps parses each line alone and compares the whole Step.
func checkSteps(t *testing.T, cases []stepCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			got, errs := Parse(c.line)
			if errs != nil {
				t.Fatalf("Parse(%q) failed: %v", c.line, errs)
			}
			want := c.want
			want.Line, want.Source = 1, strings.TrimSpace(c.line)
			if !reflect.DeepEqual(got, []Step{want}) {
				t.Errorf("Parse(%q)\n got %s\nwant %s", c.line, dump(got[0]), dump(want))
			}
		})
	}
}

func named(text string) *Target { return &Target{Text: text} }

func withRole(text string, role Role) *Target { return &Target{Text: text, Role: role} }

func nth(text string, role Role, n int) *Target { return &Target{Text: text, Role: role, Nth: n} }

func css(selector string) *Target { return &Target{CSS: selector} }

func xpath(selector string) *Target { return &Target{XPath: selector} }

func check(kind AssertKind, target *Target, text string) Step {
	return Step{Kind: Assert, Assert: &Assertion{Kind: kind, Target: target, Text: text}}
}

func click(target *Target, kind ClickKind) Step {
	return Step{Kind: Click, Target: target, Click: kind}
}
