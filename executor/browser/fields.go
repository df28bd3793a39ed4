package browser

import (
	"fmt"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/proto"

	"github.com/testing-agent/backend/executor/steps"
)

// selectAll selects a field's content so inserted text replaces it.
const selectAll = `function () {
	this.focus();
	if (typeof this.select === 'function') { this.select(); return; }
	const range = document.createRange();
	range.selectNodeContents(this);
	const sel = getSelection();
	sel.removeAllRanges();
	sel.addRange(range);
}`

// typeText replaces the field's content with text, as a person would: focus,
// select all, then insert (or delete, to clear).
func (r *stepRun) typeText(text string) error {
	if r.step.Kind == steps.Type && r.step.Target == nil {
		return r.typeIntoFocus(text)
	}
	t, err := r.target()
	if err != nil {
		return err
	}
	q := r.actionQuery(t, true, false)
	q.Editable = true
	q.Stable = false // as Playwright's fill: visible, enabled, editable; a field that moves still takes text
	rep, err := withElement(r.ctx, r.page, q, func(el *rod.Element, rep report) error {
		if err := el.Focus(); err != nil {
			return err
		}
		if _, err := el.Evaluate(rod.Eval(selectAll).ByUser()); err != nil {
			return err
		}
		switch {
		case text != "":
			if err := r.page.InsertText(text); err != nil {
				return err
			}
		case rep.State != nil && rep.State.Value != "":
			if err := pressKeys(r.ctx, r.page, "Backspace"); err != nil {
				return err
			}
		}
		// Scripts that listen for "change" expect one once a field is filled.
		_, err := el.Evaluate(rod.Eval(`function () { this.dispatchEvent(new Event('change', { bubbles: true })) }`))
		return err
	})
	if err != nil {
		return r.actionFailed(q, rep, "type into", err)
	}
	return nil
}

// choice is resolver.js's answer to choosing an option of a <select>.
type choice struct {
	OK       bool     `json:"ok"`
	Chosen   string   `json:"chosen"`
	Value    string   `json:"value"`
	Options  []string `json:"options"`
	Disabled string   `json:"disabled"`
}

// selectOption picks an option by its text or value; options that load late
// are waited for. A custom dropdown (role=combobox/listbox) is opened and
// its option clicked.
func (r *stepRun) selectOption() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := r.actionQuery(t, true, false)
	var last choice
	var desc string
	for attempt := 0; ; attempt++ {
		custom := false
		var c choice
		rep, err := withElement(r.ctx, r.page, q, func(el *rod.Element, rep report) error {
			if rep.State == nil || rep.State.Options == nil {
				custom = true
				return nil
			}
			res, err := el.Evaluate(rod.Eval(callOnElement, resolverJS, "choose", r.step.Text).ByUser())
			if err != nil {
				return err
			}
			return res.Value.Unmarshal(&c)
		})
		if err != nil && desc != "" && r.ctx.Err() != nil {
			return r.noOption(last, desc) // ran out of time while options were checked
		}
		if err != nil {
			return r.actionFailed(q, rep, "select from", err)
		}
		if custom {
			return r.selectCustom(t)
		}
		if c.OK {
			r.data["selected"] = c.Chosen
			return nil
		}
		last, desc = c, rep.Desc
		if err := sleep(r.ctx, pollDelay(attempt)); err != nil {
			return r.noOption(last, desc)
		}
	}
}

func (r *stepRun) noOption(last choice, desc string) error {
	if last.Disabled != "" {
		return fmt.Errorf("the option %q of the %s is disabled after %s", last.Disabled, desc, roundDuration(r.timeout))
	}
	return fmt.Errorf("the %s has no option %q after %s; it has %s", desc, r.step.Text, roundDuration(r.timeout), quoteList(last.Options, 10))
}

// selectCustom opens an ARIA dropdown and clicks its option.
func (r *stepRun) selectCustom(t *steps.Target) error {
	open := r.actionQuery(t, true, true)
	rep, err := withElement(r.ctx, r.page, open, func(_ *rod.Element, rep report) error {
		return r.clickAt(rep, proto.InputMouseButtonLeft, 1)
	})
	if err != nil {
		return r.actionFailed(open, rep, "open", err)
	}
	opt := query{Text: r.step.Text, Role: "option", Need: needAct, Enabled: true, Stable: true, Pointer: true}
	rep, err = withElement(r.ctx, r.page, opt, func(_ *rod.Element, rep report) error {
		return r.clickAt(rep, proto.InputMouseButtonLeft, 1)
	})
	if err != nil {
		return r.actionFailed(opt, rep, "click", err)
	}
	r.data["selected"] = r.step.Text
	return nil
}

// setChecked clicks a checkbox, radio button or switch only if its state
// differs, then waits until the page agrees.
func (r *stepRun) setChecked(want bool) error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := r.actionQuery(t, true, true)
	already := false
	rep, err := withElement(r.ctx, r.page, q, func(_ *rod.Element, rep report) error {
		if rep.State != nil && rep.State.Checked == want {
			already = true
			return nil
		}
		return r.clickAt(rep, proto.InputMouseButtonLeft, 1)
	})
	if err != nil {
		return r.actionFailed(q, rep, "click", err)
	}
	r.data["changed"] = !already
	if already {
		return nil
	}
	verify := newQuery(t, r.step.Kind, needPresent)
	if _, err := waitReport(r.ctx, r.page, verify, func(v report) bool {
		return v.OK && v.State != nil && v.State.Checked == want
	}); err != nil {
		verb := "check"
		if !want {
			verb = "uncheck"
		}
		return fmt.Errorf("clicking the %s did not %s it after %s", rep.Desc, verb, roundDuration(r.timeout))
	}
	return nil
}

// typeIntoFocus types text where the caret is, as a keyboard would:
// `type "x"` after a step that focused a field.
func (r *stepRun) typeIntoFocus(text string) error {
	res, err := r.page.Eval(`() => {
		let el = document.activeElement;
		while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
		return !!el && el !== document.body && el !== document.documentElement;
	}`)
	if err != nil {
		return fmt.Errorf("find the focused element: %w", err)
	}
	if !res.Value.Bool() {
		return fmt.Errorf("no element has focus to type into; name the field: type %q into the \"…\" field", text)
	}
	return r.page.InsertText(text)
}

// pressIn focuses the step's target, then presses its key there:
// `press Enter in the "New todo" field`.
func (r *stepRun) pressIn() error {
	t, err := r.target()
	if err != nil {
		return err
	}
	q := newQuery(t, r.step.Kind, needVisible)
	rep, err := withElement(r.ctx, r.page, q, func(el *rod.Element, _ report) error {
		if err := el.Focus(); err != nil {
			return err
		}
		return pressKeys(r.ctx, r.page, r.step.Key)
	})
	if err != nil {
		return r.actionFailed(q, rep, "press "+r.step.Key+" in", err)
	}
	return nil
}
