package planner

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// The entries exploring types into an app: two to have a list to act on,
// a third to replace the first when editing. Plain words a person would
// type, none a part of another, so "the page does not contain" one never
// trips over another.
var entryValues = [3]string{"Buy milk", "Walk the dog", "Read a book"}

// Bounds on interactive exploration.
const (
	mostEntryFields   = 2 // text fields tried as the way to add entries
	mostEntryControls = 3 // buttons of one entry tried
	mostAppControls   = 6 // links, buttons and checkboxes outside the entries tried
	trialsAtOnce      = 2 // trials run side by side, each in its own context
)

// appTrial is one sequence performed during exploration, from opening the
// app, and what it changed.
type appTrial struct {
	class   trialClass
	control string       // the control acted on, by its name
	phrase  string       // the page's own controls: how a step names it (the "Active" link)
	setup   []steps.Step // from opening the app to the state the act starts from
	act     []steps.Step
	eff     effect
	after   browser.AppControls
	entries []string // the entries present when the act started
	targets bool     // check the targets of the state it ends in: trials are planned from it
}

// appRecord is what interactive exploration of the start page found.
type appRecord struct {
	open    steps.Step // how a flow opens the app
	initial browser.AppControls
	entry   *steps.Target // the field that adds entries; nil when none was found
	send    steps.Step    // what adds what the field holds: Enter, or a click on "Add"
	trials  []*appTrial
	notes   []string // what was tried and what it did, for the logs and the LLM
	topics  []string // the prompt's words: controls they name are tried first
}

// trialClass is what an action turned out to do.
type trialClass string

const (
	classAdd      trialClass = "add"       // typing and Enter added an entry
	classCheck    trialClass = "check"     // an entry's checkbox checked it
	classCheckAll trialClass = "check all" // a checkbox outside the entries checked them
	classRemove   trialClass = "remove"    // an entry's button removed it
	classEdit     trialClass = "edit"      // double-clicking an entry let it be retyped
	classFilter   trialClass = "filter"    // a link showed some entries and hid others
	classClear    trialClass = "clear"     // a button outside the entries removed some
	classPersist  trialClass = "persist"   // the entries and their state survived a reload
	classOther    trialClass = "other"     // something else visibly changed
)

// exploreApp tries the start page's controls the way a person would, each
// trial in a fresh incognito context: it looks for a text field that adds
// entries (type, Enter), adds two, then tries what the entries offer
// (checkbox, buttons shown on hover, double-click to edit) and what the
// page offers around them (links, buttons, checkboxes), after checking
// one entry, and reloads to see what persists.
func (p *Planner) exploreApp(ctx context.Context, s *site, prompt string, pr *progress) *appRecord {
	rec := &appRecord{open: navigate(s.where(s.start.url)), topics: topicWords(prompt)}
	base := s.start.url.String()
	initial, _, err := p.runTrial(ctx, base, true, []steps.Step{rec.open})
	if err != nil {
		pr.warn(ctx, fmt.Sprintf("Could not read the controls of %s: %v", pathOf(s.start.url), err), nil)
		return rec
	}
	rec.initial = initial
	pr.info(ctx, fmt.Sprintf("Controls on %s: %s, %s, %s, %s", pathOf(s.start.url), count(len(initial.Fields), "text field"),
		count(len(visibleOnly(initial.Checks)), "checkbox"), count(len(visibleOnly(initial.Button)), "button"), count(len(initial.Links), "link")), nil)

	var after2 browser.AppControls
	for _, f := range entryFields(initial, rec.topics) {
		if ctx.Err() != nil {
			break
		}
		if after, ok := p.tryEntryField(ctx, base, rec, f, pr); ok {
			after2 = after
			break
		}
	}
	if rec.entry == nil {
		p.runBatch(ctx, base, rec, pageTrials([]steps.Step{rec.open}, initial, nil, rec.topics), pr)
		return rec
	}
	// What the first entry offers; then what the page offers, tried in the
	// state its checkbox leads to when it has one (a "Clear completed"
	// button may show only then).
	batch, tick := entryTrials(rec, after2)
	p.runBatch(ctx, base, rec, batch, pr)
	from, state := rec.entrySetup(), after2
	if tick != nil && slices.Contains(rec.trials, tick) {
		from, state = append(slices.Clone(tick.setup), tick.act...), tick.after
	}
	later := pageTrials(from, state, entryValues[:2], rec.topics)
	// A second before reloading, as apps often save a moment after a change.
	reload := []steps.Step{{Kind: steps.Wait, Duration: time.Second}, {Kind: steps.Reload}}
	later = append(later, &appTrial{class: classPersist, control: "reload", setup: from, act: reload, entries: entryValues[:2]})
	p.runBatch(ctx, base, rec, later, pr)
	return rec
}

// entrySetup opens the app and adds two entries.
func (rec *appRecord) entrySetup() []steps.Step {
	out := []steps.Step{rec.open}
	for _, v := range entryValues[:2] {
		out = append(out, typeInto(v, rec.entry), rec.send)
	}
	return out
}

// runBatch runs trials side by side and keeps those that did something.
func (p *Planner) runBatch(ctx context.Context, base string, rec *appRecord, batch []*appTrial, pr *progress) {
	var mu sync.Mutex
	atOnce(ctx, len(batch), trialsAtOnce, func(i int) {
		t := batch[i]
		msg, ok := p.runAppTrial(ctx, base, t)
		mu.Lock()
		defer mu.Unlock()
		rec.note(ctx, pr, msg)
		if ok {
			rec.trials = append(rec.trials, t)
		}
	})
	// Trials ran in any order; the flows follow the order they were planned in.
	order := map[*appTrial]int{}
	for i, t := range batch {
		order[t] = i + 1
	}
	slices.SortStableFunc(rec.trials, func(a, b *appTrial) int { return order[a] - order[b] })
}

// runAppTrial performs one trial and classifies what it did.
func (p *Planner) runAppTrial(ctx context.Context, base string, t *appTrial) (string, bool) {
	what := describeAct(t.act)
	acts := [][]steps.Step{t.act}
	if t.class == classEdit {
		acts = append(acts, []steps.Step{typeInto(entryValues[2], &steps.Target{Focused: true, Role: steps.Field}), press("Enter")})
	}
	// Typing into the focused field only when the double-click opened one.
	opened := func(o observation) bool { return diff(o.before, o.after, entryValues[:]).editing != "" }
	_, seen, err := p.runTrialWhile(ctx, base, t.targets, opened, t.setup, acts...)
	if err == nil && len(seen) == 1 && seen[0].dismissed && len(acts) == 1 {
		// It asked for confirmation ("Remove every item?"): say yes, as a person would.
		t.act = append(slices.Clone(t.act), steps.Step{Kind: steps.Dialog, Accept: true})
		what, acts[0] = describeAct(t.act), t.act
		_, seen, err = p.runTrial(ctx, base, t.targets, t.setup, acts...)
	}
	if err == nil && len(seen) < len(acts) {
		return fmt.Sprintf("%s did not open the entry for editing", what), false
	}
	if err != nil {
		return fmt.Sprintf("%s could not be tried: %v", what, clip(err.Error(), 300)), false
	}
	values := entryValues[:]
	first, last := seen[0], seen[len(seen)-1]
	t.eff, t.after = diff(first.before, last.after, values), last.after
	switch {
	case t.class == classEdit:
		if diff(first.before, first.after, values).editing != entryValues[0] ||
			!slices.Contains(t.eff.added, entryValues[2]) || slices.Contains(visibleEntries(last.after, values), entryValues[0]) {
			return fmt.Sprintf("%s did not let the entry be edited", what), false
		}
		t.act = append(t.act, acts[1]...)
		return fmt.Sprintf("%s opened the entry for editing; typing %q and Enter replaced it", what, entryValues[2]), true
	case t.class == classPersist:
		kept := visibleEntries(last.after, values)
		if len(kept) == 0 || len(t.eff.removed) > 0 {
			return "Reloading the app lost the entries", false
		}
		return fmt.Sprintf("Reloading the app kept %s", quotedList(kept)), true
	case t.eff.empty():
		return what + " changed nothing visible", false
	}
	t.class = classify(t)
	return what + effectSummary(t.eff), true
}

// classify names what a trial did from its effect and what it acted on.
func classify(t *appTrial) trialClass {
	// The step that acted on something: a dialog answered after it is not.
	last := t.act[len(t.act)-1]
	for i := len(t.act) - 1; i >= 0; i-- {
		if t.act[i].Target != nil {
			last = t.act[i]
			break
		}
	}
	onEntry := last.Target != nil && last.Target.Scope != nil
	e := t.eff
	switch {
	case !onEntry && last.Target != nil && last.Target.Role == steps.Link && len(e.hidden)+len(e.shown)+len(e.removed) > 0:
		// A link that leaves some entries out is a filter, whether the app
		// hides the others or takes them out of the page.
		return classFilter
	case onEntry && last.Kind == steps.Check && len(e.checked) > 0:
		return classCheck
	case onEntry && len(e.removed) > 0:
		return classRemove
	case !onEntry && last.Kind == steps.Check && len(e.checked) > 0:
		return classCheckAll
	case !onEntry && len(e.removed) > 0:
		return classClear
	}
	return classOther
}

func visibleEntries(c browser.AppControls, values []string) []string {
	var out []string
	for _, v := range values {
		if entryState(c, v).visible {
			out = append(out, v)
		}
	}
	return out
}

// note logs what a trial did and keeps it for the LLM.
func (rec *appRecord) note(ctx context.Context, pr *progress, msg string) {
	rec.notes = append(rec.notes, msg)
	pr.info(ctx, msg, nil)
}
