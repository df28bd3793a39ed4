package planner

import (
	"fmt"
	"strings"

	"github.com/testing-agent/backend/executor/browser"
)

// systemPrompt teaches the model the step language and the answer's shape.
const systemPrompt = `You write end-to-end browser test flows for a web site, in a small step language that a browser runner executes without you.

Answer with one JSON object and nothing else:
{"flows":[{"name":"short human name","description":"one or two sentences: what the flow checks and why","instructions":"step one\nstep two\n…"}]}

Instructions have one step per line. Names and text go in double quotes. Targets are named by what a person reads: the "Email" field, the "Sign in" button, the "Pricing" link, the "Terms" checkbox, the "Country" dropdown, the 2nd "Delete" button; or by selector: css=#id. Use the targets the outline gives, exactly as written there.
Steps:
Go to /path        (a path resolves against the site; absolute http(s) URLs work too)
Click the "Sign in" button
Type "text" into the "Email" field
Select "Option" from the "Country" dropdown
Check the "I agree" checkbox
Press Enter
Double-click "Buy milk"       Hover over "Buy milk"       Reload
Click the "✖" button in the "Buy milk" item       Check the checkbox in the "Buy milk" item       Type "text" into the focused field
Wait for the "Saved" element        Wait for the url to contain "/done"        Wait 2 seconds
Remember the text of the "Order number" element as orderId   (later steps write {{orderId}})
Expect the page contains "text"     Expect the page does not contain "text"
Expect the title contains "text"    Expect the url contains "/path"
Expect the "Save" button is visible / hidden / enabled / disabled;  Expect the "Terms" checkbox is checked;  Expect "Buy milk" is hidden
Expect the "Email" field has value "x"      Expect there are no console errors      Expect there are 3 "Delete" buttons
Templates: {{random.email}}, {{random.string}}, {{random.number}} are fresh for each run and the same within one run; use {{random.email}} for sign-ups.

Rules: every flow starts with a Go to step; each flow tests one thing a user does and ends with checks a person could see (expected text, URL, state); prefer what the outline says a form showed after it was submitted, and the steps the trials of the start page performed with what they changed; use only text and targets from the outline; propose between 3 and 15 flows, most important first; no comments, no numbering.`

// mostOutlineChars bounds the site outline sent to the model.
const mostOutlineChars = 24000

// userMessage is the prompt and an outline of the explored site, with
// targets already written in the step language.
func userMessage(prompt string, s *site, forms []*formCase, account *accountCase, rec *appRecord) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The person asked:\n%s\n\n", strings.TrimSpace(prompt))
	fmt.Fprintf(&b, "The site is %s. What exploring it found:\n", s.origin)
	tried := map[*page][]*formCase{}
	for _, fc := range forms {
		tried[fc.page] = append(tried[fc.page], fc)
	}
	seen := map[string]bool{} // links and texts told once: a site's header and footer repeat on every page
	for _, pg := range s.pages {
		var pb strings.Builder
		outlinePage(&pb, s, pg, tried[pg], seen)
		if b.Len()+pb.Len() > mostOutlineChars {
			b.WriteString("(more pages left out)\n")
			break
		}
		b.WriteString(pb.String())
	}
	if account != nil {
		fmt.Fprintf(&b, "\nSigning up on %s and then logging in on %s with the same values: %s.\n",
			pathOf(account.signup.page.url), pathOf(account.login.page.url), account.saw)
	}
	outlineApp(&b, rec)
	b.WriteString("\nWrite the flows as JSON.")
	return b.String()
}

func outlinePage(b *strings.Builder, s *site, pg *page, forms []*formCase, seen map[string]bool) {
	o := pg.outline
	fmt.Fprintf(b, "\nPage %s — title %q, heading %q\n", s.where(pg.url), o.Title, o.Heading)
	var links []string
	for _, l := range o.Links {
		phrase, err := targetPhrase(l.Target)
		line := phrase + " → " + pathOrURL(s, l.URL)
		if err == nil && len(links) < 30 && !seen[line] {
			links = append(links, line)
			seen[line] = true
		}
	}
	if len(links) > 0 {
		fmt.Fprintf(b, "  links (besides those of earlier pages): %s\n", strings.Join(links, "; "))
	}
	for _, f := range o.Forms {
		outlineForm(b, f, forms)
	}
	var buttons []string
	for _, c := range o.Buttons {
		if phrase, err := targetPhrase(c.Target); err == nil && len(buttons) < 20 {
			buttons = append(buttons, phrase)
		}
	}
	if len(buttons) > 0 {
		fmt.Fprintf(b, "  buttons: %s\n", strings.Join(buttons, "; "))
	}
	var texts []string
	for _, t := range o.Texts {
		if !seen["text:"+t] && len(texts) < 15 {
			texts = append(texts, t)
			seen["text:"+t] = true
		}
	}
	if len(texts) > 0 {
		fmt.Fprintf(b, "  text: %s\n", clip(strings.Join(texts, " | "), 600))
	}
	if len(o.ConsoleErrors) > 0 {
		fmt.Fprintf(b, "  console errors on load: %s\n", clip(strings.Join(o.ConsoleErrors, "; "), 300))
	}
}

func outlineForm(b *strings.Builder, f browser.OutlineForm, tried []*formCase) {
	fmt.Fprintf(b, "  form %s:\n", formName(f))
	for _, fl := range f.Fields {
		phrase, err := targetPhrase(fl.Target)
		if err != nil || fl.Hidden || fl.Disabled {
			continue
		}
		var facts []string
		facts = append(facts, fl.Kind)
		if fl.Required {
			facts = append(facts, "required")
		}
		for name, v := range map[string]string{"min": fl.Min, "max": fl.Max, "pattern": fl.Pattern} {
			if v != "" {
				facts = append(facts, name+" "+v)
			}
		}
		if fl.MinLength > 0 {
			facts = append(facts, fmt.Sprintf("at least %d characters", fl.MinLength))
		}
		if len(fl.Options) > 0 {
			var opts []string
			for _, o := range fl.Options[:min(len(fl.Options), 10)] {
				opts = append(opts, fmt.Sprintf("%q", o.Text))
			}
			facts = append(facts, "options "+strings.Join(opts, ", "))
		}
		fmt.Fprintf(b, "    %s (%s)\n", phrase, strings.Join(facts, ", "))
	}
	if f.Submit != nil {
		if phrase, err := targetPhrase(f.Submit.Target); err == nil {
			fmt.Fprintf(b, "    submit: %s\n", phrase)
		}
	}
	for _, fc := range tried {
		if formSignature(fc.form, fc.page.url) == formSignature(f, fc.page.url) {
			fmt.Fprintf(b, "    tried with %s: %s\n", strings.Join(fc.fill[1:], "; "), fc.saw)
		}
	}
}

func pathOrURL(s *site, raw string) string {
	for _, pg := range s.pages {
		if pg.url.String() == raw {
			return s.where(pg.url)
		}
	}
	return raw
}
