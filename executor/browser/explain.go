package browser

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

// Failure messages name what was looked for and what the page had instead:
//
//	no visible, enabled button named "Sign in" after 10s; the page has buttons "Log in", "Sign up"

// maxNearby is how many alternatives a failure lists.
const maxNearby = 5

func noun(role string) string {
	switch role {
	case "":
		return "element"
	case "select":
		return "dropdown"
	case "checkable":
		return "checkbox or radio button"
	case "radio":
		return "radio button"
	}
	return role
}

func plural(noun string) string {
	switch noun {
	case "checkbox":
		return "checkboxes"
	case "checkbox or radio button":
		return "checkboxes or radio buttons"
	case "checkbox or radio button without a name":
		return "checkboxes or radio buttons without a name"
	case "text":
		return "texts"
	}
	return noun + "s"
}

// targetPhrase is how a failure names the target: `button named "Sign in"`,
// `checkbox in the "Buy milk" item`, `element matching css=#save`.
func targetPhrase(q query) string {
	n := noun(q.Role)
	var phrase string
	switch {
	case q.CSS != "":
		return "element matching css=" + q.CSS
	case q.XPath != "":
		return "element matching xpath=" + q.XPath
	case q.Focused:
		return "focused " + n
	case q.Text == "":
		phrase = n
	case q.Containing:
		phrase = fmt.Sprintf("%s containing %q", n, q.Text)
	default:
		phrase = fmt.Sprintf("%s named %q", n, q.Text)
	}
	return phrase + scopePhrase(q.Scope)
}

// scopePhrase is ` in the "Buy milk" item`, or "" without a scope.
func scopePhrase(sc *scopeQuery) string {
	switch {
	case sc == nil:
		return ""
	case sc.Text == "":
		return " in the " + sc.Kind
	}
	return fmt.Sprintf(" in the %q %s", sc.Text, sc.Kind)
}

func withOrdinal(q query, phrase string) string {
	switch {
	case q.Nth == steps.LastMatch:
		return "last " + phrase
	case q.Nth > 1:
		return steps.Ordinal(q.Nth) + " " + phrase
	}
	return phrase
}

// missing says what a report lacked, without the time or the alternatives.
func missing(q query, r report) string {
	switch r.Problem {
	case "too few":
		n := noun(q.Role)
		if r.Count != 1 {
			n = plural(n)
		}
		what := fmt.Sprintf("%d %s", r.Count, n)
		if q.CSS == "" && q.XPath == "" && q.Text != "" {
			what += fmt.Sprintf(" named %q", q.Text)
		}
		return fmt.Sprintf("there is no %s %s, only %s%s", steps.Ordinal(q.Nth), noun(q.Role), what, scopePhrase(q.Scope))
	case "hidden":
		return "the " + r.Desc + " is hidden"
	case "disabled":
		return "the " + r.Desc + " is disabled"
	case "readonly":
		return "the " + r.Desc + " is read-only"
	case "moving":
		return "the " + r.Desc + " is not stable (it kept moving)"
	case "covered":
		if r.Cover != "something else" {
			return fmt.Sprintf("the %s is covered by %s at (%d, %d)", r.Desc, r.Cover, int(r.X), int(r.Y))
		}
		return "the " + r.Desc + " is covered by something else"
	case "outside":
		return "the " + r.Desc + " is outside the viewport"
	}
	qualifier := "visible "
	switch {
	case q.Need == needAct && q.Enabled:
		qualifier = "visible, enabled "
	case q.Need == needPresent:
		qualifier = ""
	}
	return "no " + withOrdinal(q, qualifier+targetPhrase(q))
}

// alternatives lists the closest names the page had, for a target not found.
func alternatives(q query, r report) string {
	if r.Problem != "missing" || q.CSS != "" || q.XPath != "" {
		return ""
	}
	hint := unnamedHint(q, r.Unnamed)
	if len(r.Nearby) == 0 {
		if hint != "" {
			return hint
		}
		if q.Role == "" {
			return "; the page shows nothing similar"
		}
		return "; the page has no visible " + plural(noun(q.Role))
	}
	best := closest(q.Text, r.Nearby, maxNearby)
	names := make([]string, 0, len(best))
	for _, c := range best {
		var notes []string
		if q.Role == "" {
			notes = append(notes, c.Role)
		}
		if c.Disabled {
			notes = append(notes, "disabled")
		}
		name := strconv.Quote(c.Name)
		if len(notes) > 0 {
			name += " (" + strings.Join(notes, ", ") + ")"
		}
		names = append(names, name)
	}
	if q.Role != "" {
		n := noun(q.Role)
		if len(best) != 1 {
			n = plural(n)
		}
		return "; the page has " + n + " " + strings.Join(names, ", ") + hint
	}
	return "; the page has " + strings.Join(names, ", ") + hint
}

// unnamedHint tells of visible elements without a name, which no name can
// reach: "; 2 visible checkboxes without a name; use the checkbox in the "Buy milk" item".
func unnamedHint(q query, list []unnamed) string {
	var b strings.Builder
	for _, u := range list {
		if u.Noun == "" || (q.Role == "" && u.Noun == "text") {
			continue
		}
		n := u.Noun
		if u.Count != 1 {
			n = plural(n)
		}
		fmt.Fprintf(&b, "; %d visible %s without a name", u.Count, n)
		if u.Scope != "" {
			b.WriteString("; use " + u.Scope)
		} else {
			fmt.Fprintf(&b, "; use the 1st %s", u.Noun)
		}
	}
	return b.String()
}

// notFound is the whole message for a target that never became ready.
func notFound(q query, r report, timeout time.Duration) string {
	return missing(q, r) + " after " + roundDuration(timeout) + alternatives(q, r)
}

func roundDuration(d time.Duration) string {
	if d >= time.Second {
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// clip shortens page text quoted in a message.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// quoteList renders up to n strings as "a", "b", … for a message.
func quoteList(list []string, n int) string {
	if len(list) == 0 {
		return "none"
	}
	out := make([]string, 0, min(len(list), n)+1)
	for i, s := range list {
		if i == n {
			out = append(out, fmt.Sprintf("and %d more", len(list)-n))
			break
		}
		out = append(out, strconv.Quote(s))
	}
	return strings.Join(out, ", ")
}
