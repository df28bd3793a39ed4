package planner

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
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

// entryFields are the text fields that may add entries: visible, outside
// any form with a submit button (those are tried as forms), named; those
// the prompt names first.
func entryFields(c browser.AppControls, topics []string) []browser.AppControl {
	var out []browser.AppControl
	for _, f := range c.Fields {
		if f.InForm || !f.Visible || f.Item != "" || f.Name() == "" || !quotable(f.Name()) {
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
		if b.Visible && !b.InForm && b.Item == "" && b.Target != nil && addWords.MatchString(b.Name()) {
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
	in := &steps.Scope{Text: first, Kind: steps.ItemScope}
	trial := func(control string, act ...steps.Step) *appTrial {
		t := &appTrial{control: control, setup: two, act: act, entries: entries}
		out = append(out, t)
		return t
	}
	if hasCheckIn(c, first) {
		tick = trial("checkbox", checkBox(&steps.Target{Role: steps.Checkbox, Scope: in}))
		tick.targets = true
	}
	n := 0
	for _, b := range c.Button {
		if !labelled(b.Item, first) || n >= mostEntryControls {
			continue
		}
		n++
		target := &steps.Target{Role: steps.Button, Scope: in}
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

// pageTrials plans trials of the page's own controls (outside the
// entries), each from setup.
func pageTrials(setup []steps.Step, c browser.AppControls, entries, topics []string) []*appTrial {
	var out []*appTrial
	for _, ctl := range appControls(c, entries, topics) {
		out = append(out, &appTrial{control: ctl.name, phrase: ctl.phrase, setup: setup, act: []steps.Step{ctl.act}, entries: entries})
	}
	return out
}

// appControl is a control outside the entries and the step that acts on it.
type appControl struct {
	name   string // its name, or the phrase when it has none
	phrase string // how a step names it: the "Active" link, the checkbox
	act    steps.Step
}

// appControls lists the controls outside the entries worth a trial:
// checkboxes, buttons outside forms, and links that stay on the page (a
// route such as #/active); none that would end the session.
func appControls(c browser.AppControls, entries, topics []string) []appControl {
	var out []appControl
	seen := map[string]bool{}
	addOnce := func(ctl browser.AppControl, act func(*steps.Target) steps.Step) {
		name := stepName(ctl.Name())
		t := ctl.Target
		if t == nil || ofEntries(ctl.Item, entries) || destructive(name) {
			return
		}
		if t.Text != "" && t.Nth == 0 && stepName(t.Text) != t.Text {
			// "Clear completed (1)": the count changes; the words match it anyway.
			t = &steps.Target{Text: stepName(t.Text), Role: t.Role}
		}
		key := fmt.Sprintf("%s|%s|%d", t.Role, t.Text, t.Nth)
		if seen[key] {
			return
		}
		seen[key] = true
		phrase, err := targetPhrase(t)
		if err != nil {
			return
		}
		if name == "" || t.Text == "" {
			name = phrase
		}
		out = append(out, appControl{name: name, phrase: phrase, act: act(t)})
	}
	for _, ch := range c.Checks {
		addOnce(ch, checkBox)
	}
	for _, b := range c.Button {
		if !b.InForm {
			addOnce(b, click)
		}
	}
	for _, l := range c.Links {
		if samePage(c.URL, l.URL) {
			addOnce(l, click)
		}
	}
	// The controls the prompt names are tried first, within the bound.
	slices.SortStableFunc(out, func(a, b appControl) int { return mentions(topics, b.name) - mentions(topics, a.name) })
	return out[:min(len(out), mostAppControls)]
}

// samePage reports a link that stays in the document: it differs from the
// page's URL only in its fragment, and has one (a route such as #/active).
func samePage(page, link string) bool {
	p, err1 := url.Parse(page)
	l, err2 := url.Parse(link)
	if err1 != nil || err2 != nil || l.Fragment == "" && !strings.HasSuffix(link, "#") {
		return false
	}
	return p.Scheme == l.Scheme && p.Host == l.Host && p.Path == l.Path && p.RawQuery == l.RawQuery
}

func hasCheckIn(c browser.AppControls, item string) bool {
	for _, ch := range c.Checks {
		if labelled(ch.Item, item) {
			return true
		}
	}
	return false
}

func visibleOnly(list []browser.AppControl) []browser.AppControl {
	var out []browser.AppControl
	for _, c := range list {
		if c.Visible {
			out = append(out, c)
		}
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
	onEntry := len(t.act) > 0 && t.act[len(t.act)-1].Target != nil && t.act[len(t.act)-1].Target.Scope != nil
	last := t.act[len(t.act)-1]
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
