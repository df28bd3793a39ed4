package planner

import (
	"fmt"
	"slices"

	"github.com/testing-agent/backend/executor/steps"
)

// mostCountChecks bounds the count lines ("1 item left") one flow expects.
const mostCountChecks = 2

// proposeForApp writes a flow for each trial that did something: the
// steps exploring performed, then checks of what they changed.
func proposeForApp(rec *appRecord) []proposal {
	if rec == nil {
		return nil
	}
	var out []proposal
	for _, t := range rec.trials {
		if f, ok := appFlow(t); ok {
			out = append(out, f)
		}
	}
	return out
}

func appFlow(t *appTrial) (proposal, bool) {
	b := builder{}
	for _, st := range t.setup {
		b.add(st)
	}
	for _, st := range t.act {
		b.add(st)
	}
	checks := appChecks(t)
	if len(checks) == 0 {
		return proposal{}, false
	}
	for _, c := range checks {
		b.maybe(c)
	}
	if b.err != nil || len(b.lines) == len(t.setup)+len(t.act) {
		return proposal{}, false
	}
	name, what := appFlowName(t)
	desc := fmt.Sprintf("%s. Exploring did exactly this: %s%s; the flow checks that.", what, lowerFirst(describeAct(t.act)), effectSummary(t.eff))
	if t.class == classPersist {
		desc = fmt.Sprintf("%s. Exploring reloaded the app and it kept %s; the flow checks that.", what, quotedList(visibleEntries(t.after, entryValues[:])))
	}
	return proposal{name: name, description: desc, lines: b.lines, kind: "app", class: t.class, control: t.control}, true
}

// appChecks are the assertions on what a trial changed.
func appChecks(t *appTrial) []steps.Step {
	var out []steps.Step
	e := t.eff
	entry := func(v string) *steps.Target { return &steps.Target{Text: v} }
	box := func(v string) *steps.Target {
		in := &steps.Scope{Text: v, Kind: steps.ItemScope}
		if c := checkIn(t.after, v); c != nil {
			in = scopeOf(*c, v)
		}
		return &steps.Target{Role: steps.Checkbox, Scope: in}
	}
	if t.class == classPersist {
		for _, v := range visibleEntries(t.after, entryValues[:]) {
			out = append(out, expectOn(steps.IsVisible, entry(v), ""))
			if s := entryState(t.after, v); s.hasCheck && s.checked {
				out = append(out, expectOn(steps.IsChecked, box(v), ""))
			}
		}
		return append(out, countChecks(t.after.Texts, mostCountChecks)...)
	}
	for _, v := range e.added {
		out = append(out, expectOn(steps.IsVisible, entry(v), ""))
	}
	for _, v := range e.removed {
		if t.class == classFilter {
			out = append(out, expectOn(steps.IsHidden, entry(v), "")) // filtered out, not gone
		} else {
			out = append(out, expect(steps.PageNotContains, v))
		}
	}
	for _, v := range e.hidden {
		out = append(out, expectOn(steps.IsHidden, entry(v), ""))
	}
	for _, v := range e.shown {
		out = append(out, expectOn(steps.IsVisible, entry(v), ""))
	}
	for _, v := range e.checked {
		out = append(out, expectOn(steps.IsChecked, box(v), ""))
	}
	for _, v := range e.unchecked {
		out = append(out, expectOn(steps.IsUnchecked, box(v), ""))
	}
	if len(out) > 0 {
		// The entries the action left alone are still shown: a filter or a
		// removal that hid everything would pass the checks above.
		for _, v := range visibleEntries(t.after, t.entries) {
			if !slices.Contains(e.added, v) && !slices.Contains(e.shown, v) {
				out = append(out, expectOn(steps.IsVisible, entry(v), ""))
			}
		}
	}
	out = append(out, countChecks(e.texts, mostCountChecks)...)
	if len(e.lines) > 0 && len(out) == 0 {
		// Only when nothing else shows the action worked: a message or
		// panel it revealed.
		out = append(out, expect(steps.PageContains, e.lines[0]))
	}
	if len(e.buttons) > 0 {
		out = append(out, expectOn(steps.IsVisible, &steps.Target{Text: e.buttons[0], Role: steps.Button}, ""))
	}
	if e.url != "" {
		out = append(out, expect(steps.URLContains, e.url))
	}
	return out
}

// countChecks expects the first few count lines of texts.
func countChecks(texts []string, most int) []steps.Step {
	var out []steps.Step
	for _, t := range texts {
		if len(out) < most && countLike(t, entryValues[:]) {
			out = append(out, expect(steps.PageContains, t))
		}
	}
	return out
}

// appFlowName names a flow by what it does, and says it in a sentence.
func appFlowName(t *appTrial) (name, what string) {
	first := entryValues[0]
	from := startState(t)
	switch t.class {
	case classAdd:
		return fmt.Sprintf("Add entries in the %q field", t.control),
			fmt.Sprintf("Adds %q and %q by typing each into the %q field", first, entryValues[1], t.control)
	case classCheck:
		return fmt.Sprintf("Check off %q with its checkbox", first), from + fmt.Sprintf(" and checks the checkbox of %q", first)
	case classCheckAll:
		return fmt.Sprintf("Checking %s checks every entry", t.phrase), from + " and checks " + t.phrase
	case classRemove:
		return fmt.Sprintf("Remove %q with the button in its item", first), from + fmt.Sprintf(" and removes %q with the button in its item", first)
	case classEdit:
		return fmt.Sprintf("Edit %q by double-clicking it", first),
			from + fmt.Sprintf(", double-clicks %q, types %q and presses Enter", first, entryValues[2])
	case classFilter:
		return fmt.Sprintf("Following %s filters the entries", t.phrase), from + " and follows " + t.phrase
	case classClear:
		return fmt.Sprintf("Clicking %s removes %s", t.phrase, quotedList(t.eff.removed)), from + " and clicks " + t.phrase
	case classPersist:
		return "Entries and their state survive a reload", from + " and reloads the page"
	}
	if len(t.eff.lines) > 0 {
		return fmt.Sprintf("%s shows %q", describeAct(t.act), clip(t.eff.lines[0], 60)), from + " and acts on it"
	}
	return fmt.Sprintf("%s changes the page", describeAct(t.act)), from + " and acts on it"
}

// startState says what a flow does before the act it tests.
func startState(t *appTrial) string {
	var checked []string
	for _, st := range t.setup {
		if st.Kind == steps.Check && st.Target != nil && st.Target.Scope != nil {
			checked = append(checked, st.Target.Scope.Text)
		}
	}
	switch {
	case len(t.entries) == 0:
		return "Opens the app"
	case len(checked) > 0:
		return fmt.Sprintf("Adds %s, checks %s", quotedList(t.entries), quotedList(checked))
	}
	return "Adds " + quotedList(t.entries)
}
