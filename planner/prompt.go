package planner

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/testing-agent/backend/executor/steps"
)

// request is what a prompt asks for.
type request struct {
	steps     string   // the prompt's lines that are steps, as written; "" when none
	stepCount int      // how many lines steps holds
	site      *url.URL // the site to explore; nil when the prompt names none
	// absolute: the site was written without a scheme, which the executor
	// does not take for the base URL of a run, so steps use absolute URLs.
	absolute bool
	others   []string // further URLs, not explored
}

// mostPromptLines bounds the lines read as candidate steps.
const mostPromptLines = 500

var (
	// schemeURL is an http(s) URL in prose; bareLocalURL a local server
	// written without its scheme ("localhost:3000/app").
	schemeURL    = regexp.MustCompile(`(?i)\bhttps?://[^\s"'<>()\[\]{}]+`)
	bareLocalURL = regexp.MustCompile(`(?i)(?:^|[\s(])((?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d{1,5}(?:/[^\s"'<>()\[\]{}]*)?)`)
)

// readPrompt splits a prompt into the steps it spells out and the site it
// names. A line that parses as a step (after the steps kept before it, so
// a remembered {{name}} counts) is a step; a URL is taken from the other
// lines only, so "1. Go to http://…" stays a step and is not explored.
func readPrompt(prompt string) request {
	var req request
	var kept, prose []string
	var remembered []string // remember steps, the context later lines parse in
	onlyNavigation := true
	lines := strings.Split(prompt, "\n")
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if i >= mostPromptLines {
			prose = append(prose, line)
			continue
		}
		context := strings.Join(append(append([]string{}, remembered...), line), "\n")
		list, errs := steps.Parse(context)
		if errs != nil || len(list) == 0 {
			prose = append(prose, line)
			continue
		}
		kept = append(kept, line)
		last := list[len(list)-1]
		if last.Kind == steps.Remember {
			remembered = append(remembered, line)
		}
		onlyNavigation = onlyNavigation && last.Kind == steps.Navigate
	}
	if onlyNavigation {
		// "Open http://localhost:3000" names a site to test; a flow that
		// only opens pages would test nothing.
		prose, kept = append(prose, kept...), nil
	}
	if len(kept) > 0 {
		req.steps, req.stepCount = strings.Join(kept, "\n"), len(kept)
	}
	var found []string
	for _, line := range prose {
		for _, m := range schemeURL.FindAllString(line, -1) {
			found = append(found, m)
		}
		for _, m := range bareLocalURL.FindAllStringSubmatch(line, -1) {
			found = append(found, m[1])
		}
	}
	for _, raw := range found {
		raw = strings.TrimRight(raw, ".,;:!?'\"”’")
		u, absolute, ok := siteURL(raw)
		switch {
		case !ok:
		case req.site == nil:
			req.site, req.absolute = u, absolute
		case len(req.others) < 5:
			req.others = append(req.others, u.String())
		}
	}
	return req
}

// siteURL parses a URL from a prompt; absolute reports one written without
// its scheme.
func siteURL(raw string) (u *url.URL, absolute, ok bool) {
	if !strings.Contains(raw, "://") {
		raw, absolute = "http://"+raw, true
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, false, false
	}
	u.Fragment = ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u, absolute, true
}
