package steps

import (
	"strconv"
	"strings"
)

const (
	targetLabel = "a target"
	nameLabel   = "a name in quotes"
)

// targetRules narrow what a target may look like where it stands.
type targetRules struct {
	role   Role // the role the target must have; AnyRole for none
	plural bool // after a count: role words may be plural, and no "the" or ordinal
}

// longestNamedTarget is the most words a named target can have:
// the 2nd "Delete" text box in the "Buy milk" list item, with room to spare.
const longestNamedTarget = 12

// target matches the element a step acts on: a selector, or
// [the] [ordinal] [role] "name" [role].
func target(slot string, rules targetRules) part {
	return func(m *matcher, pos int, next func(int) bool) bool {
		if pos >= len(m.toks) {
			m.fail(pos, targetLabel)
			return false
		}
		if !rules.plural && isSelectorStart(m.toks[pos]) {
			return selectorSpans(m, slot, pos, next)
		}
		last := min(len(m.toks), pos+longestNamedTarget)
		for end := pos + 1; end <= last; end++ {
			t, at, want := namedTarget(m.toks[pos:end], rules)
			if t == nil {
				// A span that merely stopped short is not an error: a longer one may fit.
				if want != "" && (pos+at < end || end == len(m.toks)) {
					if at == 0 {
						want = targetLabel
					}
					m.fail(pos+at, want)
				}
				continue
			}
			if m.keep(slot, t, end, next) {
				return true
			}
		}
		return false
	}
}

// selectorSpans tries the selector starting at pos with ever more words, as
// selectors may hold spaces (css=form > button).
func selectorSpans(m *matcher, slot string, pos int, next func(int) bool) bool {
	for end := pos + 1; end <= len(m.toks); end++ {
		t := selectorTarget(m.line[m.toks[pos].start:m.toks[end-1].end])
		if t == nil {
			m.fail(pos, targetLabel)
			continue
		}
		if m.keep(slot, t, end, next) {
			return true
		}
	}
	return false
}

func isSelectorStart(t token) bool {
	if t.quoted {
		return false
	}
	return strings.HasPrefix(t.word, "css=") || strings.HasPrefix(t.word, "xpath=") ||
		strings.HasPrefix(t.text, "//") || strings.ContainsAny(t.text[:1], "#.[")
}

// selectorTarget reads css=…, xpath=…, //… as XPath, or #… .… […] as CSS. A
// selector after css= or xpath= may be quoted as a whole.
func selectorTarget(raw string) *Target {
	lower := strings.ToLower(raw)
	switch {
	case strings.HasPrefix(lower, "css="):
		if s := unquote(strings.TrimSpace(raw[len("css="):])); s != "" {
			return &Target{CSS: s}
		}
	case strings.HasPrefix(lower, "xpath="):
		if s := unquote(strings.TrimSpace(raw[len("xpath="):])); s != "" {
			return &Target{XPath: s}
		}
	case strings.HasPrefix(raw, "//"):
		return &Target{XPath: raw}
	default:
		return &Target{CSS: raw}
	}
	return nil
}

// unquote strips one pair of matching quotes around s.
func unquote(s string) string {
	for start, end := range closers {
		o, c := string(start), string(end)
		if len(s) >= len(o)+len(c) && strings.HasPrefix(s, o) && strings.HasSuffix(s, c) {
			return s[len(o) : len(s)-len(c)]
		}
	}
	return s
}

// namedTarget reads a target that is not a selector from span:
//
//	[the] [ordinal] [role] "name" [role] [scope]
//	[the] [ordinal] role [containing "text"] [scope]
//	the focused field|element
//
// When the span does not fit it returns the index of the first token that
// does not and what was wanted there; want is "" when the span is merely
// too long.
func namedTarget(span []token, rules targetRules) (t *Target, at int, want string) {
	t = &Target{}
	i := 0
	determined := rules.plural // "the", an ordinal or a count before a role-only target
	if !rules.plural {
		if wordAt(span, i) == "the" {
			i++
			determined = true
		}
		if n, ok := ordinal(wordAt(span, i)); ok {
			t.Nth = n
			i++
			determined = true
		}
		if wordAt(span, i) == "focused" {
			return focusedTarget(span, i+1, rules)
		}
	}
	roleFirst := false
	if r, n, ok := roleAt(span, i, rules.plural); ok {
		t.Role, roleFirst = r, true
		i += n
	}
	switch {
	case roleFirst && wordAt(span, i) == "containing":
		i++
		if i >= len(span) || !(span[i].quoted || isTemplateWord(span[i])) {
			return nil, i, nameLabel
		}
		t.Text, t.Containing = span[i].text, true
		i++
	case i < len(span) && (span[i].quoted || isTemplateWord(span[i])):
		t.Text = span[i].text
		i++
		if r, n, ok := roleAt(span, i, rules.plural); ok && !roleFirst {
			t.Role = r
			i += n
		}
	case roleFirst && t.Role != AnyRole && determined:
		// role only: "the 2nd checkbox", "there are 3 checkboxes"
	case roleFirst && i == len(span):
		return nil, i, `"containing" or ` + nameLabel
	default:
		return nil, i, nameLabel
	}
	if i < len(span) {
		sc, n, scopeWant := scopeAt(span, i)
		if sc == nil {
			return nil, i + n, scopeWant
		}
		t.Scope = sc
		i += n
	}
	if i < len(span) {
		return nil, i, ""
	}
	if rules.role != AnyRole && t.Role != rules.role {
		return nil, i, `"` + string(rules.role) + `"`
	}
	return t, 0, ""
}

// focusedTarget reads the rest of "the focused field|element" from i.
func focusedTarget(span []token, i int, rules targetRules) (*Target, int, string) {
	r, n, ok := roleAt(span, i, false)
	if !ok || (r != Field && r != AnyRole) {
		return nil, i, `"field" or "element"`
	}
	i += n
	if i < len(span) {
		return nil, i, ""
	}
	if rules.role != AnyRole && r != rules.role {
		return nil, i, `"` + string(rules.role) + `"`
	}
	return &Target{Focused: true, Role: r}, 0, ""
}

// scopeWords name the containers a scope may name, two-word names first.
var scopeWords = []struct {
	words string
	kind  ScopeKind
}{
	{"list item", ItemScope}, {"listitem", ItemScope}, {"item", ItemScope},
	{"row", RowScope}, {"card", CardScope}, {"dialog", DialogScope}, {"modal", DialogScope},
	{"section", SectionScope}, {"form", SectionScope}, {"panel", SectionScope},
}

const scopeLabel = `a container such as the "<name>" item, row, card, dialog or section`

// scopeAt reads `in [the] ["name"] item|row|card|dialog|section` at span[i]
// and returns how many tokens it took; on a mismatch it returns how far it
// got and what was wanted there.
func scopeAt(span []token, i int) (*Scope, int, string) {
	start := i
	switch wordAt(span, i) {
	case "in", "inside", "within":
		i++
	default:
		return nil, 0, ""
	}
	if wordAt(span, i) == "the" {
		i++
	}
	sc := &Scope{}
	if i < len(span) && (span[i].quoted || isTemplateWord(span[i])) {
		sc.Text = span[i].text
		i++
	}
	for _, sw := range scopeWords {
		if n, ok := wordsAt(span, i, sw.words); ok {
			sc.Kind = sw.kind
			return sc, i + n - start, ""
		}
	}
	return nil, i - start, scopeLabel
}

func wordAt(span []token, i int) string {
	if i < len(span) {
		return span[i].word
	}
	return ""
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
	"sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"last": LastMatch,
}

// ordinal reads first…tenth, last, or 1st, 2nd, 3rd, 4th… (any suffix, so a
// slip like "2th" still counts).
func ordinal(w string) (int, bool) {
	if n, ok := ordinalWords[w]; ok {
		return n, true
	}
	if len(w) < 3 {
		return 0, false
	}
	switch w[len(w)-2:] {
	case "st", "nd", "rd", "th":
		n, err := strconv.Atoi(w[:len(w)-2])
		return n, err == nil && n >= 1 && w[0] != '+'
	}
	return 0, false
}

// roleWord is a word, or two, that names a role.
type roleWord struct {
	words  string
	role   Role
	plural bool
}

// roleWords lists two-word names first so that "text box" wins over "text".
var roleWords = []roleWord{
	{"radio button", Radio, false}, {"radio buttons", Radio, true},
	{"text box", Field, false}, {"text boxes", Field, true},
	{"text field", Field, false}, {"text fields", Field, true},
	{"check box", Checkbox, false}, {"check boxes", Checkbox, true},
	{"select box", Dropdown, false}, {"select boxes", Dropdown, true},
	{"field", Field, false}, {"fields", Field, true},
	{"input", Field, false}, {"inputs", Field, true},
	{"box", Field, false}, {"boxes", Field, true},
	{"textbox", Field, false}, {"textboxes", Field, true},
	{"textarea", Field, false}, {"textareas", Field, true},
	{"button", Button, false}, {"buttons", Button, true},
	{"link", Link, false}, {"links", Link, true},
	{"checkbox", Checkbox, false}, {"checkboxes", Checkbox, true},
	{"dropdown", Dropdown, false}, {"dropdowns", Dropdown, true},
	{"drop-down", Dropdown, false}, {"drop-downs", Dropdown, true},
	{"select", Dropdown, false}, {"selects", Dropdown, true},
	{"combobox", Dropdown, false}, {"comboboxes", Dropdown, true},
	{"radio", Radio, false}, {"radios", Radio, true},
	{"element", AnyRole, false}, {"elements", AnyRole, true},
}

// roleAt reads a role word at span[i]. Singular words are always allowed, so
// that "there is 1 "Delete" button" reads as well as the plural.
func roleAt(span []token, i int, plural bool) (Role, int, bool) {
	for _, rw := range roleWords {
		if rw.plural && !plural {
			continue
		}
		if n, ok := wordsAt(span, i, rw.words); ok {
			return rw.role, n, true
		}
	}
	return AnyRole, 0, false
}

// Ordinal writes n as the step language's ordinal, the form ordinal reads:
// 1st, 2nd, 3rd, 4th, 11th, 21st…
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// wordsAt reports whether span holds the space-separated words from i on,
// and how many tokens they take.
func wordsAt(span []token, i int, words string) (int, bool) {
	ws := strings.Fields(words)
	if i+len(ws) > len(span) {
		return 0, false
	}
	for k, w := range ws {
		if span[i+k].word != w {
			return 0, false
		}
	}
	return len(ws), true
}
