package steps

import "time"

// Kind is what a step does.
type Kind string

const (
	Navigate   Kind = "navigate"     // URL
	GoBack     Kind = "go_back"      //
	GoForward  Kind = "go_forward"   //
	Reload     Kind = "reload"       //
	Click      Kind = "click"        // Target, Click
	Type       Kind = "type"         // Text into Target (replacing what the field holds)
	Clear      Kind = "clear"        // Target
	Press      Kind = "press"        // Key, e.g. "Enter", "Control+A"
	Select     Kind = "select"       // option Text from Target
	Check      Kind = "check"        // Target
	Uncheck    Kind = "uncheck"      // Target
	Hover      Kind = "hover"        // Target
	ScrollTo   Kind = "scroll_to"    // Target
	ScrollDown Kind = "scroll_down"  //
	ScrollUp   Kind = "scroll_up"    //
	Wait       Kind = "wait"         // Duration
	WaitFor    Kind = "wait_for"     // Target (Gone: until it disappears)
	WaitForURL Kind = "wait_for_url" // Text the URL must contain
	Assert     Kind = "assert"       // Assertion
	Remember   Kind = "remember"     // the text of Target as Name
	Screenshot Kind = "screenshot"   // Name (may be empty)
	Dialog     Kind = "dialog"       // Accept (or dismiss) the next dialog; Text answers a prompt
	SwitchTab  Kind = "switch_tab"   // continue in the tab or window the page opened last
	CloseTab   Kind = "close_tab"    // close the current tab and go back to the one that opened it
)

// ClickKind is which click a click step makes.
type ClickKind string

const (
	SingleClick ClickKind = "single"
	DoubleClick ClickKind = "double"
	RightClick  ClickKind = "right"
)

// Step is one parsed line.
type Step struct {
	Line   int    // 1-based line number in the instructions
	Source string // the line as written, trimmed
	Kind   Kind

	URL      string        // Navigate: absolute, or relative to the run's base URL
	Text     string        // Type, Select, WaitForURL; may hold {{templates}}
	Key      string        // Press: DevTools key names joined by "+"
	Target   *Target       // the element a step acts on
	Click    ClickKind     // Click
	Duration time.Duration // Wait
	Gone     bool          // WaitFor: wait until the target disappears
	Name     string        // Remember: the variable; Screenshot: the artifact name
	Assert   *Assertion    // Assert
	Accept   bool          // Dialog: accept (OK) rather than dismiss (Cancel)
}

// Role restricts a target to one kind of element.
type Role string

const (
	AnyRole  Role = ""
	Button   Role = "button"
	Link     Role = "link"
	Field    Role = "field" // text inputs and textareas ("field", "input", "box")
	Checkbox Role = "checkbox"
	Dropdown Role = "select" // "dropdown", "select"
	Radio    Role = "radio"  // "radio button", "radio"
)

// Target names an element: by accessible name (Text, with an optional Role
// and ordinal), by role alone ("the 2nd checkbox"), as the focused element,
// or by selector; optionally inside a container (Scope).
type Target struct {
	Text       string // accessible name or visible text; may hold {{templates}}; "" for a role-only target
	Role       Role
	Nth        int    // 1-based ordinal among the matches ("the 2nd"); 0 means the first, LastMatch the last
	CSS        string // css=… or a line starting with #, . or [
	XPath      string // xpath=…
	Containing bool   // Text may be any part of the name: "the button containing "Activ""
	Focused    bool   // the element that has focus: "the focused field"
	Scope      *Scope // "in the "Buy milk" item"
}

// ScopeKind is the kind of container a scope names.
type ScopeKind string

const (
	ItemScope    ScopeKind = "item"    // a list item: "item", "list item"
	RowScope     ScopeKind = "row"     // a table or grid row
	CardScope    ScopeKind = "card"    // an article, a group, or an element whose class says card
	DialogScope  ScopeKind = "dialog"  // a dialog or alert dialog
	SectionScope ScopeKind = "section" // a section, region, form, fieldset or group
)

// Scope restricts a target to the descendants of a container: the
// innermost container of Kind whose text contains Text ("" for any).
type Scope struct {
	Text string // may hold {{templates}}
	Kind ScopeKind
}

// LastMatch is the Nth of "the last" match.
const LastMatch = -1

// AssertKind is what an assertion checks.
type AssertKind string

const (
	PageContains    AssertKind = "page_contains"     // Text
	PageNotContains AssertKind = "page_not_contains" // Text
	IsVisible       AssertKind = "visible"           // Target
	IsHidden        AssertKind = "hidden"            // Target
	IsEnabled       AssertKind = "enabled"           // Target
	IsDisabled      AssertKind = "disabled"          // Target
	IsChecked       AssertKind = "checked"           // Target
	IsUnchecked     AssertKind = "unchecked"         // Target
	TargetContains  AssertKind = "contains"          // Target, Text
	HasValue        AssertKind = "has_value"         // Target, Text
	TitleIs         AssertKind = "title_is"          // Text
	TitleContains   AssertKind = "title_contains"    // Text
	URLIs           AssertKind = "url_is"            // Text
	URLContains     AssertKind = "url_contains"      // Text
	NoConsoleErrors AssertKind = "no_console_errors" //
	CountIs         AssertKind = "count"             // Count of Target
)

// Assertion is what an assert step checks.
type Assertion struct {
	Kind   AssertKind
	Target *Target
	Text   string
	Count  int
}
