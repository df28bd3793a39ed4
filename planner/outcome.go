package planner

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// verdict is what a tryout says a flow should check after submitting.
type verdict struct {
	checks []steps.Step // what a working form shows: a new URL, a message
	saw    string       // what exploring saw, for the flow's description
	// complaint is a message the site showed that reads as an error; the
	// flow then expects it not to appear (or, for a log-in with unknown
	// credentials, to appear). "" when none.
	complaint string
	// silent: nothing visible changed; the flow expects the form to clear.
	silent bool
	// before a complaint is checked to be absent, the flow waits for the
	// response: for waitFor, the element that showed it, else for settle.
	waitFor *steps.Target
	settle  time.Duration
	// consoleErrors the page logged after the submit.
	consoleErrors []string
}

// mostAssertedText bounds the text an assertion quotes.
const mostAssertedText = 80

// judge reads a tryout. filled are the fill steps, so a form that cleared
// can be told from one that did nothing.
func judge(t *tryout, filled []filling) verdict {
	v := verdict{consoleErrors: t.after.ConsoleErrors}
	before, after := t.before, t.after
	moved := movedTo(before.URL, after.URL)
	var messages, complaints []string
	note := func(text string, errorish bool) {
		text = fragment(text, mostAssertedText)
		if text == "" || !stable(text, t.volatile) || slices.Contains(messages, text) || slices.Contains(complaints, text) {
			return
		}
		if errorish {
			complaints = append(complaints, text)
		} else {
			messages = append(messages, text)
		}
	}
	seen := map[string]bool{}
	shown := map[steps.Target]bool{}
	for _, n := range before.Notices {
		seen[n.Text] = true
		if n.Target != nil {
			shown[*n.Target] = true
		}
	}
	for _, n := range after.Notices {
		if seen[n.Text] {
			continue
		}
		errorish := soundsLikeError(n.Text) || hintsError(n.Hint)
		note(n.Text, errorish)
		// An element that was hidden before the submit marks the response.
		if errorish && v.waitFor == nil && n.Target != nil && !shown[*n.Target] {
			v.waitFor = n.Target
		}
	}
	fresh := newTexts(before.Texts, after.Texts)
	if moved != "" && after.Heading != "" && slices.Contains(fresh, after.Heading) {
		note(after.Heading, soundsLikeError(after.Heading))
	}
	for _, text := range fresh {
		if len(messages)+len(complaints) >= 3 {
			break
		}
		note(text, soundsLikeError(text))
	}

	switch {
	case after.Status >= 400 || len(complaints) > 0:
		v.complaint = firstOf(complaints, messages)
		v.settle = settleTime(t.took)
		v.saw = fmt.Sprintf("Submitting it showed %q", v.complaint)
		if after.Status >= 400 {
			v.saw = fmt.Sprintf("Submitting it led to an HTTP %d page", after.Status)
			if v.complaint != "" {
				v.saw += fmt.Sprintf(" saying %q", v.complaint)
			}
		}
	case moved != "":
		v.checks = append(v.checks, expect(steps.URLContains, moved))
		v.saw = "Submitting it opened " + moved
		if len(messages) > 0 {
			v.checks = append(v.checks, expect(steps.PageContains, messages[0]))
			v.saw += fmt.Sprintf(", showing %q", messages[0])
		}
	case len(messages) > 0:
		v.checks = append(v.checks, expect(steps.PageContains, messages[0]))
		v.saw = fmt.Sprintf("Submitting it showed %q", messages[0])
	default:
		if t := clearedField(before, after, filled); t != nil {
			v.checks = append(v.checks, expectOn(steps.HasValue, t, ""))
			v.saw = "Submitting it cleared the form"
		} else {
			v.silent = true
			v.saw = "Submitting it showed nothing new: no message, no other page, and the form kept its values"
		}
	}
	if len(v.consoleErrors) > 0 {
		v.saw += fmt.Sprintf("; the page logged %s (first: %s)", count(len(v.consoleErrors), "console error"), clip(v.consoleErrors[0], 120))
	}
	return v
}

// settleTime is how long a flow waits for a response it cannot name an
// element for: three times what the tryout took, within 1 to 5 seconds.
func settleTime(took time.Duration) time.Duration {
	d := (3 * took).Round(time.Second)
	return min(max(d, time.Second), 5*time.Second)
}

func firstOf(lists ...[]string) string {
	for _, l := range lists {
		if len(l) > 0 {
			return l[0]
		}
	}
	return ""
}

// movedTo is the part of after's URL a flow can expect after a submit
// moved the page: its new path, or the query keys a GET form added (their
// values may hold what was typed). "" when the page stayed.
func movedTo(before, after string) string {
	b, err1 := url.Parse(before)
	a, err2 := url.Parse(after)
	if err1 != nil || err2 != nil || before == after {
		return ""
	}
	switch {
	case a.Path != b.Path && a.Path != "" && a.Path != "/":
		return a.EscapedPath()
	case a.RawQuery != b.RawQuery && a.RawQuery != "":
		keys := a.Query()
		for _, k := range slices.Sorted(mapKeys(keys)) {
			if k != "" {
				return "?" + url.QueryEscape(k) + "="
			}
		}
	}
	return ""
}

func mapKeys(v url.Values) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range v {
			if !yield(k) {
				return
			}
		}
	}
}

// longNumber finds numbers that look like ids, times or dates: they differ
// from run to run.
var longNumber = regexp.MustCompile(`\d{4,}|\d{1,2}:\d{2}`)

// stable reports text another run would show too.
func stable(text string, volatile []string) bool {
	for _, v := range volatile {
		if v != "" && (strings.Contains(text, v) || strings.Contains(text, url.QueryEscape(v))) {
			return false
		}
	}
	letters := 0
	for _, r := range text {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			letters++
		}
	}
	return letters >= 3 && !longNumber.MatchString(text)
}

// errorWords are what sites say when something failed or was refused.
var errorWords = regexp.MustCompile(`(?i)\b(error|errors|failed|failure|fails|wrong|invalid|incorrect|unable|cannot|can't|could not|couldn't|` +
	`try again|not found|denied|forbidden|unavailable|problem|oops|sorry|exception|unexpected|does not match|do not match|don't match|` +
	`doesn't match|is required|are required|must be|must contain|must include|please enter|please fill|please provide|too short|too long|` +
	`already (exists|taken|registered|in use))\b`)

func soundsLikeError(text string) bool { return errorWords.MatchString(text) }

var errorHint = regexp.MustCompile(`(?i)(^|[\s_-])(error|errors|danger|invalid|fail|failed|failure|warning)([\s_-]|$)`)

func hintsError(hint string) bool { return errorHint.MatchString(hint) }

// clearedField is the first text field the flow filled that is empty
// after the submit: the form was accepted and reset.
func clearedField(before, after browser.PageOutline, filled []filling) *steps.Target {
	for _, f := range filled {
		if f.step.Kind != steps.Type {
			continue
		}
		b, a := fieldIn(before, f.step.Target), fieldIn(after, f.step.Target)
		if b != nil && a != nil && b.Value != "" && a.Value == "" {
			return f.step.Target
		}
	}
	return nil
}

func fieldIn(o browser.PageOutline, t *steps.Target) *browser.OutlineField {
	if f := formHolding(o, t); f != nil {
		for i, fl := range f.Fields {
			if fl.Target != nil && *fl.Target == *t {
				return &f.Fields[i]
			}
		}
	}
	return nil
}
