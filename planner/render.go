package planner

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

// render writes a step as a line of the step language and proves it: the
// line must parse back to the same step, so a name with odd quotes or a
// selector the parser reads differently never reaches a flow.
func render(st steps.Step) (string, error) {
	line, err := write(st)
	if err != nil {
		return "", err
	}
	parsed, errs := steps.Parse(line)
	if errs != nil {
		return "", fmt.Errorf("%q does not parse: %w", line, errs)
	}
	if len(parsed) != 1 || !sameStep(parsed[0], st) {
		return "", fmt.Errorf("%q does not read back as the step meant", line)
	}
	return line, nil
}

func sameStep(a, b steps.Step) bool {
	a.Line, a.Source, b.Line, b.Source = 0, "", 0, ""
	return reflect.DeepEqual(a, b)
}

func write(st steps.Step) (string, error) {
	switch st.Kind {
	case steps.Navigate:
		if st.URL == "" || strings.ContainsAny(st.URL, " \t\n") {
			return "", errors.New("the URL is empty or has spaces")
		}
		return "Go to " + st.URL, nil
	case steps.Click:
		verb := map[steps.ClickKind]string{steps.SingleClick: "Click ", steps.DoubleClick: "Double-click ", steps.RightClick: "Right-click "}[st.Click]
		if verb == "" {
			return "", fmt.Errorf("no line is written for a %q click", st.Click)
		}
		t, err := targetPhrase(st.Target)
		return verb + t, err
	case steps.Check, steps.Uncheck, steps.Hover:
		verb := map[steps.Kind]string{steps.Check: "Check ", steps.Uncheck: "Uncheck ", steps.Hover: "Hover over "}[st.Kind]
		t, err := targetPhrase(st.Target)
		return verb + t, err
	case steps.Reload:
		return "Reload", nil
	case steps.Dialog:
		if st.Text != "" {
			return "", errors.New("no line is written for answering a prompt")
		}
		if st.Accept {
			return "Accept the dialog", nil
		}
		return "Dismiss the dialog", nil
	case steps.Type:
		return withText("Type %s into %s", st.Text, st.Target)
	case steps.Select:
		return withText("Select %s from %s", st.Text, st.Target)
	case steps.Press:
		if st.Target != nil {
			t, err := targetPhrase(st.Target)
			return "Press " + st.Key + " in " + t, err
		}
		return "Press " + st.Key, nil
	case steps.WaitFor:
		if st.Gone {
			return "", errors.New("no line is written for waiting until a target disappears")
		}
		t, err := targetPhrase(st.Target)
		return "Wait for " + t, err
	case steps.Wait:
		if st.Duration <= 0 || st.Duration%time.Second != 0 {
			return "", fmt.Errorf("a wait of %s is not whole seconds", st.Duration)
		}
		n := int(st.Duration / time.Second)
		if n == 1 {
			return "Wait 1 second", nil
		}
		return fmt.Sprintf("Wait %d seconds", n), nil
	case steps.WaitForURL:
		q, err := quote(st.Text)
		return "Wait for the url to contain " + q, err
	case steps.Assert:
		if st.Assert != nil {
			return writeAssertion(*st.Assert)
		}
	}
	return "", fmt.Errorf("no line is written for a %s step", st.Kind)
}

func withText(format, text string, t *steps.Target) (string, error) {
	q, err := quote(text)
	if err != nil {
		return "", err
	}
	phrase, err := targetPhrase(t)
	return fmt.Sprintf(format, q, phrase), err
}

func writeAssertion(a steps.Assertion) (string, error) {
	simple := map[steps.AssertKind]string{
		steps.PageContains:    "Expect the page contains ",
		steps.PageNotContains: "Expect the page does not contain ",
		steps.TitleContains:   "Expect the title contains ",
		steps.URLContains:     "Expect the url contains ",
	}
	if prefix, ok := simple[a.Kind]; ok {
		q, err := quote(a.Text)
		return prefix + q, err
	}
	switch a.Kind {
	case steps.NoConsoleErrors:
		return "Expect there are no console errors", nil
	case steps.HasValue:
		if a.Text == "" { // an emptied field
			t, err := targetPhrase(a.Target)
			return "Expect " + t + ` has value ""`, err
		}
		return withText("Expect %[2]s has value %[1]s", a.Text, a.Target)
	}
	if state, ok := stateWords[a.Kind]; ok {
		t, err := targetPhrase(a.Target)
		return "Expect " + t + " is " + state, err
	}
	return "", fmt.Errorf("no line is written for a %s assertion", a.Kind)
}

// stateWords are the assertions on a target's state.
var stateWords = map[steps.AssertKind]string{
	steps.IsVisible: "visible", steps.IsHidden: "hidden", steps.IsChecked: "checked", steps.IsUnchecked: "unchecked",
}

var roleWords = map[steps.Role]string{
	steps.Field: " field", steps.Button: " button", steps.Link: " link",
	steps.Checkbox: " checkbox", steps.Dropdown: " dropdown", steps.AnyRole: "",
}

// targetPhrase writes the 2nd "Email" field, the checkbox in the "Buy
// milk" item, the focused field, or css=… for a selector.
func targetPhrase(t *steps.Target) (string, error) {
	switch {
	case t == nil:
		return "", errors.New("the step has no target")
	case t.CSS != "":
		return "css=" + t.CSS, nil
	case t.XPath != "":
		return "xpath=" + t.XPath, nil
	case t.Focused:
		if t.Role != steps.Field || t.Scope != nil {
			return "", errors.New("only the focused field is written")
		}
		return "the focused field", nil
	}
	role, ok := roleWords[t.Role]
	if !ok {
		return "", fmt.Errorf("no role word for %q", t.Role)
	}
	nth := ""
	if t.Nth > 1 {
		nth = steps.Ordinal(t.Nth) + " "
	}
	phrase := ""
	if t.Text == "" {
		if role == "" {
			return "", errors.New("a target needs a name or a role")
		}
		phrase = "the " + nth + strings.TrimPrefix(role, " ")
	} else {
		q, err := quote(t.Text)
		if err != nil {
			return "", err
		}
		phrase = "the " + nth + q + role
		if t.Nth == 0 && t.Role == steps.AnyRole {
			phrase = q // "Buy milk" reads better than the "Buy milk"
		}
	}
	if t.Scope == nil {
		return phrase, nil
	}
	q, err := quote(t.Scope.Text)
	if err != nil {
		return "", err
	}
	return phrase + " in the " + q + " " + string(t.Scope.Kind), nil
}

// quote wraps text in the quotes the step language keeps as written: "…",
// else '…' for text holding double quotes.
func quote(s string) (string, error) {
	switch {
	case strings.TrimSpace(s) == "":
		return "", errors.New("the text is empty")
	case strings.ContainsAny(s, "\n\r"):
		return "", errors.New("the text spans lines")
	case !strings.Contains(s, `"`):
		return `"` + s + `"`, nil
	case !strings.ContainsAny(s, `'’`):
		return "'" + s + "'", nil
	}
	return "", fmt.Errorf("%q holds both kinds of quotes", s)
}

// fragment is the longest run of s a step can quote, for assertions that
// look for a substring anyway ("the page contains"); "" when none is worth it.
func fragment(s string, most int) string {
	s = strings.Join(strings.Fields(s), " ")
	if _, err := quote(s); err != nil || strings.Contains(s, "{{") {
		// Text a step cannot quote, or that would read as a template: keep
		// the longest run between quotes and braces.
		cut := strings.NewReplacer("{{", "\x00", "}}", "\x00").Replace(s)
		best := ""
		for _, part := range strings.FieldsFunc(cut, func(r rune) bool { return strings.ContainsRune("\x00\"'’“”‘", r) }) {
			if part = strings.TrimSpace(part); len(part) > len(best) {
				best = part
			}
		}
		s = best
	}
	if len(s) > most {
		cut := strings.LastIndex(s[:most], " ")
		if cut < most/2 {
			cut = most
		}
		s = strings.TrimRight(strings.ToValidUTF8(s[:cut], ""), " ,;:-")
	}
	if len([]rune(s)) < 2 {
		return ""
	}
	return s
}
