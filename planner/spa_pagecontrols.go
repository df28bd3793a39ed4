package planner

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

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

func visibleOnly(list []browser.AppControl) []browser.AppControl {
	var out []browser.AppControl
	for _, c := range list {
		if c.Visible {
			out = append(out, c)
		}
	}
	return out
}
