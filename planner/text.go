package planner

import (
	"fmt"
	"strings"
)

// count writes "1 page", "3 pages", "2 checkboxes".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	for _, end := range []string{"x", "s", "ch", "sh"} {
		if strings.HasSuffix(noun, end) {
			return fmt.Sprintf("%d %ses", n, noun) // checkboxes
		}
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// clip shortens text to most runes, marking the cut.
func clip(s string, most int) string {
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return string(r[:most]) + "…"
}

// sentenceList joins items as "a, b and c".
func sentenceList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// lowerFirst writes a label inside a sentence: "Log in" → "log in", but
// leaves names such as "API keys" alone.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && !(r[1] >= 'A' && r[1] <= 'Z') {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// quotable reports a name a step can quote: one line, not too long, no
// template braces, not both kinds of quotes.
func quotable(name string) bool {
	_, err := quote(name)
	return err == nil && len(name) <= 120 && !strings.Contains(name, "{{")
}
