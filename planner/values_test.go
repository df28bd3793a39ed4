package planner

import (
	"strings"
	"testing"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// field makes an outline field with a target named after its label.
func field(kind, label string, edit func(*browser.OutlineField)) browser.OutlineField {
	_, role := browserFieldRole(kind)
	switch kind {
	case "checkbox":
		role = steps.Checkbox
	case "select":
		role = steps.Dropdown
	case "radio":
		role = steps.AnyRole
	}
	f := browser.OutlineField{Kind: kind, Label: label, Valid: true}
	f.Name, f.Target = label, &steps.Target{Text: label, Role: role}
	if edit != nil {
		edit(&f)
	}
	return f
}

func TestFillForm(t *testing.T) {
	form := browser.OutlineForm{Fields: []browser.OutlineField{
		field("email", "Work address", nil),
		field("password", "Password", func(f *browser.OutlineField) { f.Required = true }),
		field("text", "Full name", nil),
		field("text", "Username", nil),
		field("tel", "Phone", nil),
		field("number", "Seats", func(f *browser.OutlineField) { f.Min, f.Max, f.Step = "5", "50", "5" }),
		field("number", "Age", func(f *browser.OutlineField) { f.Min = "18" }),
		field("text", "Postcode", func(f *browser.OutlineField) { f.Pattern = "[0-9]{5}" }),
		field("text", "Code", func(f *browser.OutlineField) { f.Pattern = "[A-Z]{3}"; f.HTMLName = "code" }),
		field("textarea", "Tell us more", func(f *browser.OutlineField) { f.MinLength = 80 }),
		field("text", "Prefilled", func(f *browser.OutlineField) { f.Value = "keep me" }),
		field("date", "Birthday", nil),
		field("checkbox", "I accept the terms", nil),
		field("checkbox", "Send me offers", nil),
		field("checkbox", "Required box", func(f *browser.OutlineField) { f.Required = true }),
		field("radio", "Monthly", func(f *browser.OutlineField) { f.HTMLName, f.Grouped, f.GroupRequired = "plan", true, true }),
		field("radio", "Yearly", func(f *browser.OutlineField) { f.HTMLName, f.Grouped, f.GroupRequired = "plan", true, true }),
		field("select", "Country", func(f *browser.OutlineField) {
			f.Options = []browser.OutlineOption{{Text: "Pick one"}, {Text: "Atlantis", Value: "at", Disabled: true}, {Text: "France", Value: "fr"}}
		}),
		field("text", "Hidden", func(f *browser.OutlineField) { f.Hidden = true }),
		field("file", "Optional file", nil),
	}}
	fills, err := fillForm(form)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range fills {
		line, err := render(f.step)
		if err != nil {
			t.Fatalf("render %+v: %v", f.step, err)
		}
		lines = append(lines, line)
	}
	want := []string{
		`Type "{{random.email}}" into the "Work address" field`,
		`Type "Str0ng-Passw0rd!" into the "Password" field`,
		`Type "Ada Lovelace" into the "Full name" field`,
		`Type "user{{random.string}}" into the "Username" field`,
		`Type "5551234567" into the "Phone" field`,
		`Type "5" into the "Seats" field`,
		`Type "30" into the "Age" field`,
		`Type "12345" into the "Postcode" field`,
		`Type "ABC" into the "Code" field`,
		`Type "Hello, this is a test message sent by the testing agent.xxxxxxxxxxxxxxxxxxxxxxxx" into the "Tell us more" field`,
		`Check the "I accept the terms" checkbox`,
		`Check the "Required box" checkbox`,
		`Check "Monthly"`,
		`Select "France" from the "Country" dropdown`,
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("fill steps:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestFillFormRefuses(t *testing.T) {
	for name, f := range map[string]browser.OutlineField{
		"required file":         field("file", "CV", func(f *browser.OutlineField) { f.Required = true }),
		"required without name": field("text", "Secret", func(f *browser.OutlineField) { f.Required, f.Target = true, nil }),
		"required empty select": field("select", "Size", func(f *browser.OutlineField) { f.Required = true }),
	} {
		if _, err := fillForm(browser.OutlineForm{Fields: []browser.OutlineField{f}}); err == nil {
			t.Errorf("%s: fillForm accepted a form it cannot fill", name)
		}
	}
}

func TestNumberFor(t *testing.T) {
	for _, tc := range []struct{ min, max, step, want string }{
		{"", "", "", "1"},
		{"3", "", "", "3"},
		{"", "0", "", "0"},
		{"", "", "0.25", "1"},
		{"", "", "4", "4"},
		{"10", "20", "3", "10"},
		{"-5", "-1", "", "-1"},
	} {
		f := browser.OutlineField{Kind: "number", Min: tc.min, Max: tc.max, Step: tc.step}
		if got := numberFor(f); got != tc.want {
			t.Errorf("numberFor(min %q max %q step %q) = %s, want %s", tc.min, tc.max, tc.step, got, tc.want)
		}
	}
}

func TestKindOf(t *testing.T) {
	f := func(meanings ...string) []filling {
		var out []filling
		for _, m := range meanings {
			out = append(out, filling{meaning: m})
		}
		return out
	}
	for _, tc := range []struct {
		fills []filling
		want  formKind
	}{
		{f("email", "password"), loginForm},
		{f("username", "password", "consent"), loginForm},
		{f("email", "password", "password", "consent"), accountForm},
		{f("name", "email", "password"), accountForm},
		{f("name", "email", "message"), otherForm},
		{f("search"), otherForm},
	} {
		if got := kindOf(tc.fills); got != tc.want {
			t.Errorf("kindOf(%v) = %v, want %v", tc.fills, got, tc.want)
		}
	}
}
