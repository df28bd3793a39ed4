package planner

import (
	"strings"
	"testing"
)

func TestReadPrompt(t *testing.T) {
	for _, tc := range []struct {
		name      string
		prompt    string
		site      string
		absolute  bool
		stepCount int
		others    int
	}{
		{name: "URL in prose", prompt: "test sign-up and login on http://localhost:3000.", site: "http://localhost:3000/"},
		{name: "URL with path and parenthesis", prompt: "check the shop (https://shop.example.com/cart?x=1), thanks", site: "https://shop.example.com/cart?x=1"},
		{name: "bare local server", prompt: "test localhost:8080/app please", site: "http://localhost:8080/app", absolute: true},
		{name: "no URL", prompt: "test the login page"},
		{name: "URL only inside steps", prompt: "1. Go to http://localhost:3000/login\n2. Click the \"Sign in\" button", stepCount: 2},
		{name: "steps and a site", prompt: "Explore http://127.0.0.1:5000 and also:\n- Go to /pricing\n- Expect the page contains \"Pricing\"",
			site: "http://127.0.0.1:5000/", stepCount: 2},
		{name: "several URLs", prompt: "test http://a.test/ and http://b.test/ and http://c.test/", site: "http://a.test/", others: 2},
		{name: "a lone go-to names the site", prompt: "Open http://localhost:3000", site: "http://localhost:3000/"},
		{name: "prose that is not a step", prompt: "Open the app and check that everything works", stepCount: 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := readPrompt(tc.prompt)
			site := ""
			if req.site != nil {
				site = req.site.String()
			}
			if site != tc.site || req.absolute != tc.absolute || req.stepCount != tc.stepCount || len(req.others) != tc.others {
				t.Errorf("readPrompt(%q) = site %q absolute %v, %d steps %q, others %q; want site %q absolute %v, %d steps, %d others",
					tc.prompt, site, req.absolute, req.stepCount, req.steps, req.others, tc.site, tc.absolute, tc.stepCount, tc.others)
			}
		})
	}
}

// TestReadPromptKeepsRememberedNames checks that a step using {{name}}
// counts as a step when an earlier line remembered it.
func TestReadPromptKeepsRememberedNames(t *testing.T) {
	prompt := "Remember the text of the \"Order\" element as order\nExpect the page contains \"{{order}}\"\nExpect the page contains \"{{other}}\""
	req := readPrompt(prompt)
	if req.stepCount != 2 || strings.Contains(req.steps, "other") {
		t.Errorf("steps %q, want the remember step and the one using it, not the line using an unknown name", req.steps)
	}
}
