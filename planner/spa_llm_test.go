package planner

import (
	"net/url"
	"strings"
	"testing"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// TestLLMMessageCarriesTheTrials checks that the model is told what trying
// the app's controls found: the controls, each trial's outcome, and the
// steps that did it.
func TestLLMMessageCarriesTheTrials(t *testing.T) {
	u, _ := url.Parse("http://127.0.0.1:3000/")
	start := &page{url: u, outline: browser.PageOutline{Title: "Todos"}}
	s := &site{start: start, origin: "http://127.0.0.1:3000", pages: []*page{start}, byKey: map[string]*page{}}
	field := &steps.Target{Text: "What needs to be done?", Role: steps.Field}
	rec := &appRecord{
		open:    navigate("/"),
		initial: browser.AppControls{Fields: []browser.AppControl{{Names: []string{"What needs to be done?"}, Visible: true}}},
		entry:   field,
		notes:   []string{`Typing "Buy milk" into the "What needs to be done?" field and pressing Enter added it to the page`},
	}
	rec.trials = []*appTrial{{
		class: classAdd, control: "What needs to be done?", setup: []steps.Step{rec.open},
		act: []steps.Step{typeInto("Buy milk", field), press("Enter")},
		eff: effect{added: []string{"Buy milk"}, texts: []string{"1 item left"}},
	}}
	msg := userMessage("test adding todos on http://127.0.0.1:3000/", s, nil, nil, rec)
	for _, want := range []string{
		`field "What needs to be done?"`,
		`pressing Enter added it to the page`,
		`Type "Buy milk" into the "What needs to be done?" field`,
		`Expect "Buy milk" is visible`,
		`Expect the page contains "1 item left"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message lacks %q:\n%s", want, msg)
		}
	}
}
