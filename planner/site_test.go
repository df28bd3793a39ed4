package planner

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

// TestBuiltinPlannerOnSite explores testdata/site, a small site with a
// sign-up, a log-in and a contact form and two real faults (a script error
// on the pricing page, a contact form whose endpoint is missing). Every
// proposed flow must parse; run by the real runner, at least 80% must pass,
// and the faults must make their flows fail.
func TestBuiltinPlannerOnSite(t *testing.T) {
	pool := pool(t)
	store := newStore(t)
	session := newSession(t, store, "test sign-up and login on "+siteServer.URL)
	p := New(Options{Store: store, Pool: pool, Logger: quietLogger()})
	ended, flows := generate(t, p, store, session.ID)
	for _, line := range logMessages(t, store, session.ID) {
		t.Log(line)
	}
	if ended.Status != "ready" {
		t.Fatalf("status %s (%s), want ready", ended.Status, errorMessage(ended))
	}
	if len(flows) < 8 {
		t.Fatalf("%d flows, want a smoke flow per page, form flows and navigation flows", len(flows))
	}

	passed := 0
	var pricingSmoke, contactForm *bool
	for _, f := range flows {
		list, errs := steps.Parse(f.Instructions)
		if errs != nil {
			t.Errorf("flow %q does not parse: %v\n%s", f.Name, errs, f.Instructions)
			continue
		}
		if f.Approved {
			t.Errorf("flow %q is approved; proposals need a person's approval", f.Name)
		}
		res := runOn(t, pool, siteServer.URL, list)
		t.Logf("%-5v %s\n%s\n  -- %s\n  -- %s", res.Passed, f.Name, indent(f.Instructions), f.Description, res.Error)
		if res.Passed {
			passed++
		}
		ok := res.Passed
		switch {
		case strings.Contains(f.Instructions, "/pricing.html") && strings.Contains(f.Instructions, "no console errors"):
			pricingSmoke = &ok
		case strings.Contains(f.Instructions, "/contact.html") && strings.Contains(f.Instructions, "Send message"):
			contactForm = &ok
		}
	}
	rate := float64(passed) / float64(len(flows))
	t.Logf("pass rate: %d of %d flows (%.0f%%)", passed, len(flows), rate*100)
	if rate < 0.8 {
		t.Errorf("pass rate %.0f%%, want at least 80%%", rate*100)
	}
	switch {
	case pricingSmoke == nil:
		t.Error("no smoke flow checks the console of /pricing.html")
	case *pricingSmoke:
		t.Error("the pricing page's smoke flow passed, but its script throws on load")
	}
	switch {
	case contactForm == nil:
		t.Error("no flow submits the contact form")
	case *contactForm:
		t.Error("the contact form's flow passed, but its endpoint is missing")
	}
}

// runOn runs parsed steps with the real runner against base.
func runOn(t *testing.T, pool *browser.Pool, base string, list []steps.Step) browser.RunResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), flowBound)
	defer cancel()
	s, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatalf("Acquire: %v", err)
	}
	defer s.Release()
	return s.Run(ctx, list, browser.RunOptions{BaseURL: base, StepTimeout: 5 * time.Second}, nil)
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }
