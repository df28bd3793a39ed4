package planner

import (
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

func TestRenderReadsBack(t *testing.T) {
	email := &steps.Target{Text: "Email", Role: steps.Field}
	for _, tc := range []struct {
		step steps.Step
		want string
	}{
		{navigate("/signup.html?plan=team"), "Go to /signup.html?plan=team"},
		{navigate("http://127.0.0.1:3000/"), "Go to http://127.0.0.1:3000/"},
		{click(&steps.Target{Text: "Sign in", Role: steps.Button, Nth: 2}), `Click the 2nd "Sign in" button`},
		{click(&steps.Target{Text: "Next", Role: steps.Link, Nth: 13}), `Click the 13th "Next" link`},
		{typeInto("{{random.email}}", email), `Type "{{random.email}}" into the "Email" field`},
		{typeInto(`She said "hi"`, email), `Type 'She said "hi"' into the "Email" field`},
		{typeInto("x", &steps.Target{CSS: `input[name="q"]`}), `Type "x" into css=input[name="q"]`},
		{checkBox(&steps.Target{Text: "I agree", Role: steps.Checkbox}), `Check the "I agree" checkbox`},
		{checkBox(&steps.Target{Text: "Monthly"}), `Check "Monthly"`},
		{choose("Sales", &steps.Target{Text: "Topic", Role: steps.Dropdown}), `Select "Sales" from the "Topic" dropdown`},
		{press("Enter"), "Press Enter"},
		{steps.Step{Kind: steps.Click, Click: steps.DoubleClick, Target: &steps.Target{Text: "Buy milk"}}, `Double-click "Buy milk"`},
		{steps.Step{Kind: steps.Hover, Target: &steps.Target{Text: "Buy milk"}}, `Hover over "Buy milk"`},
		{click(&steps.Target{Text: "×", Role: steps.Button, Scope: &steps.Scope{Text: "Buy milk", Kind: steps.ItemScope}}), `Click the "×" button in the "Buy milk" item`},
		{checkBox(&steps.Target{Role: steps.Checkbox, Scope: &steps.Scope{Text: "Buy milk", Kind: steps.ItemScope}}), `Check the checkbox in the "Buy milk" item`},
		{typeInto("Buy bread", &steps.Target{Focused: true, Role: steps.Field}), `Type "Buy bread" into the focused field`},
		{steps.Step{Kind: steps.Reload}, "Reload"},
		{steps.Step{Kind: steps.Dialog, Accept: true}, "Accept the dialog"},
		{expectOn(steps.IsHidden, &steps.Target{Text: "Buy milk"}, ""), `Expect "Buy milk" is hidden`},
		{expectOn(steps.IsChecked, &steps.Target{Role: steps.Checkbox, Scope: &steps.Scope{Text: "Buy milk", Kind: steps.ItemScope}}, ""), `Expect the checkbox in the "Buy milk" item is checked`},
		{expect(steps.PageContains, "Welcome, it's you"), `Expect the page contains "Welcome, it's you"`},
		{expect(steps.PageNotContains, "Error"), `Expect the page does not contain "Error"`},
		{expect(steps.TitleContains, "Pricing — Acme"), `Expect the title contains "Pricing — Acme"`},
		{expect(steps.URLContains, "/welcome"), `Expect the url contains "/welcome"`},
		{expect(steps.NoConsoleErrors, ""), "Expect there are no console errors"},
		{expectOn(steps.HasValue, email, ""), `Expect the "Email" field has value ""`},
		{steps.Step{Kind: steps.WaitFor, Target: &steps.Target{CSS: "#status"}}, "Wait for css=#status"},
		{steps.Step{Kind: steps.Wait, Duration: 2 * time.Second}, "Wait 2 seconds"},
		{steps.Step{Kind: steps.Wait, Duration: time.Second}, "Wait 1 second"},
	} {
		got, err := render(tc.step)
		if err != nil || got != tc.want {
			t.Errorf("render(%+v) = %q, %v; want %q", tc.step, got, err, tc.want)
		}
	}
}

func TestRenderRefusesWhatCannotReadBack(t *testing.T) {
	for name, st := range map[string]steps.Step{
		"both quotes":      expect(steps.PageContains, `it's "odd"`),
		"empty text":       expect(steps.PageContains, " "),
		"two lines":        typeInto("a\nb", &steps.Target{Text: "Name", Role: steps.Field}),
		"URL with a space": navigate("/a b"),
		"no target":        click(nil),
		"half a second":    {Kind: steps.Wait, Duration: 500 * time.Millisecond},
		"unknown template": typeInto("{{nope}}", &steps.Target{Text: "Name", Role: steps.Field}),
	} {
		if line, err := render(st); err == nil {
			t.Errorf("%s: render wrote %q, want an error", name, line)
		}
	}
}

func TestFragment(t *testing.T) {
	for _, tc := range []struct {
		in   string
		most int
		want string
	}{
		{"Welcome aboard!", 80, "Welcome aboard!"},
		{"  many   spaces\there ", 80, "many spaces here"},
		{`He said "it's fine" today`, 80, "He said"},
		{"Total: {{price}} due", 80, "Total:"},
		{"one two three four five six", 14, "one two three"},
		{"x", 80, ""},
	} {
		if got := fragment(tc.in, tc.most); got != tc.want {
			t.Errorf("fragment(%q, %d) = %q, want %q", tc.in, tc.most, got, tc.want)
		}
	}
}
