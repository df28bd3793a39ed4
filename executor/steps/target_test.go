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

func scoped(t *Target, text string, kind ScopeKind) *Target {
	t.Scope = &Scope{Text: text, Kind: kind}
	return t
}

func TestScopedAndRoleOnlyTargets(t *testing.T) {
	checkSteps(t, []stepCase{
		{`click the "Delete" button in the "Buy milk" item`, click(scoped(withRole("Delete", Button), "Buy milk", ItemScope), SingleClick)},
		{`click the "Delete" button in the "Buy milk" list item`, click(scoped(withRole("Delete", Button), "Buy milk", ItemScope), SingleClick)},
		{`click "Edit" inside the "Alice" row`, click(scoped(named("Edit"), "Alice", RowScope), SingleClick)},
		{`click the "Buy" button in the "Pro" card`, click(scoped(withRole("Buy", Button), "Pro", CardScope), SingleClick)},
		{`click "OK" in the dialog`, click(scoped(named("OK"), "", DialogScope), SingleClick)},
		{`click the "Save" button in the "Billing" section`, click(scoped(withRole("Save", Button), "Billing", SectionScope), SingleClick)},
		{`check the checkbox in the "Buy milk" item`, Step{Kind: Check, Target: scoped(&Target{Role: Checkbox}, "Buy milk", ItemScope)}},
		{`hover over the 2nd checkbox`, hover(&Target{Role: Checkbox, Nth: 2})},
		{`hover over the last link`, hover(&Target{Role: Link, Nth: LastMatch})},
		{`hover over the first text field`, hover(&Target{Role: Field, Nth: 1})},
		{`hover over the radio button`, hover(&Target{Role: Radio})},
		{`hover over the 2nd "Yearly" radio button`, hover(nth("Yearly", Radio, 2))},
		{`hover over the button containing "Activ"`, hover(&Target{Text: "Activ", Role: Button, Containing: true})},
		{`hover over the element containing "Activ"`, hover(&Target{Text: "Activ", Containing: true})},
		{`type "x" into the focused field`, Step{Kind: Type, Text: "x", Target: &Target{Focused: true, Role: Field}}},
		{`type "x"`, Step{Kind: Type, Text: "x"}},
		{`press Enter in the "New todo" field`, Step{Kind: Press, Key: "Enter", Target: withRole("New todo", Field)}},
		{`press Enter`, Step{Kind: Press, Key: "Enter"}},
		{`expect there are 3 checkboxes`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: &Target{Role: Checkbox}, Count: 3}}},
		{`expect there are 2 checkboxes in the "Buy milk" item`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: scoped(&Target{Role: Checkbox}, "Buy milk", ItemScope), Count: 2}}},
		{`expect the checkbox in the "Buy milk" item is checked`, check(IsChecked, scoped(&Target{Role: Checkbox}, "Buy milk", ItemScope), "")},
		{`accept the dialog`, Step{Kind: Dialog, Accept: true}},
		{`accept the prompt with "Bob"`, Step{Kind: Dialog, Accept: true, Text: "Bob"}},
		{`dismiss the dialog`, Step{Kind: Dialog}},
		{`switch to the new tab`, Step{Kind: SwitchTab}},
		{`close the tab`, Step{Kind: CloseTab}},
	})
}

func TestScopedCounts(t *testing.T) {
	checkSteps(t, []stepCase{
		{`expect there is 1 checkbox in the "Buy milk" item`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: scoped(&Target{Role: Checkbox}, "Buy milk", ItemScope), Count: 1}}},
		{`expect there are 2 "Delete" buttons in the dialog`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: scoped(withRole("Delete", Button), "", DialogScope), Count: 2}}},
	})
}
