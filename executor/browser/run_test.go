package browser

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/testing-agent/backend/executor/steps"
)

// flowCase is one flow against the test pages: it passes, or it fails at
// failLine with an error containing every string of want.
type flowCase struct {
	name     string
	flow     string
	failLine int      // 0: the flow must pass
	want     []string // substrings of the failure
	check    func(t *testing.T, res RunResult)
}

// Timeouts: every step gets room to wait however busy the machine is; only
// the one line a failing flow is meant to fail on runs out quickly, so the
// suite stays fast. Page loads always have the navigation timeout.
const (
	passTimeout = 30 * time.Second
	failTimeout = 600 * time.Millisecond
)

// failingOpts are the run options of a flow meant to fail at failLine.
func failingOpts(failLine int) RunOptions {
	opts := runOpts(passTimeout)
	opts.lineTimeouts = map[int]time.Duration{failLine: failTimeout}
	return opts
}

var passingFlows = []flowCase{
	{
		name: "login form with delayed answer",
		flow: `Go to /login.html
Type "alice@example.com" into the "Email" field
Type "correct horse" into "Password"
Check "Remember me"
Click the "Sign in" button
Expect the url to contain "/dashboard"
Expect the page contains "Welcome, Alice"
Expect the title is "Dashboard"
Take a screenshot named "dashboard"`,
		check: func(t *testing.T, res RunResult) {
			nav := res.Steps[0]
			if nav.Data["url"] != site.URL+"/login.html" || nav.Data["status"] != 200 || nav.Data["title"] != "Login" {
				t.Errorf("navigate data = %v", nav.Data)
			}
			shot := res.Steps[8]
			if !bytes.HasPrefix(shot.Screenshot, pngMagic) || shot.ScreenshotName != "dashboard" {
				t.Errorf("screenshot step: %d bytes, name %q", len(shot.Screenshot), shot.ScreenshotName)
			}
			for _, st := range res.Steps[:8] {
				if st.Screenshot != nil {
					t.Errorf("line %d has a screenshot though it passed and asked for none", st.Line)
				}
			}
		},
	},
	{
		name: "list that changes on Enter, ordinals and counts",
		flow: `Go to /list.html
Expect there are 2 "Delete" buttons
Type "Bread" into "New item"
Press Enter
Expect there are 3 "Delete" buttons
Expect the page contains "3 items"
Click the 2nd "Delete" button
Expect the page does not contain "Eggs"
Expect there are 2 "Delete" buttons
Expect "Bread" is visible
Expect "Secret tip" is hidden
Expect "No such thing" is hidden
Click the last "Delete" button
Expect the page does not contain "Bread"
Expect the page contains "Milk"`,
	},
	{
		name: "actionability: overlay, sliding button, pointer kinds",
		flow: `Go to /list.html
Click "Under the overlay"
Expect the page contains "covered clicked"
Click the "Sliding button" button
Expect the page contains "slider clicked"
Double-click "Double me"
Expect the page contains "double-clicked"
Right-click "Right me"
Expect the page contains "right-clicked"
Hover over "Hover me"
Expect the page contains "hovered"`,
	},
	{
		name: "select, checkbox, radio, styled checkbox, enabling button",
		flow: `Go to /form.html
Expect the "Continue" button is disabled
Select "Pro" from the "Plan" dropdown
Expect the "Plan" dropdown has value "pro"
Check "I agree to the terms"
Expect "I agree to the terms" is checked
Expect the "Continue" button is enabled
Check "Yearly"
Check "Send me news"
Click "Continue"
Expect the page contains "Plan: Pro, yearly, news"
Uncheck "I agree to the terms"
Expect the "I agree to the terms" checkbox is unchecked
Expect the "Continue" button is disabled
Type "new notes" into "Notes"
Expect the "Notes" field has value "new notes"
Clear the "Notes" field
Type "x" into "Notes"
Expect the "Notes" field has value "x"`,
		check: func(t *testing.T, res RunResult) {
			if got := res.Steps[2].Data["selected"]; got != "Pro" {
				t.Errorf("selected = %v, want Pro", got)
			}
			if got := res.Steps[3].Data; got != nil {
				t.Logf("assert data %v", got)
			}
		},
	},
	{
		name: "css and xpath targets",
		flow: `Go to /form.html
Type "from css" into css=textarea#notes
Expect css=#notes has value "from css"
Click xpath=//label[contains(., "I agree")]
Click css=#continue
Expect xpath=//p[@id="summary"] contains "Plan: Pick one, monthly"
Expect css=#summary is visible`,
	},
	{
		name: "remember and templates",
		flow: `Go to /login.html
Type "alice@example.com" into "Email"
Remember the text of the "Email" field as email
Go to {{baseUrl}}/storage.html
Type "{{email}}" into "Who"
Click "Save"
Expect the page contains "saved alice@example.com"
Type "{{random.email}}" into "Who"
Remember the text of the "Who" field as first
Type "{{random.email}}" into "Who"
Expect the "Who" field has value "{{first}}"`,
		check: func(t *testing.T, res RunResult) {
			if got := res.Steps[2].Data["value"]; got != "alice@example.com" {
				t.Errorf("remembered %v", got)
			}
		},
	},
	{
		name: "links, history and a JS redirect",
		flow: `Go to ./nav.html
Click the "Next page" link
Expect the url to contain "from=link"
Expect the page contains "from link"
Go back
Expect the title is "Start"
Expect the url is "/nav.html"
Go forward
Expect the title is "Target"
Reload
Expect the page contains "You arrived"
Go to /nav.html
Click "Redirect me"
Wait for the url to contain "from=js"
Expect the page contains "from js"
Wait for "You arrived"`,
		check: func(t *testing.T, res RunResult) {
			if got := res.Steps[4].Data["url"]; got != site.URL+"/nav.html" {
				t.Errorf("url after going back = %v", got)
			}
		},
	},
	{
		name: "keys, waits, scrolling",
		flow: `Go to /list.html#still
Type "abc" into "New item"
Press Control+A
Press x
Expect the "New item" field has value "x"
Wait 300 ms
Scroll down
Scroll to "Footer link"
Expect the title contains "scrolled"
Scroll up
Wait for "Milk"
Wait for "Secret tip" to disappear`,
		check: func(t *testing.T, res RunResult) {
			if d := res.Steps[5].Duration; d < 300*time.Millisecond {
				t.Errorf("wait 300 ms took %s", d)
			}
			if y, _ := res.Steps[6].Data["scrollY"].(int); y <= 0 {
				t.Errorf("scroll down: scrollY = %v", res.Steps[6].Data["scrollY"])
			}
		},
	},
	{
		name: "unexpected dialogs are dismissed and noted",
		flow: `Go to /console.html
Click "Delete account"
Expect the page contains "kept"`,
		check: func(t *testing.T, res RunResult) {
			// Noted on the click, or the step after if the events arrive late.
			if got := dialogsNoted(res); got != "dismissed unexpected alert: This cannot be undone|dismissed unexpected confirm: Really delete?" {
				t.Errorf("dialogs = %q", got)
			}
		},
	},
	{
		name: "no console errors on a quiet page",
		flow: `Go to /quiet.html
Expect there are no console errors`,
		check: func(t *testing.T, res RunResult) {
			if len(res.ConsoleErrors) != 0 {
				t.Errorf("console errors %q", res.ConsoleErrors)
			}
		},
	},
}

var failingFlows = []flowCase{
	{
		name:     "button not found lists the closest buttons",
		flow:     "Go to /login.html\nClick the \"Register\" button",
		failLine: 2,
		want:     []string{`no visible, enabled button named "Register" after 600ms; the page has buttons "Sign in", "Log in with SSO" (disabled)`},
	},
	{
		name:     "field not found lists fields",
		flow:     "Go to /login.html\nType \"bob\" into \"Username\"",
		failLine: 2,
		want:     []string{`no visible, enabled field named "Username"`, `the page has fields "Email", "Password"`},
	},
	{
		name:     "any element not found lists names of every kind",
		flow:     "Go to /login.html\nClick \"Sign on\"",
		failLine: 2,
		want:     []string{`no visible, enabled element named "Sign on"`, `"Sign in" (button)`, `"Sign up" (link)`},
	},
	{
		name:     "disabled button",
		flow:     "Go to /login.html\nClick the \"Log in with SSO\" button",
		failLine: 2,
		want:     []string{`the button "Log in with SSO" is disabled after 600ms`},
	},
	{
		name:     "hidden element",
		flow:     "Go to /list.html\nClick \"Secret tip\"",
		failLine: 2,
		want:     []string{`the <div#tip> "Secret tip" is hidden`},
	},
	{
		name:     "covered button",
		flow:     "Go to /list.html#still\nClick \"Blocked button\"",
		failLine: 2,
		want:     []string{`the button "Blocked button" is covered by <div#shield>`},
	},
	{
		name:     "read-only field",
		flow:     "Go to /form.html\nType \"x\" into \"Account ID\"",
		failLine: 2,
		want:     []string{`the field "Account ID" is read-only`},
	},
	{
		name:     "ordinal beyond the matches",
		flow:     "Go to /list.html#still\nClick the 3rd \"Delete\" button",
		failLine: 2,
		want:     []string{`there is no 3rd button, only 2 buttons named "Delete"`},
	},
	{
		name:     "count",
		flow:     "Go to /list.html#still\nExpect there are 5 \"Delete\" buttons",
		failLine: 2,
		want:     []string{`expected 5 buttons named "Delete", found 2 visible after 600ms`},
	},
	{
		name:     "missing option",
		flow:     "Go to /form.html\nSelect \"Gold\" from \"Plan\"",
		failLine: 2,
		want:     []string{`the dropdown "Plan" has no option "Gold" after 600ms; it has "Pick one", "Free", "Pro", "Team"`},
	},
	{
		name:     "disabled option",
		flow:     "Go to /form.html\nSelect \"Team\" from \"Plan\"",
		failLine: 2,
		want:     []string{`the option "Team" of the dropdown "Plan" is disabled`},
	},
	{
		name:     "page text",
		flow:     "Go to /login.html\nExpect the page contains \"Welcome, Bob\"",
		failLine: 2,
		want:     []string{`the page does not contain "Welcome, Bob" after 600ms; the nearest text on the page is "`},
	},
	{
		name:     "page text that stays",
		flow:     "Go to /login.html\nExpect the page does not contain \"Remember me\"",
		failLine: 2,
		want:     []string{`the page still contains "Remember me"`},
	},
	{
		name:     "title",
		flow:     "Go to /login.html\nExpect the title is \"Home\"",
		failLine: 2,
		want:     []string{`the title is "Login", not "Home"`},
	},
	{
		name:     "url",
		flow:     "Go to /login.html\nExpect the url to contain \"/dashboard\"",
		failLine: 2,
		want:     []string{`the url "` + "%SITE%" + `/login.html" does not contain "/dashboard"`},
	},
	{
		name:     "wait for url",
		flow:     "Go to /login.html\nWait for the url to contain \"/never\"",
		failLine: 2,
		want:     []string{`does not contain "/never" after 600ms`},
	},
	{
		name:     "state assertion",
		flow:     "Go to /form.html\nExpect \"I agree to the terms\" is checked",
		failLine: 2,
		want:     []string{`the checkbox "I agree to the terms" is not checked after 600ms`},
	},
	{
		name:     "value assertion",
		flow:     "Go to /form.html\nExpect the \"Notes\" field has value \"new\"",
		failLine: 2,
		want:     []string{`the field "Notes" has value "old notes", not "new"`},
	},
	{
		name:     "visible assertion on hidden element",
		flow:     "Go to /list.html\nExpect \"Secret tip\" is visible",
		failLine: 2,
		want:     []string{`the <div#tip> "Secret tip" is hidden after 600ms`},
	},
	{
		name:     "wait for something to disappear",
		flow:     "Go to /login.html\nWait for \"Remember me\" to disappear",
		failLine: 2,
		want:     []string{`is still visible after 600ms`},
	},
	{
		name:     "css matches nothing",
		flow:     "Go to /login.html\nClick css=#nope",
		failLine: 2,
		want:     []string{`no visible, enabled element matching css=#nope after 600ms`},
	},
	{
		name:     "invalid xpath fails at once",
		flow:     "Go to /login.html\nClick xpath=//button[",
		failLine: 2,
		want:     []string{`invalid XPath "//button["`},
	},
	{
		name:     "console error",
		flow:     "Go to /console.html\nExpect there are no console errors\nClick \"Log error\"\nExpect there are no console errors",
		failLine: 4,
		want:     []string{`the page logged 1 console error: console.error: clicked error 42`},
	},
	{
		name:     "uncaught exception",
		flow:     "Go to /console.html\nClick \"Throw\"\nExpect there are no console errors",
		failLine: 3,
		want:     []string{`uncaught exception: Error: kaboom`},
		check: func(t *testing.T, res RunResult) {
			if len(res.ConsoleErrors) != 1 || !strings.Contains(res.ConsoleErrors[0], "kaboom") {
				t.Errorf("ConsoleErrors = %q", res.ConsoleErrors)
			}
		},
	},
	{
		name:     "clear a missing field",
		flow:     "Go to /form.html\nClear the \"Comments\" field",
		failLine: 2,
		want:     []string{`no visible, enabled field named "Comments"`, `the page has fields "Notes", "Account ID"`},
	},
	{
		name:     "check a missing checkbox",
		flow:     "Go to /form.html\nCheck \"Subscribe\"",
		failLine: 2,
		want:     []string{`no visible, enabled checkbox or radio button named "Subscribe"`, `"☐ Send me news"`},
	},
	{
		name:     "hover over nothing",
		flow:     "Go to /list.html#still\nHover over \"Hover you\"",
		failLine: 2,
		want:     []string{`no visible element named "Hover you" after 600ms; the page has "Hover me" (text)`},
	},
	{
		name:     "scroll to nothing",
		flow:     "Go to /list.html#still\nScroll to \"Header link\"",
		failLine: 2,
		want:     []string{`no visible element named "Header link"`, `"Footer link" (link)`},
	},
	{
		name:     "remember nothing",
		flow:     "Go to /login.html\nRemember the text of css=#missing as x",
		failLine: 2,
		want:     []string{`no visible element matching css=#missing after 600ms`},
	},
	{
		name:     "hidden assertion on a visible element",
		flow:     "Go to /login.html\nExpect \"Remember me\" is hidden",
		failLine: 2,
		want:     []string{`the checkbox "Remember me" is visible after 600ms`},
	},
	{
		name:     "enabled assertion on a disabled button",
		flow:     "Go to /login.html\nExpect the \"Log in with SSO\" button is enabled",
		failLine: 2,
		want:     []string{`the button "Log in with SSO" is disabled after 600ms`},
	},
	{
		name:     "disabled assertion on an enabled button",
		flow:     "Go to /login.html\nExpect the \"Sign in\" button is disabled",
		failLine: 2,
		want:     []string{`the button "Sign in" is enabled after 600ms`},
	},
	{
		name:     "unchecked assertion on a checked radio button",
		flow:     "Go to /form.html\nExpect \"Monthly\" is unchecked",
		failLine: 2,
		want:     []string{`the radio button "Monthly" is checked after 600ms`},
	},
	{
		name:     "element text assertion",
		flow:     "Go to /list.html#still\nExpect css=#count contains \"5 items\"",
		failLine: 2,
		want:     []string{`the <p#count> "2 items" does not contain "5 items" after 600ms; it has "2 items"`},
	},
	{
		name:     "title contains",
		flow:     "Go to /login.html\nExpect the title contains \"Dash\"",
		failLine: 2,
		want:     []string{`the title "Login" does not contain "Dash" after 600ms`},
	},
	{
		name:     "url is",
		flow:     "Go to /login.html\nExpect the url is \"/dashboard\"",
		failLine: 2,
		want:     []string{`the url is "%SITE%/login.html", not "%SITE%/dashboard"`},
	},
	{
		name:     "go forward without history",
		flow:     "Go to /login.html\nGo forward",
		failLine: 2,
		want:     []string{`there is no next page to go forward to`},
	},
	{
		name:     "go back without history",
		flow:     "Go back",
		failLine: 1,
		want:     []string{`there is no previous page to go back to`},
	},
	{
		name:     "unreachable site",
		flow:     "Go to %CLOSED%/",
		failLine: 1,
		want:     []string{`could not open %CLOSED%/: net::ERR_CONNECTION_REFUSED`},
	},
	{
		name:     "template without a value",
		flow:     "Go to /login.html\nType \"{{env.SECRET}}\" into \"Email\"",
		failLine: 2,
		want:     []string{`{{env.SECRET}}`, `not an environment variable this server allows`},
	},
}

func TestFlowsPass(t *testing.T) { runPassing(t, passingFlows) }

func TestFlowsFail(t *testing.T) { runFailing(t, failingFlows) }

// runPassing runs each case, in parallel, and checks that it passes.
func runPassing(t *testing.T, cases []flowCase) {
	p := pool(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := runFlow(t, p, tc.flow, runOpts(passTimeout))
			if !res.Passed {
				t.Fatalf("flow failed: %s\n%s", res.Error, describe(res))
			}
			if want := len(parse(t, tc.flow)); len(res.Steps) != want {
				t.Fatalf("ran %d steps, want %d", len(res.Steps), want)
			}
			for _, st := range res.Steps {
				if st.Status != StepPassed || st.Error != "" {
					t.Errorf("line %d: status %s, error %q", st.Line, st.Status, st.Error)
				}
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

// runFailing runs each case, in parallel, and checks that it fails where
// and how it should.
func runFailing(t *testing.T, cases []flowCase) {
	p := pool(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			flow := strings.ReplaceAll(tc.flow, "%CLOSED%", closedURL)
			list := parse(t, flow)
			res := runFlow(t, p, flow, failingOpts(tc.failLine))
			if res.Passed {
				t.Fatalf("flow passed, want a failure at line %d\n%s", tc.failLine, describe(res))
			}
			if len(res.Steps) != tc.failLine {
				t.Fatalf("ran %d steps, want to stop at line %d\n%s", len(res.Steps), tc.failLine, describe(res))
			}
			last := res.Steps[len(res.Steps)-1]
			prefix := fmt.Sprintf("line %d: %s: ", tc.failLine, list[tc.failLine-1].Source)
			if last.Status != StepFailed || !strings.HasPrefix(last.Error, prefix) || res.Error != last.Error {
				t.Errorf("error = %q\nwant it to start with %q", last.Error, prefix)
			}
			for _, w := range tc.want {
				w = strings.ReplaceAll(strings.ReplaceAll(w, "%SITE%", site.URL), "%CLOSED%", closedURL)
				if !strings.Contains(last.Error, w) {
					t.Errorf("error = %q\nwant it to contain %q", last.Error, w)
				}
			}
			if !bytes.HasPrefix(last.Screenshot, pngMagic) || last.ScreenshotName != fmt.Sprintf("line-%d-failure", tc.failLine) {
				t.Errorf("failure screenshot: %d bytes named %q", len(last.Screenshot), last.ScreenshotName)
			}
			if tc.check != nil {
				tc.check(t, res)
			}
		})
	}
}

// The steps a caller hands in are not changed by running them.
func TestRunLeavesStepsAlone(t *testing.T) {
	p := pool(t)
	list := parse(t, "Go to /storage.html\nType \"{{random.email}}\" into \"Who\"")
	before := fmt.Sprintf("%+v %+v", list[1], *list[1].Target)
	s := acquire(t, p)
	defer s.Release()
	res := s.Run(t.Context(), list, runOpts(passTimeout), nil)
	if !res.Passed {
		t.Fatalf("flow failed: %s", res.Error)
	}
	if after := fmt.Sprintf("%+v %+v", list[1], *list[1].Target); after != before {
		t.Errorf("steps changed:\n%s\n%s", before, after)
	}
	if list[1].Kind != steps.Type {
		t.Fatal("unexpected parse")
	}
}

// dialogsNoted joins the dialogs the steps of res noted.
func dialogsNoted(res RunResult) string {
	var got []string
	for _, st := range res.Steps {
		if d, ok := st.Data["dialogs"].([]string); ok {
			got = append(got, d...)
		}
	}
	return strings.Join(got, "|")
}
