package browser

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-rod/rod"

	"github.com/testing-agent/backend/executor/steps"
)

// assert checks an assertion, retrying until it holds or the step times out
// (web-first), except "no console errors", which only waiting could break.
func (r *stepRun) assert() error {
	a := r.step.Assert
	if a == nil {
		return errors.New("the step has no assertion")
	}
	switch a.Kind {
	case steps.PageContains, steps.PageNotContains:
		return r.assertPageText(a)
	case steps.TitleIs, steps.TitleContains:
		return r.assertTitle(a)
	case steps.URLIs, steps.URLContains:
		return r.assertURL(a)
	case steps.NoConsoleErrors:
		return r.assertNoConsoleErrors()
	case steps.CountIs:
		return r.assertCount(a)
	case steps.IsHidden:
		return r.assertHidden(a)
	case steps.IsVisible, steps.IsEnabled, steps.IsDisabled, steps.IsChecked, steps.IsUnchecked,
		steps.TargetContains, steps.HasValue:
		return r.assertElement(a)
	}
	return fmt.Errorf("the executor does not know assertions of kind %q", a.Kind)
}

// poll calls probe until it reports true or the step ends. The error is
// describe's answer for the last value seen: what did not hold, then after
// how long, then what the page had instead (which may be empty).
func poll[T any](r *stepRun, probe func() (T, bool, error), describe func(last T, seen bool) (what, instead string)) (T, error) {
	var last T
	seen := false
	for attempt := 0; ; attempt++ {
		var v T
		var ok bool
		var err error
		if attempt == 0 {
			v, ok, err = firstProbe(r, probe)
		} else {
			v, ok, err = probe()
		}
		if err == nil {
			last, seen = v, true
			if ok {
				return v, nil
			}
		}
		if err := sleep(r.ctx, pollDelay(attempt)); err != nil {
			what, instead := describe(last, seen)
			return last, errors.New(what + " after " + roundDuration(r.timeout) + instead)
		}
	}
}

func (r *stepRun) pageText() (string, error) {
	res, err := r.page.Evaluate(rod.Eval(`(f) => f("pageText")`, resolverJS))
	if err != nil {
		return "", err
	}
	return res.Value.Str(), nil
}

func (r *stepRun) assertPageText(a *steps.Assertion) error {
	want := strings.Join(strings.Fields(a.Text), " ")
	negate := a.Kind == steps.PageNotContains
	_, err := poll(r, func() (string, bool, error) {
		text, err := r.pageText()
		return text, err == nil && strings.Contains(text, want) != negate, err
	}, func(text string, seen bool) (string, string) {
		missing := fmt.Sprintf("the page does not contain %q", want)
		switch {
		case !seen:
			return "could not read the page's text", ""
		case negate:
			return fmt.Sprintf("the page still contains %q", want), ""
		case strings.Contains(strings.ToLower(text), strings.ToLower(want)):
			return missing, " (it does ignoring case)"
		case text == "":
			return missing, "; it shows no text"
		}
		if near := nearestText(text, want); near != "" {
			return missing, fmt.Sprintf("; the nearest text on the page is %q", clip(near, 160))
		}
		return missing, fmt.Sprintf("; it shows %q", clip(text, 160))
	})
	return err
}

func (r *stepRun) assertTitle(a *steps.Assertion) error {
	exact := a.Kind == steps.TitleIs
	title, err := poll(r, func() (string, bool, error) {
		res, err := r.page.Eval(`() => document.title`)
		if err != nil {
			return "", false, err
		}
		t := res.Value.Str()
		return t, (exact && t == a.Text) || (!exact && strings.Contains(t, a.Text)), nil
	}, func(t string, _ bool) (string, string) {
		if exact {
			return fmt.Sprintf("the title is %q, not %q", t, a.Text), ""
		}
		return fmt.Sprintf("the title %q does not contain %q", t, a.Text), ""
	})
	r.data["title"] = title
	return err
}

func (r *stepRun) assertURL(a *steps.Assertion) error {
	exact := a.Kind == steps.URLIs
	want := a.Text
	if exact {
		if abs, err := resolveURL(r.opts.BaseURL, a.Text); err == nil {
			want = abs // "the url is /dashboard" means on the run's site
		}
	}
	u, err := poll(r, func() (string, bool, error) {
		u, err := r.currentURL()
		return u, err == nil && ((exact && u == want) || (!exact && strings.Contains(u, want))), err
	}, func(u string, _ bool) (string, string) {
		if exact {
			return fmt.Sprintf("the url is %q, not %q", u, want), ""
		}
		return fmt.Sprintf("the url %q does not contain %q", u, want), ""
	})
	r.data["url"] = u
	return err
}

func (r *stepRun) assertNoConsoleErrors() error {
	if err := flushConsole(r.ctx, r.page, r.s.console); err != nil {
		return fmt.Errorf("read the console: %w", err)
	}
	errs := r.s.console.snapshot()
	if len(errs) == 0 {
		return nil
	}
	noun := "errors"
	if len(errs) == 1 {
		noun = "error"
	}
	return fmt.Errorf("the page logged %d console %s: %s", len(errs), noun, clip(strings.Join(errs, "; "), 400))
}

func (r *stepRun) assertCount(a *steps.Assertion) error {
	if a.Target == nil {
		return errors.New("the step has no target")
	}
	q := newQuery(a.Target, steps.Assert, needCount)
	rep, err := waitReport(r.ctx, r.page, q, func(rep report) bool { return rep.Count == a.Count })
	r.data["count"] = rep.Count
	if err == nil {
		return nil
	}
	var we *waitError
	if errors.As(err, &we) && we.inspectErr == nil {
		n := noun(q.Role)
		if a.Count != 1 {
			n = plural(n)
		}
		what := fmt.Sprintf("%d %s", a.Count, n)
		if q.CSS == "" && q.XPath == "" {
			what += fmt.Sprintf(" named %q", q.Text)
		} else {
			what += " matching " + strings.TrimPrefix(targetPhrase(q), "element matching ")
		}
		return fmt.Errorf("expected %s, found %d visible after %s", what, rep.Count, roundDuration(r.timeout))
	}
	return r.fail(q, err)
}

func (r *stepRun) assertHidden(a *steps.Assertion) error {
	if a.Target == nil {
		return errors.New("the step has no target")
	}
	// Hidden holds when no visible element matches, including none at all.
	q := newQuery(a.Target, steps.Assert, needGone)
	rep, err := waitReport(r.ctx, r.page, q, func(rep report) bool { return rep.OK })
	var we *waitError
	if err != nil && errors.As(err, &we) && we.inspectErr == nil {
		return fmt.Errorf("the %s is visible after %s", rep.Desc, roundDuration(r.timeout))
	}
	return r.fail(q, err)
}

// assertElement checks one element's state; it finds visible matches first,
// hidden ones if there are none, so "is disabled" sees a disabled button.
func (r *stepRun) assertElement(a *steps.Assertion) error {
	if a.Target == nil {
		return errors.New("the step has no target")
	}
	n := needPresent
	if a.Kind == steps.IsVisible || a.Kind == steps.TargetContains {
		n = needVisible
	}
	q := newQuery(a.Target, steps.Assert, n)
	want := strings.Join(strings.Fields(a.Text), " ")
	holds := func(st *elementState) bool {
		switch a.Kind {
		case steps.IsVisible:
			return st.Visible
		case steps.IsEnabled:
			return st.Enabled
		case steps.IsDisabled:
			return !st.Enabled
		case steps.IsChecked:
			return st.Checked
		case steps.IsUnchecked:
			return !st.Checked
		case steps.TargetContains:
			return strings.Contains(strings.Join(strings.Fields(st.Text), " "), want)
		case steps.HasValue:
			return st.Value == a.Text || (st.Options != nil && st.Text == want)
		}
		return false
	}
	rep, err := waitReport(r.ctx, r.page, q, func(rep report) bool { return rep.OK && rep.State != nil && holds(rep.State) })
	if err == nil {
		return nil
	}
	var we *waitError
	if !errors.As(err, &we) || we.inspectErr != nil || !rep.OK || rep.State == nil {
		return r.fail(q, err)
	}
	after := " after " + roundDuration(r.timeout)
	st := rep.State
	switch a.Kind {
	case steps.IsEnabled:
		return errors.New("the " + rep.Desc + " is disabled" + after)
	case steps.IsDisabled:
		return errors.New("the " + rep.Desc + " is enabled" + after)
	case steps.IsChecked:
		return errors.New("the " + rep.Desc + " is not checked" + after)
	case steps.IsUnchecked:
		return errors.New("the " + rep.Desc + " is checked" + after)
	case steps.TargetContains:
		return fmt.Errorf("the %s does not contain %q%s; it has %q", rep.Desc, want, after, clip(st.Text, 160))
	case steps.HasValue:
		return fmt.Errorf("the %s has value %q, not %q%s", rep.Desc, st.Value, a.Text, after)
	}
	return r.fail(q, err)
}

// firstProbe runs probe as a first look (see firstLook): on a busy machine
// the step's time may run out before the page first answers.
func firstProbe[T any](r *stepRun, probe func() (T, bool, error)) (T, bool, error) {
	look, stop := firstLook(r.ctx)
	defer stop()
	ctx, page := r.ctx, r.page
	r.ctx, r.page = look, page.Context(look)
	defer func() { r.ctx, r.page = ctx, page }()
	return probe()
}
