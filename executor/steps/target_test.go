package steps

import "testing"

func hover(target *Target) Step { return Step{Kind: Hover, Target: target} }

func TestNamedTargets(t *testing.T) {
	checkSteps(t, []stepCase{
		{`hover over "Sign in"`, hover(named("Sign in"))},
		{`hover over the "Sign in"`, hover(named("Sign in"))},
		{`hover over the "Email" field`, hover(withRole("Email", Field))},
		{`hover over the "Email" input`, hover(withRole("Email", Field))},
		{`hover over the "Email" box`, hover(withRole("Email", Field))},
		{`hover over the "Email" textbox`, hover(withRole("Email", Field))},
		{`hover over the "Email" text box`, hover(withRole("Email", Field))},
		{`hover over the "Sign in" button`, hover(withRole("Sign in", Button))},
		{`hover over the "Docs" link`, hover(withRole("Docs", Link))},
		{`hover over the "Remember me" checkbox`, hover(withRole("Remember me", Checkbox))},
		{`hover over the "Plan" dropdown`, hover(withRole("Plan", Dropdown))},
		{`hover over the "Plan" select`, hover(withRole("Plan", Dropdown))},
		{`hover over the "Plan" element`, hover(named("Plan"))},
		{`hover over the button "Sign in"`, hover(withRole("Sign in", Button))},
		{`hover over "Sign in" button`, hover(withRole("Sign in", Button))},
		{`hover over the "#main"`, hover(named("#main"))},
		{`hover over 'Alice's list'`, hover(named("Alice's list"))},
		{`hover over “Sign in”`, hover(named("Sign in"))},
		{`hover over ”Sign in”`, hover(named("Sign in"))},
		{`hover over ‘Sign in’`, hover(named("Sign in"))},
		{`hover over 'say "hi"'`, hover(named(`say "hi"`))},
		{`hover over "{{random.string}}"`, hover(named("{{random.string}}"))},
		{`hover over {{random.string}}`, hover(named("{{random.string}}"))},
	})
}

func TestOrdinals(t *testing.T) {
	checkSteps(t, []stepCase{
		{`hover over the 2nd "Delete" button`, hover(nth("Delete", Button, 2))},
		{`hover over the 1st "Delete" button`, hover(nth("Delete", Button, 1))},
		{`hover over the 3rd "Delete" button`, hover(nth("Delete", Button, 3))},
		{`hover over the 11th "Row"`, hover(nth("Row", AnyRole, 11))},
		{`hover over 2nd "Row"`, hover(nth("Row", AnyRole, 2))},
		{`hover over the first "Row"`, hover(nth("Row", AnyRole, 1))},
		{`hover over the second "Row" link`, hover(nth("Row", Link, 2))},
		{`hover over the third "Row"`, hover(nth("Row", AnyRole, 3))},
		{`hover over the tenth "Row"`, hover(nth("Row", AnyRole, 10))},
		{`hover over the last "Row" link`, hover(nth("Row", Link, LastMatch))},
		{`hover over the 2nd button "Delete"`, hover(nth("Delete", Button, 2))},
	})
}

func TestSelectors(t *testing.T) {
	checkSteps(t, []stepCase{
		{`hover over css=nav a.active`, hover(css("nav a.active"))},
		{`hover over CSS="nav > a"`, hover(css("nav > a"))},
		{`hover over css='nav > a'`, hover(css("nav > a"))},
		{`hover over #main .item`, hover(css("#main .item"))},
		{`hover over .item`, hover(css(".item"))},
		{`hover over [data-test="menu"]`, hover(css(`[data-test="menu"]`))},
		{`hover over [aria-label="Close dialog"]`, hover(css(`[aria-label="Close dialog"]`))},
		{`hover over xpath=//a[text()="Docs"]`, hover(xpath(`//a[text()="Docs"]`))},
		{`hover over //nav//a`, hover(xpath("//nav//a"))},
		{`hover over [name={{random.string}}]`, hover(css("[name={{random.string}}]"))},
	})
}

// TestOrdinal: Ordinal writes English ordinals, and the parser reads back
// what it writes.
func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th",
		21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th"} {
		got := Ordinal(n)
		if got != want {
			t.Errorf("Ordinal(%d) = %s, want %s", n, got, want)
		}
		if back, ok := ordinal(got); !ok || back != n {
			t.Errorf("%q reads back as %d, %v", got, back, ok)
		}
	}
}
