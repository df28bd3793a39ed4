package steps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that every step and error points
// at a line that exists, and that it reports either steps or errors.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"", "\n\n", `click "x"`, `type "a" into the 2nd "b" field`, `expect there are 3 "x" buttons`,
		`fill css=input[name="q"] with 'x'`, `press Control + Shift + K`, `wait 1.5 s`,
		`go to {{baseUrl}}/x`, `type "{{x" into "y"`, "“‘'\"", "1. then .", `expect "a" is not visible`,
		`remember the text of #a b c as x`, "click \xff\xfe", `click [a="b c" d='e']`,
	} {
		f.Add(seed)
	}
	flows, _ := filepath.Glob(filepath.Join("testdata", "*.flow"))
	for _, path := range flows {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, instructions string) {
		lines := len(strings.Split(instructions, "\n"))
		steps, errs := Parse(instructions)
		if len(steps) == 0 && errs == nil {
			t.Fatalf("no steps and no error for %q", instructions)
		}
		for _, s := range steps {
			if s.Line < 1 || s.Line > lines {
				t.Fatalf("step line %d outside 1..%d for %q", s.Line, lines, instructions)
			}
			if s.Kind == "" || s.Source == "" {
				t.Fatalf("step without kind or source: %+v", s)
			}
		}
		if errs != nil {
			for _, e := range errs.Lines {
				if e.Line < 0 || e.Line > lines || e.Reason == "" {
					t.Fatalf("bad error %+v for %q", e, instructions)
				}
			}
		}
	})
}
