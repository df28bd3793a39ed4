package planner

import (
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/browser"
	"github.com/testing-agent/backend/executor/steps"
)

func TestJudge(t *testing.T) {
	email := &steps.Target{Text: "Email", Role: steps.Field}
	status := &steps.Target{CSS: "#status"}
	filled := []filling{{step: typeInto("{{random.email}}", email), meaning: "email"}}
	form := func(value string) []browser.OutlineForm {
		f := browser.OutlineField{Kind: "email", Value: value, Valid: true}
		f.Target = email
		return []browser.OutlineForm{{Fields: []browser.OutlineField{f}}}
	}
	page := func(url string, texts ...string) browser.PageOutline {
		return browser.PageOutline{URL: url, Texts: texts, Forms: form("user.abc@example.com")}
	}
	before := page("http://site.test/join", "Join us", "Email")
	for _, tc := range []struct {
		name      string
		after     browser.PageOutline
		checks    []string
		complaint string
		waitFor   bool
		silent    bool
	}{
		{name: "new page", after: browser.PageOutline{URL: "http://site.test/welcome?id=42", Heading: "Welcome!", Texts: []string{"Welcome!", "Hello user.abc@example.com"}},
			checks: []string{`Expect the url contains "/welcome"`, `Expect the page contains "Welcome!"`}},
		{name: "message", after: func() browser.PageOutline {
			o := page("http://site.test/join", "Join us", "Email", "Thanks, check your inbox at 10:42")
			o.Notices = []browser.OutlineNotice{{Text: "You're on the list", Hint: "status"}}
			o.Texts = append(o.Texts, "You're on the list")
			return o
		}(), checks: []string{`Expect the page contains "You're on the list"`}},
		{name: "error notice", after: func() browser.PageOutline {
			o := page("http://site.test/join", "Join us", "Email", "Could not reach the server")
			o.Notices = []browser.OutlineNotice{{Text: "Could not reach the server", Hint: "alert", Target: status}}
			return o
		}(), complaint: "Could not reach the server", waitFor: true},
		{name: "error text", after: page("http://site.test/join", "Join us", "Email", "Oops, something went wrong"),
			complaint: "Oops, something went wrong"},
		{name: "error class", after: func() browser.PageOutline {
			o := page("http://site.test/join", "Join us", "Email", "Not today")
			o.Notices = []browser.OutlineNotice{{Text: "Not today", Hint: "flash flash-danger"}}
			return o
		}(), complaint: "Not today"},
		{name: "HTTP error", after: browser.PageOutline{URL: "http://site.test/join/submit", Status: 500, Texts: []string{"Internal Server Error"}},
			complaint: "Internal Server Error"},
		{name: "cleared", after: func() browser.PageOutline {
			o := page("http://site.test/join", "Join us", "Email")
			o.Forms = form("")
			return o
		}(), checks: []string{`Expect the "Email" field has value ""`}},
		{name: "nothing", after: page("http://site.test/join", "Join us", "Email"), silent: true},
		{name: "only volatile text", after: page("http://site.test/join", "Join us", "Email", "Saved user.abc@example.com", "Order 123456"), silent: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := judge(&tryout{before: before, after: tc.after, volatile: []string{"user.abc@example.com"}, took: 300 * time.Millisecond}, filled)
			if got := strings.Join(renderAll(v.checks), "\n"); got != strings.Join(tc.checks, "\n") {
				t.Errorf("checks:\n%s\nwant:\n%s", got, strings.Join(tc.checks, "\n"))
			}
			if v.complaint != tc.complaint || (v.waitFor != nil) != tc.waitFor || v.silent != tc.silent {
				t.Errorf("complaint %q waitFor %v silent %v; want %q %v %v", v.complaint, v.waitFor, v.silent, tc.complaint, tc.waitFor, tc.silent)
			}
			if v.saw == "" {
				t.Error("the verdict does not say what exploring saw")
			}
			if v.complaint != "" && v.waitFor == nil && (v.settle < time.Second || v.settle > 5*time.Second) {
				t.Errorf("settle %s, want 1 to 5 seconds", v.settle)
			}
		})
	}
}

func TestMovedTo(t *testing.T) {
	for _, tc := range []struct{ before, after, want string }{
		{"http://s.test/a", "http://s.test/b", "/b"},
		{"http://s.test/a", "http://s.test/a", ""},
		{"http://s.test/search", "http://s.test/search?q=user.x%40example.com", "?q="},
		{"http://s.test/a", "http://s.test/", ""},
		{"http://s.test/a", "http://s.test/a#done", ""},
	} {
		if got := movedTo(tc.before, tc.after); got != tc.want {
			t.Errorf("movedTo(%q, %q) = %q, want %q", tc.before, tc.after, got, tc.want)
		}
	}
}

func TestSoundsLikeError(t *testing.T) {
	for text, want := range map[string]bool{
		"Something went wrong. Please try again later.": true,
		"Invalid email or password.":                    true,
		"Passwords do not match":                        true,
		"This email is already registered":              true,
		"Thanks! We will reply within a day.":           false,
		"Welcome aboard!":                               false,
		"Terrorists win":                                false,
	} {
		if got := soundsLikeError(text); got != want {
			t.Errorf("soundsLikeError(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestLoadFailure(t *testing.T) {
	for _, tc := range []struct{ runError, want string }{
		{"line 1: go to x: could not open http://h/: net::ERR_CONNECTION_REFUSED", "connection refused"},
		{"could not open http://h/: net::ERR_NAME_NOT_RESOLVED", "does not resolve (DNS)"},
		{"could not open http://h/: net::ERR_CERT_AUTHORITY_INVALID", "TLS certificate"},
		{"could not open http://h/: net::ERR_BLOCKED_BY_CLIENT", "net::ERR_BLOCKED_BY_CLIENT"},
		{"line 1: go to x: http://h/ did not finish loading: context deadline exceeded", "did not finish loading in time"},
	} {
		got := loadFailure("http://h/", tc.runError).Error()
		if !strings.Contains(got, tc.want) || !strings.HasPrefix(got, "could not open http://h/: ") {
			t.Errorf("loadFailure(%q) = %q, want the address and %q", tc.runError, got, tc.want)
		}
	}
}

func TestRankByPrompt(t *testing.T) {
	flows := []proposal{
		{name: "Home page loads", kind: "smoke"},
		{name: "Pricing page loads", kind: "smoke"},
		{name: "Log in form rejects unknown credentials", kind: "form"},
		{name: "Sign up form submits", kind: "form"},
		{name: "Steps from the prompt", kind: "prompt"},
	}
	rankByPrompt("test sign-up and login on http://localhost:3000", flows)
	var names []string
	for _, f := range flows {
		names = append(names, f.name)
	}
	want := "Steps from the prompt|Log in form rejects unknown credentials|Sign up form submits|Home page loads|Pricing page loads"
	if strings.Join(names, "|") != want {
		t.Errorf("order %q, want %q", names, want)
	}
}
