package planner

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// formKind is what a form is for, told from its fields alone.
type formKind int

const (
	otherForm   formKind = iota
	loginForm            // one identity field and one password
	accountForm          // a password and more: sign-up, registration
)

// formCase is one form of the site and what trying it out showed.
type formCase struct {
	page   *page
	form   browser.OutlineForm
	fills  []filling
	submit steps.Step
	kind   formKind
	fill   []string // lines: open the page, fill the form
	send   string   // the line that submits it
	result *tryout
	verdict
}

// accountCase is signing up and then logging in with the new account.
type accountCase struct {
	signup, login *formCase
	result        *tryout
	verdict
}

// mostForms bounds the forms tried out on one site.
const mostForms = 10

// tryForms plans each distinct form of the site and submits it once in a
// fresh browser context. Forms that cannot be filled or submitted are
// skipped, with a log line that says why.
func (p *Planner) tryForms(ctx context.Context, s *site, pr *progress) ([]*formCase, *accountCase) {
	var cases []*formCase
	seen := map[string]bool{}
	for _, pg := range s.pages {
		for _, form := range pg.outline.Forms {
			if len(cases) >= mostForms || ctx.Err() != nil {
				break
			}
			sig := formSignature(form, pg.url)
			if seen[sig] {
				continue // the same form on another page: a header search, a newsletter box
			}
			seen[sig] = true
			fc, err := planForm(s, pg, form)
			if err != nil {
				pr.info(ctx, fmt.Sprintf("Skipping the %s form on %s: %v", formName(form), pathOf(pg.url), err), nil)
				continue
			}
			pr.info(ctx, fmt.Sprintf("Trying the %s form on %s", formName(form), pathOf(pg.url)), nil)
			res, err := p.tryWithin(ctx, s, fc.fill, []string{fc.send}, fc.fills[0].step.Target)
			if err != nil {
				pr.warn(ctx, fmt.Sprintf("The %s form on %s could not be tried: %v", formName(form), pathOf(pg.url), err), nil)
				continue
			}
			fc.result, fc.verdict = res, judge(res, fc.fills)
			pr.info(ctx, fc.saw+".", map[string]any{"url": pg.url.String()})
			cases = append(cases, fc)
		}
	}
	return cases, p.tryAccount(ctx, s, cases, pr)
}

// tryWithin bounds one tryout, as each may wait on several steps.
func (p *Planner) tryWithin(ctx context.Context, s *site, setup, submit []string, field *steps.Target) (*tryout, error) {
	ctx, cancel := context.WithTimeout(ctx, 4*p.opts.PageTimeout)
	defer cancel()
	return p.tryOut(ctx, s.start.url.String(), setup, submit, field)
}

// tryAccount signs up and then logs in with the same values, when the site
// has both forms and signing up worked on its own.
func (p *Planner) tryAccount(ctx context.Context, s *site, cases []*formCase, pr *progress) *accountCase {
	var signup, login *formCase
	for _, fc := range cases {
		switch {
		case fc.kind == accountForm && signup == nil && fc.complaint == "" && !fc.silent:
			signup = fc
		case fc.kind == loginForm && login == nil:
			login = fc
		}
	}
	if signup == nil || login == nil || ctx.Err() != nil || !sharesIdentity(signup, login) {
		return nil
	}
	setup := append(append(append([]string{}, signup.fill...), signup.send), renderAll(signup.checks)...)
	setup = append(setup, login.fill...)
	pr.info(ctx, "Trying to sign up and then log in with the new account", nil)
	res, err := p.tryWithin(ctx, s, setup, []string{login.send}, login.fills[0].step.Target)
	if err != nil {
		pr.warn(ctx, fmt.Sprintf("Signing up and then logging in could not be tried: %v", err), nil)
		return nil
	}
	ac := &accountCase{signup: signup, login: login, result: res, verdict: judge(res, login.fills)}
	pr.info(ctx, ac.saw+".", nil)
	return ac
}

// sharesIdentity reports whether the log-in form asks for what the sign-up
// form was given (an email, a username), so the same values log in.
func sharesIdentity(signup, login *formCase) bool {
	for _, l := range login.fills {
		if l.meaning != "email" && l.meaning != "username" {
			continue
		}
		for _, s := range signup.fills {
			if s.meaning == l.meaning {
				return true
			}
		}
	}
	return false
}

func renderAll(list []steps.Step) []string {
	var out []string
	for _, st := range list {
		if line, err := render(st); err == nil {
			out = append(out, line)
		}
	}
	return out
}

// planForm writes the steps that open the page and fill the form, and the
// one that submits it.
func planForm(s *site, pg *page, form browser.OutlineForm) (*formCase, error) {
	if err := sameOriginAction(form, s.origin); err != nil {
		return nil, err
	}
	if form.Submit != nil && destructive(form.Submit.Name) {
		return nil, fmt.Errorf("its button %q may change data that is not the test's", form.Submit.Name)
	}
	fills, err := fillForm(form)
	if err != nil {
		return nil, err
	}
	if len(fills) == 0 {
		return nil, fmt.Errorf("it has no field to fill")
	}
	fc := &formCase{page: pg, form: form, fills: fills, kind: kindOf(fills)}
	var b builder
	b.add(navigate(s.where(pg.url)))
	for _, f := range fills {
		b.add(f.step)
	}
	switch {
	case form.Submit != nil && form.Submit.Target != nil:
		fc.submit = click(form.Submit.Target)
	case form.Submit == nil && fills[len(fills)-1].step.Kind == steps.Type:
		fc.submit = press("Enter") // a form without a button submits on Enter in a text field
	default:
		return nil, fmt.Errorf("no step can name its submit button")
	}
	if b.err != nil {
		return nil, b.err
	}
	send, err := render(fc.submit)
	if err != nil {
		return nil, err
	}
	fc.fill, fc.send = b.lines, send
	return fc, nil
}

func destructive(name string) bool {
	name = strings.ToLower(name)
	for _, w := range destructiveWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

func kindOf(fills []filling) formKind {
	passwords, identities, others := 0, 0, 0
	for _, f := range fills {
		switch f.meaning {
		case "password":
			passwords++
		case "email", "username":
			identities++
		case "consent", "choice":
		default:
			others++
		}
	}
	switch {
	case passwords == 1 && identities == 1 && others == 0:
		return loginForm
	case passwords >= 1:
		return accountForm
	}
	return otherForm
}

// formSignature tells the same form on several pages apart from others.
// A form without an action posts to its own page, so that page is left out.
func formSignature(f browser.OutlineForm, on *url.URL) string {
	var b strings.Builder
	b.WriteString(f.Method)
	if u, err := url.Parse(f.Action); err == nil && u.Path != on.Path {
		b.WriteString(" " + u.Path)
	}
	for _, fl := range f.Fields {
		b.WriteString("|" + fl.Kind + ":" + fl.HTMLName + ":" + fl.Label)
	}
	if f.Submit != nil {
		b.WriteString("|" + f.Submit.Name)
	}
	return b.String()
}

// formName is how logs name a form: its label, its button, the heading
// before it.
func formName(f browser.OutlineForm) string {
	switch {
	case f.Label != "":
		return fmt.Sprintf("%q", clip(f.Label, 60))
	case f.Submit != nil && f.Submit.Name != "":
		return fmt.Sprintf("%q", clip(f.Submit.Name, 60))
	case f.Heading != "":
		return fmt.Sprintf("%q", clip(f.Heading, 60))
	}
	return "unnamed"
}

// sameOriginAction refuses a form that would send its values to another
// origin than the site's: exploring must not post data (possibly to a host
// the egress policy protects) anywhere but the site it was asked to test.
// A form without an action posts to its page; a javascript: action posts
// nowhere.
func sameOriginAction(form browser.OutlineForm, origin string) error {
	action := strings.TrimSpace(form.Action)
	if action == "" {
		return nil
	}
	u, err := url.Parse(action)
	if err != nil {
		return fmt.Errorf("its action %q is not a URL the planner can check, so it is not submitted", clip(action, 200))
	}
	switch strings.ToLower(u.Scheme) {
	case "javascript":
		return nil
	case "http", "https":
		if o := originOf(u); !strings.EqualFold(o, origin) {
			return fmt.Errorf("it submits to %s, another origin than %s; the planner never submits a form to another origin", o, origin)
		}
		return nil
	}
	return fmt.Errorf("it submits to a %s: URL; the planner only submits forms to %s", u.Scheme, origin)
}
