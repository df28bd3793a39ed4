// Package steps is the language of flow instructions (STEPS.md): one step a
// line, parsed into Steps that the executor runs without an LLM. Parse checks
// a flow when it is created or edited, so a person sees mistakes before
// approving it; Expand fills in {{templates}} when the flow runs.
//
// # Lines
//
// Blank lines and lines starting with # or // are ignored. A leading list
// marker (1. 2) - * • "Step 3:"), a leading "then", "and then" or "then,",
// and one trailing period are dropped. Words are matched case-insensitively;
// what is inside quotes is kept as written. Quotes are "…", '…', “…” and
// ‘…’; a single quote closes only where a word ends, so 'Alice's list' is
// one string. There is no escape: text holding " is written in '…'. A quote
// opens only at the start of a word, so a selector such as [name="q"] stays
// whole. There are no comments at the end of a step: # there starts a
// selector.
//
// # Targets
//
//	"Sign in"                          any element with that accessible name
//	the "Email" field                  a role after or before the name: the field "Email"
//	the 2nd "Delete" button            an ordinal: first … tenth, 1st, 2nd, 3rd, 4th …, last
//	the 2nd checkbox, the last link    a role alone, after "the" or an ordinal (Text is "")
//	the button containing "Activ"      any part of the name (Containing)
//	the focused field                  the element that has focus (Focused)
//	… in the "Buy milk" item           a scope: item, list item, row, card, dialog, modal,
//	                                   section, form, panel; the name may be left out
//	css=…  xpath=…  #…  .…  […]  //…   a selector (// starts an XPath)
//
// "the" is optional before a name. Role words: field, input, box, textbox,
// text box, text field, textarea (Field); button; link; checkbox, check box;
// radio button, radio (Radio); dropdown, drop-down, select, select box,
// combobox (Dropdown); element (any role). A name matches exactly, then
// ignoring case, then as whole words; a plain substring only with
// "containing" (the executor's rule; see docs/steps.md).
// "last" is Nth = LastMatch (-1); "first" and "1st" are Nth = 1, the same
// element as Nth = 0. After a count ("there are 3 … buttons") the role word
// may be plural and there is no "the" or ordinal. A bare {{template}} may
// stand for a quoted name or text.
//
// # Steps, with the synonyms each verb has
//
//	go to <url>                       navigate to, open, visit, browse to
//	go back, go forward               navigate back, navigate forward
//	reload [the page]                 refresh
//	click [on] <target>               tap [on]
//	double-click [on] <target>        double click, doubleclick
//	right-click [on] <target>         right click, rightclick
//	press the "<name>" button         a click; any target with the button role
//	type "<text>" into <target>       enter, input, write; into or in
//	fill [in] <target> with "<text>"  a Type step too
//	clear <target>                    empty
//	press <key> [in <target>]         hit; "press the Enter key" also reads; in, into, on
//	type "<text>"                     input, write: types where the focus is
//	select "<option>" from <target>   choose, pick; from or in
//	check <target>, uncheck <target>  tick, untick
//	hover over <target>               hover, hover on, mouse over
//	scroll to <target>                scroll <target> into view
//	scroll down, scroll up            [the page]
//	wait 2 seconds                    wait for 2 seconds; s, sec, ms, millisecond(s), minute(s); 500ms
//	wait for <target>                 wait until; [to appear, appears, to be visible, is visible]
//	wait for <target> to disappear    disappears, to be hidden, is hidden, to go away, to vanish, to be gone, is gone
//	wait for the url to contain "x"   wait until the url contains "x"; include(s)
//	remember the text of <target> as <name>   save, store; "the text of" may be left out
//	take a screenshot [named "<name>"]        take screenshot, screenshot, capture a screenshot; called, as
//	accept the dialog [with "<text>"] dialog, alert, confirm, confirmation, prompt
//	dismiss the dialog                cancel, decline
//	switch to the new tab             new window, popup, new popup, opened tab, opened window, other tab
//	close the tab                     window, popup, current tab, current window, new tab, new window
//
// A fixed wait must be more than zero and at most 60 seconds: a longer one
// stands in for a condition that a "wait for" step should name.
//
// URLs are absolute http or https URLs, or relative ones ("/login", "login",
// "./page.html", "?q=1") that the run resolves against its base URL. Other
// schemes (javascript:, file:, data:) are refused. A first segment with a dot
// or a port ("example.com", "localhost:3000") is taken for a host that lacks
// its scheme, and refused with the scheme suggested. A URL may start with
// {{baseUrl}}.
//
// Keys are DevTools key names, case-insensitive, joined by + with modifiers
// first: Enter, Tab, Escape, Backspace, Delete, Space, ArrowUp…, Home, End,
// PageUp, PageDown, Insert, F1…F12, any single character, and the modifiers
// Control, Shift, Alt, Meta. Aliases: return, esc, del, spacebar, up/down/
// left/right (arrows), ctrl, option, cmd/command. "Control + A" may have
// spaces. Key holds the canonical form, e.g. "Control+a"; "Space" stands
// for the key " ", and a lone "+", or "++" at the end, is the plus key.
//
// # Assertions
//
// An assertion starts with expect, verify, assert, check, make sure, ensure
// or confirm, optionally followed by "that" (so "check that"); bare "check"
// is an assertion only when an assertion follows. Then:
//
//	the page contains "x"            the page does not contain "x"
//	<target> is visible / hidden / enabled / disabled / checked / unchecked
//	<target> contains "x"            <target> has value "x"
//	the title is / contains "x"      the url is / contains "x"
//	there are no console errors      there are 3 "Delete" buttons
//
// "is" may be "to be" or "should be", and "is not", "isn't", "not to be" turn
// a state into its opposite (not visible is hidden); "displayed" and "shown"
// mean visible. "contains" may be "to contain", "includes", "should
// contain"; "does not contain", "doesn't contain", "not to contain" negate it
// for the page. "is" for a title or url may be "equals". A count is digits,
// "no", "a", or one … ten. "I should see "x"" and "I should not see "x"" need no
// prefix, and "expect to see "x"" reads too.
//
// # Templates
//
// {{name}} inserts a value when the step runs: a value a remember step
// before it stored, {{baseUrl}}, {{env.NAME}} (whether NAME is allowed is
// known only at run time), or a random value: random.email,
// random.string (10 lowercase letters and digits), random.number (6
// digits), random.uuid. A random value is made once a run, so a sign-up and
// the login after it type the same {{random.email}}. Parse rejects a
// template that is unclosed, malformed, or names a value no step before has
// remembered.
//
// # Errors
//
// A line that does not parse gives a LineError with its number, the reason in
// plain words and the model line of the nearest form. The nearest form is
// the one that matched the most words of the line; when no verb matched, it
// is the form whose verb is spelt closest to the first word.
package steps
