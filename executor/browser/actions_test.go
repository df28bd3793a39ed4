package browser

import (
	"testing"
)

// Actionability and the target forms, on a page built to need them.
var actionFlows = []flowCase{
	{
		name: "styled checkboxes with pseudo-element content, scoped and role-only",
		flow: `Go to /actions.html
Check the checkbox in the "Eggs" item
Expect the checkbox in the "Eggs" item is checked
Expect the checkbox in the "Milk" item is unchecked
Check the 3rd checkbox
Expect the checkbox in the "Milk and honey" item is checked
Expect there are 4 checkboxes
Uncheck the last checkbox in the list item
Expect the 2nd checkbox is checked`,
	},
	{
		name: "a button named by CSS content, in its item",
		flow: `Go to /actions.html
Click the "✖" button in the "Milk" item
Expect the page contains "removed Milk"
Expect there are 2 "✖" buttons
Click the last "✖" button
Expect the page contains "removed Milk and honey"`,
	},
	{
		name: "a label for a visually hidden input clicks the input",
		flow: `Go to /actions.html
Check "Accept cookies"
Expect the page contains "cookies true"
Expect the "Accept cookies" checkbox is checked`,
	},
	{
		name: "whole words and containing",
		flow: `Go to /actions.html
Click the link containing "Activ"
Expect the url to contain "#active"
Click the "done" link
Expect the url to contain "#done"`,
	},
	{
		name: "the focused field, typing into focus, pressing in a field",
		flow: `Go to /actions.html
Click the first text field
Type "Ada" into the focused field
Expect the "First name" field has value "Ada"
Type " Lovelace"
Expect the "First name" field has value "Ada Lovelace"
Type "Byron" into "Last name"
Press Enter in the "Last name" field
Expect the page contains "entered Byron"`,
	},
	{
		name: "open shadow roots",
		flow: `Go to /actions.html
Type "inside" into the "Shadow field" field
Click the "Shadow button" button
Expect the page contains "shadow clicked inside"`,
	},
}

var actionFailures = []flowCase{
	{
		name:     "covered by an overlay",
		flow:     "Go to /actions.html\nClick \"Under the shade\"",
		failLine: 2,
		want:     []string{`the button "Under the shade" is covered by <div.overlay> at (`},
	},
	{
		name:     "never stable",
		flow:     "Go to /actions.html\nClick \"Spinner\"",
		failLine: 2,
		want:     []string{`the button "Spinner" is not stable`},
	},
	{
		name:     "disabled",
		flow:     "Go to /actions.html\nClick \"Frozen\"",
		failLine: 2,
		want:     []string{`the button "Frozen" is disabled`},
	},
	{
		name:     "outside the viewport",
		flow:     "Go to /actions.html\nClick \"Far away\"",
		failLine: 2,
		want:     []string{`the button "Far away" is outside the viewport`},
	},
	{
		name:     "a substring is not a name",
		flow:     "Go to /actions.html\nClick the \"Activ\" link",
		failLine: 2,
		want:     []string{`no visible, enabled link named "Activ"`, `the page has links "Active"`},
	},
	{
		name:     "unnamed checkboxes are pointed out",
		flow:     "Go to /actions.html\nCheck the \"Eggs\" checkbox",
		failLine: 2,
		want:     []string{`no visible, enabled checkbox named "Eggs"`, `3 visible checkboxes without a name; use the checkbox in the "Milk" item`},
	},
	{
		name:     "a scope that holds no such target",
		flow:     "Go to /actions.html\nClick the \"Delete\" button in the \"Eggs\" item",
		failLine: 2,
		want:     []string{`no visible, enabled button named "Delete" in the "Eggs" item`},
	},
	{
		name:     "an ordinal past the role's elements",
		flow:     "Go to /actions.html\nCheck the 9th checkbox",
		failLine: 2,
		want:     []string{`there is no 9th checkbox, only 4 checkboxes`},
	},
	{
		name:     "typing with nothing focused",
		flow:     "Go to /actions.html\nType \"x\"",
		failLine: 2,
		want:     []string{`no element has focus to type into`},
	},
}

func TestActions(t *testing.T) { runPassing(t, actionFlows) }

func TestActionFailures(t *testing.T) { runFailing(t, actionFailures) }
