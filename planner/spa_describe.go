package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/testing-agent/backend/executor/steps"
)

// describeAct writes an act as the steps say it: "Hover over "Buy milk",
// then click the "×" button in the "Buy milk" item".
func describeAct(act []steps.Step) string {
	var parts []string
	for _, st := range act {
		if line, err := render(st); err == nil {
			parts = append(parts, line)
		}
	}
	s := strings.Join(parts, ", then ")
	if s == "" {
		return "The action"
	}
	for i, part := range parts {
		if i > 0 {
			s = strings.Replace(s, part, lowerFirst(part), 1)
		}
	}
	return s
}

// effectSummary says what an effect was, for a log line: ": added "Buy
// milk"; "1 item left" appeared".
func effectSummary(e effect) string {
	var parts []string
	add := func(label string, list []string) {
		if len(list) > 0 {
			parts = append(parts, label+" "+quotedList(list))
		}
	}
	add("added", e.added)
	add("removed", e.removed)
	add("hid", e.hidden)
	add("showed", e.shown)
	add("checked", e.checked)
	add("unchecked", e.unchecked)
	add("now shows", append(slices.Clone(e.texts), e.lines...))
	add("showed the button", e.buttons)
	if e.url != "" {
		parts = append(parts, "moved to "+e.url)
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, "; ")
}

func quotedList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return sentenceList(q)
}
