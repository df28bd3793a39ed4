package planner

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// entryFields are the text fields that may add entries: visible, outside
// any form with a submit button (those are tried as forms), named; those
// the prompt names first.
func entryFields(c browser.AppControls, topics []string) []browser.AppControl {
	var out []browser.AppControl
	for _, f := range c.Fields {
		if f.InForm || !f.Visible || f.Scope == "item" || f.Name() == "" || !quotable(f.Name()) {
			continue
		}
		switch f.Kind {
		case "number", "email", "url", "tel":
			continue
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b browser.AppControl) int { return mentions(topics, b.Name()) - mentions(topics, a.Name()) })
	return out[:min(len(out), mostEntryFields)]
}

// mentions counts the prompt's words in a control's name.
func mentions(topics []string, name string) int {
	n := 0
	name = squash(name)
	for _, t := range topics {
		if len(t) >= 3 && strings.Contains(name, t) {
			n++
		}
	}
	return n
}

// tryEntryField types two entries into a field, sending each with Enter,
// else with the page's button that reads as adding ("Add", "+", "Save").
func (p *Planner) tryEntryField(ctx context.Context, base string, rec *appRecord, f browser.AppControl, pr *progress) (browser.AppControls, bool) {
	field := &steps.Target{Text: f.Name(), Role: steps.Field}
	sends := []steps.Step{press("Enter")}
	if b := addButton(rec.initial); b != nil {
		sends = append(sends, click(b))
	}
	for _, send := range sends {
		how := "pressing Enter"
		if send.Kind == steps.Click {
			phrase, _ := targetPhrase(send.Target)
			how = "clicking " + phrase
		}
		add := func(v string) []steps.Step { return []steps.Step{typeInto(v, field), send} }
		pr.info(ctx, fmt.Sprintf("Trying the %q field: type an entry and add it by %s, twice", f.Name(), how), nil)
		_, seen, err := p.runTrial(ctx, base, true, []steps.Step{rec.open}, add(entryValues[0]), add(entryValues[1]))
		if err != nil || len(seen) < 2 {
			rec.note(ctx, pr, fmt.Sprintf("Typing into the %q field and %s could not be tried: %v", f.Name(), how, err))
			continue
		}
		eff := diff(seen[0].before, seen[1].after, entryValues[:2])
		t := &appTrial{setup: []steps.Step{rec.open}, act: append(add(entryValues[0]), add(entryValues[1])...), eff: eff, after: seen[1].after, control: f.Name()}
		switch {
		case slices.Contains(eff.added, entryValues[0]) && slices.Contains(eff.added, entryValues[1]):
			t.class = classAdd
			rec.trials = append(rec.trials, t)
			rec.entry, rec.send = field, send
			rec.note(ctx, pr, fmt.Sprintf("Typing %q into the %q field and %s added it to the page%s", entryValues[0], f.Name(), how, effectSummary(eff)))
			return seen[1].after, true
		case !eff.empty():
			t.class = classOther
			rec.trials = append(rec.trials, t)
			rec.note(ctx, pr, fmt.Sprintf("Typing into the %q field and %s changed the page%s", f.Name(), how, effectSummary(eff)))
			return browser.AppControls{}, false
		default:
			rec.note(ctx, pr, fmt.Sprintf("Typing into the %q field and %s changed nothing visible", f.Name(), how))
		}
	}
	return browser.AppControls{}, false
}

// addWords are the names of buttons that add what a field holds.
var addWords = regexp.MustCompile(`(?i)^\s*(\+|add|create|new|save|post|insert|submit)\b|^\+$`)

// addButton is the page's first button outside forms and lists whose name
// reads as adding, with a target the runner resolves; nil when none.
func addButton(c browser.AppControls) *steps.Target {
	for _, b := range c.Button {
		if b.Visible && !b.InForm && b.Scope != "item" && b.Target != nil && addWords.MatchString(b.Name()) {
			return b.Target
		}
	}
	return nil
}

// entryTrials plans the trials of what the first of two entries offers:
// its checkbox (tick, nil when it has none), its buttons shown or shown on
// hover, double-clicking it to edit.
func entryTrials(rec *appRecord, c browser.AppControls) (out []*appTrial, tick *appTrial) {
	first := entryValues[0]
	two := rec.entrySetup()
	entries := entryValues[:2]
	trial := func(control string, act ...steps.Step) *appTrial {
		t := &appTrial{control: control, setup: two, act: act, entries: entries}
		out = append(out, t)
		return t
	}
	if box := checkIn(c, first); box != nil {
		tick = trial("checkbox", checkBox(&steps.Target{Role: steps.Checkbox, Scope: scopeOf(*box, first)}))
		tick.targets = true
	}
	n := 0
	for _, b := range c.Button {
		if !labelled(b.Item, first) || n >= mostEntryControls {
			continue
		}
		n++
		target := &steps.Target{Role: steps.Button, Scope: scopeOf(b, first)}
		if name := stepName(b.Name()); name != "" && quotable(name) {
			target.Text = name
		}
		act := []steps.Step{click(target)}
		if !b.Visible {
			act = append([]steps.Step{{Kind: steps.Hover, Target: &steps.Target{Text: first}}}, act...)
		}
		trial(b.Name(), act...)
	}
	trial(first, steps.Step{Kind: steps.Click, Click: steps.DoubleClick, Target: &steps.Target{Text: first}}).class = classEdit
	return out, tick
}

// checkIn is the checkbox of the entry item; nil when it has none.
func checkIn(c browser.AppControls, item string) *browser.AppControl {
	for i, ch := range c.Checks {
		if labelled(ch.Item, item) {
			return &c.Checks[i]
		}
	}
	return nil
}

// scopeOf is how a step reaches a control of the entry: in its list item
// or row, else in the container holding it ("in the "Buy milk" card").
func scopeOf(c browser.AppControl, entry string) *steps.Scope {
	if c.Scope == "card" {
		return &steps.Scope{Text: entry, Kind: steps.CardScope}
	}
	return &steps.Scope{Text: entry, Kind: steps.ItemScope}
}
