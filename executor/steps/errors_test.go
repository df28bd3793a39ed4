package steps

import (
	"errors"
	"reflect"
	"testing"
)

func TestLineErrors(t *testing.T) {
	const verbs = "a step starts with a verb such as go to, click, type, fill, press, select, check, hover over, wait for, expect, remember or take a screenshot"
	tests := []struct {
		line, reason, suggestion string
	}{
		// unknown verbs: the form whose verb is spelt closest
		{`tpye "x" into "Email"`, `unknown step "tpye": ` + verbs, `type "<text>" into <target>`},
		{`clik "Save"`, `unknown step "clik": ` + verbs, `click "<name>"`},
		{`goto /login`, `unknown step "goto": ` + verbs, `go to <url>`},
		{`naviagte to /login`, `unknown step "naviagte": ` + verbs, `navigate to <url>`},
		{`"Save" is visible`, `an assertion starts with expect, verify, assert, check that or make sure`, `expect "Save" is visible`},
		{`the page contains "x"`, `an assertion starts with expect, verify, assert, check that or make sure`, `expect the page contains "x"`},
		// missing or wrong parts: the form that got furthest
		{`click`, `a target is missing after "click"`, `click "<name>"`},
		{`click Sign in`, `expected a target after "click", found "Sign"; names and text go in quotes, as in "Sign in"`, `click "<name>"`},
		{`click the`, `a name in quotes is missing after "the"`, `click "<name>"`},
		{`click "Save" now`, `unexpected "now" after "Save"`, `click "<name>"`},
		{`type "x" into`, `a target is missing after "into"`, `type "<text>" into <target>`},
		{`click the 2nd`, `a name in quotes is missing after "2nd"`, `click "<name>"`},
		{`click the "Delete" button in the "Buy milk"`, `a container such as the "<name>" item, row, card, dialog or section is missing after "Buy milk"`, `click "<name>"`},
		{`click the "Delete" button in the "Buy milk" iten`, `expected a container such as the "<name>" item, row, card, dialog or section after "Buy milk", found "iten"`, `click "<name>"`},
		{`check the focused button`, `expected "field" or "element" after "focused", found "button"`, `check "<name>"`},
		{`click the button containing`, `a name in quotes is missing after "containing"`, `click "<name>"`},
		{`accept the dialogue`, `expected "dialog" after "the", found "dialogue"`, `accept the dialog`},
		{`switch to the tab`, `expected "new tab" after "the", found "tab"`, `switch to the new tab`},
		{`type x into "Email"`, `expected the text in quotes after "type", found "x"; names and text go in quotes, as in "Sign in"`, `type "<text>" into <target>`},
		{`select "Pro" from`, `a target is missing after "from"`, `select "<option>" from <target>`},
		{`fill "Email" "x"`, `expected "with" after "Email", found "x"`, `fill <target> with "<text>"`},
		{`go home`, `expected "to", "back" or "forward" after "go", found "home"`, `go to <url>`},
		{`go to`, `a URL is missing after "to"`, `go to <url>`},
		{`wait`, `the step stops too early after "wait": expected a duration such as 2 seconds or 500 ms, "for" or "until"`, `wait 2 seconds`},
		{`wait 2`, `a unit (seconds or ms) is missing after "2"`, `wait 2 seconds`},
		{`expect "Save" is purple`, `expected "visible", "hidden", "enabled", "disabled", "checked", "unchecked", … after "is", found "purple"`, `expect "<name>" is visible`},
		{`verify the title equal "x"`, `expected "is" or "contains" after "title", found "equal"`, `verify the title is "<text>"`},
		{`remember the text of "Order" as order id`, `unexpected "id" after "order"`, `remember the text of <target> as <name>`},
		{`take a screenshot of the cart`, `unexpected "of" after "screenshot"`, `take a screenshot named "<name>"`},
		// quotes
		{`type "bob into "Username"`, `a quote is not closed`, `type "<text>" into <target>`},
		{`type "bob into Username`, `the quote that starts at "bob into Username is not closed`, `type "<text>" into <target>`},
		{`expect the page contains 'Hello`, `the quote that starts at 'Hello is not closed`, `expect the page contains "<text>"`},
		// values
		{`click ""`, `the name in quotes is empty`, `click "<name>"`},
		{`expect the page contains ""`, `the text to look for is empty`, `expect the page contains "<text>"`},
		{`wait for the url to contain ""`, `the text the url should contain is empty`, `wait for the url to contain "<text>"`},
		{`take a screenshot named ""`, `the screenshot name is empty`, `take a screenshot named "<name>"`},
		{`wait 61 seconds`, `a fixed wait can be at most 60 seconds; wait for an element or for the url instead`, `wait for "<name>"`},
		{`wait 2 minutes`, `a fixed wait can be at most 60 seconds; wait for an element or for the url instead`, `wait for "<name>"`},
		{`wait 99999999999999999999 ms`, `a fixed wait can be at most 60 seconds; wait for an element or for the url instead`, `wait for "<name>"`},
		{`wait 0 seconds`, `a wait must be longer than zero`, `wait 2 seconds`},
		{`press Entr`, `"Entr" is not a key name`, `press Enter`},
		{`press Ctrl+Shift+Entr`, `"Entr" is not a key name`, `press Control+Shift+Enter`},
		{`press A+Control`, `only Control, Shift, Alt or Meta can come before + in "A+Control"`, `press Control+A`},
		{`press Control+Control+A`, `Control appears twice in "Control+Control+A"`, `press Control+A`},
		{`press Control+`, `"Control+" has an empty key; join keys with + as in Control+A`, `press Control+A`},
		{`press "Sign in"`, `"Sign in" is not a key name`, `press the "Sign in" button`},
		{`remember "Total" as baseUrl`, `baseUrl is a run variable and cannot be remembered over`, `remember the text of <target> as <name>`},
		{`remember "Total" as 2nd`, `"2nd" is not a name: use letters, digits and _`, `remember the text of <target> as orderId`},
		// URLs
		{`open javascript:alert(1)`, `only http and https URLs can be opened, not javascript:`, `open https://example.com/`},
		{`go to file:///etc/passwd`, `only http and https URLs can be opened, not file:`, `go to https://example.com/`},
		{`go to localhost:3000/login`, `"localhost:3000/login" looks like a host without a scheme; a relative path starts with / or ./`, `go to http://localhost:3000/login`},
		{`visit example.com`, `"example.com" looks like a host without a scheme; a relative path starts with / or ./`, `visit https://example.com`},
		{`go to //example.com/x`, `"//example.com/x" needs a scheme in front`, `go to https://example.com/x`},
		{`go to https://`, `"https://" has no host`, `go to https://example.com/`},
		{`go to "/a b"`, `a URL cannot contain spaces; write them as %20`, `go to <url>`},
		// templates
		{`type "{{orderId}}" into "Order"`, `{{orderId}} is used before a step remembers it`, `remember the text of <target> as orderId`},
		{`type "{{baseURL}}" into "x"`, `{{baseURL}} is spelt {{baseUrl}}`, `{{baseUrl}}`},
		{`type "{{random.phone}}" into "x"`, `{{random.phone}} is not a random value; there are random.email, random.number, random.string, random.uuid`, `{{random.email}}`},
		{`type "{{order id}}" into "x"`, `{{order id}} is not a valid template: use letters, digits and _, or env.NAME`, `{{name}}`},
		{`type "{{}}" into "x"`, `{{}} is not a valid template: use letters, digits and _, or env.NAME`, `{{name}}`},
		{`type "{{x" into "y"`, `the template {{x" into "y" has no closing }}`, `{{name}}`},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			steps, errs := Parse(tt.line)
			want := []LineError{{Line: 1, Source: tt.line, Reason: tt.reason, Suggestion: tt.suggestion}}
			if len(steps) != 0 || errs == nil || !reflect.DeepEqual(errs.Lines, want) {
				t.Errorf("Parse(%q)\n got %v, %#v\nwant %#v", tt.line, steps, errs, want)
			}
		})
	}
}

func TestErrorsKeepGoodSteps(t *testing.T) {
	instructions := "go to /login\n\ntpye \"bob\" into \"User\"\nclick \"Sign in\"\nclick\n"
	steps, errs := Parse(instructions)
	if len(steps) != 2 || steps[0].Line != 1 || steps[1].Line != 4 {
		t.Errorf("want the steps on lines 1 and 4, got %+v", steps)
	}
	if errs == nil || len(errs.Lines) != 2 || errs.Lines[0].Line != 3 || errs.Lines[1].Line != 5 {
		t.Fatalf("want errors on lines 3 and 5, got %v", errs)
	}
	const want = `line 3: unknown step "tpye": a step starts with a verb such as go to, click, type, fill, press, select, check, hover over, wait for, expect, remember or take a screenshot (try: type "<text>" into <target>); line 5: a target is missing after "click" (try: click "<name>")`
	if got := errs.Error(); got != want {
		t.Errorf("Error()\n got %s\nwant %s", got, want)
	}
	var lineErrs *Errors
	if err := errs.Err(); !errors.As(err, &lineErrs) {
		t.Errorf("Err() = %v, want the *Errors", err)
	}
}

func TestNoSteps(t *testing.T) {
	for _, instructions := range []string{"", "   \n\n", "# only a comment\n// and another"} {
		steps, errs := Parse(instructions)
		want := []LineError{{Reason: "the instructions have no steps", Suggestion: "go to <url>"}}
		if steps != nil || errs == nil || !reflect.DeepEqual(errs.Lines, want) {
			t.Errorf("Parse(%q) = %v, %v; want no steps and %v", instructions, steps, errs, want)
		}
		if got := errs.Error(); got != "the instructions have no steps (try: go to <url>)" {
			t.Errorf("Error() = %q", got)
		}
	}
}

func TestNilErrorsIsNoError(t *testing.T) {
	_, errs := Parse(`click "x"`)
	if err := errs.Err(); err != nil {
		t.Errorf("Err() of no errors = %v, want nil", err)
	}
}
