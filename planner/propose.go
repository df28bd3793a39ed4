package planner

import (
	"fmt"
	"strings"

	"github.com/testing-agent/backend/executor/steps"
)

// mostNavigationFlows bounds the flows that follow links.
const mostNavigationFlows = 10

// proposeForSite writes the built-in planner's flows for an explored site:
// one smoke flow per page, one per form tried, signing up then logging in,
// and flows that follow the site's links.
func proposeForSite(s *site, forms []*formCase, account *accountCase) []proposal {
	labels := pageLabels(s)
	var out []proposal
	for _, pg := range s.pages {
		if f, ok := smokeFlow(s, pg, labels[pg]); ok {
			out = append(out, f)
		}
	}
	perPage := map[*page]int{}
	for _, fc := range forms {
		perPage[fc.page]++
	}
	for _, fc := range forms {
		if f, ok := formFlow(fc, formLabel(fc, labels, perPage[fc.page])); ok {
			out = append(out, f)
		}
	}
	if account != nil {
		if f, ok := accountFlow(account, labels); ok {
			out = append(out, f)
		}
	}
	return append(out, navigationFlows(s, labels)...)
}

// smokeFlow opens a page and checks its title, its heading and its console.
func smokeFlow(s *site, pg *page, label string) (proposal, bool) {
	o := pg.outline
	var b builder
	b.add(navigate(s.where(pg.url)))
	var checks []string
	if t := fragment(o.Title, mostAssertedText); t != "" && b.maybe(expect(steps.TitleContains, t)) {
		checks = append(checks, "its title")
	}
	heading := o.Heading
	if heading == "" && len(o.Texts) > 0 {
		heading = o.Texts[0]
	}
	if h := fragment(heading, mostAssertedText); h != "" && stable(h, nil) && b.maybe(expect(steps.PageContains, h)) {
		checks = append(checks, fmt.Sprintf("that it shows %q", h))
	}
	b.add(expect(steps.NoConsoleErrors, ""))
	checks = append(checks, "that it logs no console errors")
	if b.err != nil {
		return proposal{}, false
	}
	desc := fmt.Sprintf("Opens %s and checks %s.", pathOf(pg.url), sentenceList(checks))
	if n := len(o.ConsoleErrors); n > 0 {
		desc += fmt.Sprintf(" Exploring saw %s on this page (first: %s), so this flow fails until that is fixed.",
			count(n, "console error"), clip(o.ConsoleErrors[0], 160))
	}
	return proposal{name: label + " page loads", description: desc, lines: b.lines, kind: "smoke"}, true
}

// formFlow fills a form, submits it and checks what the tryout showed.
func formFlow(fc *formCase, label string) (proposal, bool) {
	b := builder{lines: append(append([]string{}, fc.fill...), fc.send)}
	name := label + " form submits"
	desc := fmt.Sprintf("Fills in the %s form on %s (%s) and submits it. %s", lowerFirst(label), pathOf(fc.page.url), meanings(fc.fills), fc.saw)
	switch {
	case fc.complaint != "" && fc.kind == loginForm:
		// No account has the fresh address: refusing it is the right answer.
		name = label + " form rejects unknown credentials"
		desc = fmt.Sprintf("Logs in on %s with an address no account has. %s; the flow expects that refusal.", pathOf(fc.page.url), fc.saw)
		b.add(expect(steps.PageContains, fc.complaint))
	case fc.complaint != "":
		b.add(fc.awaitResponse())
		b.add(expect(steps.PageNotContains, fc.complaint))
		desc += ", which reads as an error, so the flow expects it not to appear: it fails until the form works."
	case fc.silent || (fc.result != nil && fc.result.after.Status >= 400):
		t := firstTyped(fc.fills)
		if t == nil {
			return proposal{}, false
		}
		b.add(expectOn(steps.HasValue, t, ""))
		desc += ". A working form shows something after a submit, so the flow expects at least the form to clear: it fails until the form responds."
	default:
		for _, c := range fc.checks {
			b.add(c)
		}
		desc += "; the flow checks that again."
	}
	b.add(expect(steps.NoConsoleErrors, ""))
	if b.err != nil {
		return proposal{}, false
	}
	return proposal{name: name, description: desc + " It also expects no console errors.", lines: b.lines, kind: "form"}, true
}

// accountFlow signs up with fresh values and logs in with the same.
func accountFlow(ac *accountCase, labels map[*page]string) (proposal, bool) {
	if ac.complaint == "" && ac.silent {
		return proposal{}, false // nothing to check that a person could see
	}
	b := builder{lines: append(append([]string{}, ac.signup.fill...), ac.signup.send)}
	for _, c := range ac.signup.checks {
		b.add(c)
	}
	b.lines = append(b.lines, ac.login.fill...)
	b.lines = append(b.lines, ac.login.send)
	desc := fmt.Sprintf("Signs up on %s with a fresh address, then logs in with it on %s. %s",
		pathOf(ac.signup.page.url), pathOf(ac.login.page.url), ac.saw)
	if ac.complaint != "" {
		b.add(ac.awaitResponse())
		b.add(expect(steps.PageNotContains, ac.complaint))
		desc += ", which reads as an error, so the flow expects it not to appear: it fails until logging in with a new account works."
	} else {
		for _, c := range ac.checks {
			b.add(c)
		}
		desc += "; the flow checks that again."
	}
	b.add(expect(steps.NoConsoleErrors, ""))
	if b.err != nil {
		return proposal{}, false
	}
	name := fmt.Sprintf("%s, then %s with the new account", labels[ac.signup.page], lowerFirst(labels[ac.login.page]))
	return proposal{name: name, description: desc, lines: b.lines, kind: "form"}, true
}

// awaitResponse waits for the submit's response before a check that text
// is absent, which would otherwise pass before the response arrived.
func (v verdict) awaitResponse() steps.Step {
	if v.waitFor != nil {
		return steps.Step{Kind: steps.WaitFor, Target: v.waitFor}
	}
	return steps.Step{Kind: steps.Wait, Duration: v.settle}
}

func firstTyped(fills []filling) *steps.Target {
	for _, f := range fills {
		if f.step.Kind == steps.Type {
			return f.step.Target
		}
	}
	return nil
}

func meanings(fills []filling) string {
	var out []string
	for _, f := range fills {
		m := f.meaning
		if m == "consent" {
			m = "the consent checkbox"
		}
		if len(out) == 0 || out[len(out)-1] != m {
			out = append(out, m)
		}
	}
	return strings.Join(out, ", ")
}

// navigationFlows follow links from the start page first, then from other
// pages to pages not reached yet: click the link, expect its URL and its
// heading.
func navigationFlows(s *site, labels map[*page]string) []proposal {
	var out []proposal
	covered := map[*page]bool{s.start: true}
	for _, from := range s.pages {
		for _, l := range from.outline.Links {
			if len(out) >= mostNavigationFlows {
				return out
			}
			u, ok := followable(l, s.origin)
			if !ok || l.Target == nil {
				continue
			}
			to := s.byKey[pageKey(u)]
			if to == nil || to == from || covered[to] {
				continue
			}
			if f, ok := navigationFlow(s, from, to, l.Target, labels); ok {
				covered[to] = true
				out = append(out, f)
			}
		}
	}
	return out
}

func navigationFlow(s *site, from, to *page, link *steps.Target, labels map[*page]string) (proposal, bool) {
	var b builder
	b.add(navigate(s.where(from.url)))
	b.add(click(link))
	path := to.url.EscapedPath()
	if path != "" && path != "/" {
		b.add(expect(steps.URLContains, path))
	}
	desc := fmt.Sprintf("Opens %s, follows the %q link and checks that %s opens", pathOf(from.url), link.Text, pathOf(to.url))
	if link.Text == "" {
		desc = fmt.Sprintf("Opens %s, follows its link to %s and checks that it opens", pathOf(from.url), pathOf(to.url))
	}
	switch {
	case to.status >= 400:
		text := ""
		if len(to.outline.Texts) > 0 {
			text = fragment(to.outline.Texts[0], mostAssertedText)
		}
		if text == "" || !b.maybe(expect(steps.PageNotContains, text)) {
			return proposal{}, false
		}
		desc += fmt.Sprintf(". Exploring found that page answering HTTP %d with %q, so this flow fails until the link works.", to.status, text)
	default:
		if h := fragment(to.outline.Heading, mostAssertedText); h != "" && stable(h, nil) && b.maybe(expect(steps.PageContains, h)) {
			desc += fmt.Sprintf(" and shows %q", h)
		}
		desc += "."
	}
	if b.err != nil {
		return proposal{}, false
	}
	name := fmt.Sprintf("Navigate from %s to %s", labels[from], labels[to])
	return proposal{name: name, description: desc, lines: b.lines, kind: "navigation"}, true
}
