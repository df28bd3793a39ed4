package steps

import (
	"fmt"
	"strings"
)

// LineError is why one line of instructions is not a step.
type LineError struct {
	Line       int    // 1-based; 0 when the error is about the instructions as a whole
	Source     string // the line as written, trimmed
	Reason     string // what is wrong, in plain words
	Suggestion string // the nearest valid form, e.g. type "<text>" into <target>
}

func (e LineError) Error() string {
	s := e.Reason
	if e.Line > 0 {
		s = fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	if e.Suggestion != "" {
		s += " (try: " + e.Suggestion + ")"
	}
	return s
}

// Errors lists every line that did not parse, in line order.
type Errors struct {
	Lines []LineError
}

func (e *Errors) Error() string {
	msgs := make([]string, len(e.Lines))
	for i, l := range e.Lines {
		msgs[i] = l.Error()
	}
	return strings.Join(msgs, "; ")
}

// Err returns e as an error, and a nil error for a nil *Errors, so that a
// caller can return it without making a non-nil interface of a nil pointer.
func (e *Errors) Err() error {
	if e == nil {
		return nil
	}
	return e
}

// invalidStep is a step that has the right shape but a wrong value: a
// javascript: URL, an unknown key, a wait too long.
type invalidStep struct {
	reason     string
	suggestion string // "" to use the form's model line
}

func (e *invalidStep) Error() string { return e.reason }

func invalid(reason, suggestion string) error {
	return &invalidStep{reason: reason, suggestion: suggestion}
}

// mostLabels caps how many expectations an error lists.
const mostLabels = 6

// describeMismatch says in words why a step stopped matching at far, given
// what would have matched there.
func describeMismatch(toks []token, far int, expected []string) string {
	after := ""
	if far > 0 {
		after = " after " + show(toks[far-1])
	}
	if far >= len(toks) {
		if len(expected) == 1 || expected[0] == targetLabel {
			return expected[0] + " is missing" + after
		}
		return "the step stops too early" + after + ": expected " + orList(expected)
	}
	found := toks[far]
	if len(expected) == 1 && expected[0] == endLabel {
		return "unexpected " + show(found) + after
	}
	reason := "expected " + orList(expected) + after + ", found " + show(found)
	if !found.quoted && wantsQuotes(expected) {
		reason += `; names and text go in quotes, as in "Sign in"`
	}
	return reason
}

func wantsQuotes(expected []string) bool {
	for _, e := range expected {
		if e == targetLabel || e == nameLabel || strings.Contains(e, "in quotes") {
			return true
		}
	}
	return false
}

// orList joins labels as `a, b or c`, eliding past mostLabels.
func orList(labels []string) string {
	if len(labels) > mostLabels {
		return strings.Join(labels[:mostLabels], ", ") + ", …"
	}
	if len(labels) == 1 {
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1]
}
