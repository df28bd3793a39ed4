package planner

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/testing-agent/backend/executor/browser"
)

// effect is what one action visibly changed in an app, in terms of the
// entries exploring typed (values) and of the page's own text.
type effect struct {
	added     []string // entries that became visible
	removed   []string // entries gone from the page
	hidden    []string // entries whose item is still there but no longer shown
	shown     []string // entries shown again
	checked   []string // entries whose item's checkbox became checked
	unchecked []string
	texts     []string // short new lines holding a number: counts, totals
	lines     []string // other new lines: a message, a panel a button showed
	gone      []string // short lines holding a number that went away
	buttons   []string // buttons outside the entries that appeared
	url       string   // the part of the URL that changed (#/active, /cart); "" when none
	editing   string   // an entry now being edited: a focused field holds it
}

// empty reports an action that changed nothing a flow could check.
func (e effect) empty() bool {
	return len(e.added)+len(e.removed)+len(e.hidden)+len(e.shown)+len(e.checked)+len(e.unchecked)+
		len(e.texts)+len(e.lines)+len(e.buttons) == 0 && e.url == "" && e.editing == ""
}

// mostNewLines bounds the new lines of text an effect keeps.
const mostNewLines = 2

// mostCountText bounds a line taken for a count ("2 items left").
const mostCountText = 40

var digit = regexp.MustCompile(`\d`)

// diff compares the app before and after an action, for the entries in values.
func diff(before, after browser.AppControls, values []string) effect {
	var e effect
	for _, v := range values {
		b, a := entryState(before, v), entryState(after, v)
		switch {
		case !b.present && a.visible:
			e.added = append(e.added, v)
		case b.present && !a.present:
			e.removed = append(e.removed, v)
		case b.visible && !a.visible:
			e.hidden = append(e.hidden, v)
		case b.present && !b.visible && a.visible:
			e.shown = append(e.shown, v)
		}
		if b.visible && a.visible && b.hasCheck && a.hasCheck && b.checked != a.checked {
			if a.checked {
				e.checked = append(e.checked, v)
			} else {
				e.unchecked = append(e.unchecked, v)
			}
		}
		// A field that shows up focused holding the entry: not the field
		// it was typed into, which may simply have kept it.
		if a.editing && !b.editing && len(visibleOnly(after.Fields)) > len(visibleOnly(before.Fields)) {
			e.editing = v
		}
	}
	named := map[string]bool{} // a button's or link's own text is checked as the control
	for _, list := range [][]browser.AppControl{after.Button, after.Links} {
		for _, c := range list {
			named[c.Name()] = true
		}
	}
	for _, t := range after.Texts {
		if slices.Contains(before.Texts, t) || named[t] || ofEntries(t, values) {
			continue
		}
		switch {
		case countLike(t, values):
			e.texts = append(e.texts, t)
		case len(e.lines) < mostNewLines && len(t) <= mostAssertedText && stable(t, nil) && fragment(t, mostAssertedText) == t:
			e.lines = append(e.lines, t)
		}
	}
	for _, t := range before.Texts {
		if countLike(t, values) && !slices.Contains(after.Texts, t) {
			e.gone = append(e.gone, t)
		}
	}
	had := map[string]bool{}
	for _, b := range before.Button {
		if b.Visible && b.Name() != "" {
			had[stepName(b.Name())] = true
		}
	}
	for _, b := range after.Button {
		n := stepName(b.Name())
		if b.Visible && n != "" && !had[n] && !ofEntries(b.Item, values) && !slices.Contains(e.buttons, n) {
			e.buttons = append(e.buttons, n)
		}
	}
	e.url = urlChange(before.URL, after.URL)
	return e
}

// entry is how one typed entry shows in the app.
type entry struct {
	present, visible  bool
	hasCheck, checked bool
	editing           bool
}

func entryState(c browser.AppControls, v string) entry {
	var e entry
	for _, it := range c.Items {
		if labelled(it.Label, v) {
			e.present = true
			e.visible = e.visible || it.Visible
		}
	}
	if !e.present && slices.ContainsFunc(c.Texts, func(t string) bool { return labelled(t, v) }) {
		e.present, e.visible = true, true // shown, though not in a list item
	}
	for _, ch := range c.Checks {
		if labelled(ch.Item, v) && !e.hasCheck {
			e.hasCheck, e.checked = true, ch.Checked
		}
	}
	for _, f := range c.Fields {
		if f.Focused && f.Value == v {
			e.editing = true
		}
	}
	return e
}

// labelled reports a label or line that is the entry, or begins with it
// and then a control's name ("Buy milk Remove" while the pointer shows the
// button on its line).
func labelled(label, v string) bool {
	return label == v || strings.HasPrefix(label, v+" ")
}

// countLike is a short line with a number that holds no entry: "2 items
// left", "Total: 3". Times and long numbers change between runs.
func countLike(t string, values []string) bool {
	if len(t) > mostCountText || !digit.MatchString(t) || longNumber.MatchString(t) || !stable(t, nil) {
		return false
	}
	return !ofEntries(t, values)
}

// ofEntries reports text that holds one of the entries.
func ofEntries(text string, values []string) bool {
	for _, v := range values {
		if v != "" && strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// trailingCount is a count in a name: "Clear completed (2)", "Inbox 3".
var trailingCount = regexp.MustCompile(`\s*(\(\d+\)|\d+)\s*$`)

// stepName is a control's name as a step writes it: without a count that
// changes with the app's state, since names match by whole words.
func stepName(name string) string {
	if n := strings.TrimSpace(trailingCount.ReplaceAllString(name, "")); n != "" {
		return n
	}
	return name
}

// urlChange is what a flow can expect of a URL that changed within the
// app: its new path (or query), else its new fragment (#/active); "" when
// it did not change.
func urlChange(before, after string) string {
	if moved := movedTo(before, after); moved != "" {
		return moved
	}
	b, err1 := url.Parse(before)
	a, err2 := url.Parse(after)
	if err1 != nil || err2 != nil || a.Fragment == b.Fragment || len(a.Fragment) < 2 || len(a.Fragment) > 60 {
		return ""
	}
	return "#" + a.Fragment
}
