package planner

import (
	"fmt"
	"strings"
)

// outlineApp tells the model what trying the start page's controls found:
// the controls, each trial and what it changed, and the steps that did it,
// already in the step language.
func outlineApp(b *strings.Builder, rec *appRecord) {
	if rec == nil || (len(rec.notes) == 0 && len(rec.trials) == 0) {
		return
	}
	c := rec.initial
	b.WriteString("\nTrying the start page's controls as a person would (each trial from a fresh page):\n")
	var names []string
	for _, f := range c.Fields {
		names = append(names, fmt.Sprintf("field %q", f.Name()))
	}
	for _, ch := range visibleOnly(c.Checks) {
		names = append(names, fmt.Sprintf("checkbox %q", ch.Name()))
	}
	for _, bt := range visibleOnly(c.Button) {
		names = append(names, fmt.Sprintf("button %q", bt.Name()))
	}
	if len(names) > 0 {
		fmt.Fprintf(b, "  controls at first: %s\n", strings.Join(names, ", "))
	}
	for _, n := range rec.notes {
		fmt.Fprintf(b, "  - %s\n", n)
	}
	for _, f := range proposeForApp(rec) {
		fmt.Fprintf(b, "  steps that did %q:\n    %s\n", f.name, strings.Join(f.lines, "\n    "))
	}
}
