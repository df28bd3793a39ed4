package steps

import (
	"testing"
	"time"
)

func TestNavigate(t *testing.T) {
	checkSteps(t, []stepCase{
		{"go to http://localhost:3000/login", Step{Kind: Navigate, URL: "http://localhost:3000/login"}},
		{"Go To https://example.com/a?b=c#d", Step{Kind: Navigate, URL: "https://example.com/a?b=c#d"}},
		{`open "https://example.com/"`, Step{Kind: Navigate, URL: "https://example.com/"}},
		{"navigate to /login", Step{Kind: Navigate, URL: "/login"}},
		{"visit login", Step{Kind: Navigate, URL: "login"}},
		{"browse to ./page.html", Step{Kind: Navigate, URL: "./page.html"}},
		{"go to ?tab=2", Step{Kind: Navigate, URL: "?tab=2"}},
		{"go to {{baseUrl}}/login", Step{Kind: Navigate, URL: "{{baseUrl}}/login"}},
		{"go to /users/{{random.number}}", Step{Kind: Navigate, URL: "/users/{{random.number}}"}},
		{"go back", Step{Kind: GoBack}},
		{"navigate back", Step{Kind: GoBack}},
		{"go forward", Step{Kind: GoForward}},
		{"reload", Step{Kind: Reload}},
		{"Refresh the page", Step{Kind: Reload}},
	})
}

func TestClick(t *testing.T) {
	checkSteps(t, []stepCase{
		{`click "Sign in"`, click(named("Sign in"), SingleClick)},
		{`Click the "Sign in" button`, click(withRole("Sign in", Button), SingleClick)},
		{`click on the "Docs" link`, click(withRole("Docs", Link), SingleClick)},
		{`tap "Menu"`, click(named("Menu"), SingleClick)},
		{`tap on "Menu"`, click(named("Menu"), SingleClick)},
		{`double-click "Row 1"`, click(named("Row 1"), DoubleClick)},
		{`double click on "Row 1"`, click(named("Row 1"), DoubleClick)},
		{`doubleclick "Row 1"`, click(named("Row 1"), DoubleClick)},
		{`right-click "File"`, click(named("File"), RightClick)},
		{`right click on .menu`, click(css(".menu"), RightClick)},
		{`press the "Sign in" button`, click(withRole("Sign in", Button), SingleClick)},
		{`press "Submit" button`, click(withRole("Submit", Button), SingleClick)},
	})
}

func TestType(t *testing.T) {
	checkSteps(t, []stepCase{
		{`type "alice@example.com" into the "Email" field`, Step{Kind: Type, Text: "alice@example.com", Target: withRole("Email", Field)}},
		{`type "correct horse" into "Password"`, Step{Kind: Type, Text: "correct horse", Target: named("Password")}},
		{`type "x" in the "Search" box`, Step{Kind: Type, Text: "x", Target: withRole("Search", Field)}},
		{`enter "alice" in "Name"`, Step{Kind: Type, Text: "alice", Target: named("Name")}},
		{`input "42" into #age`, Step{Kind: Type, Text: "42", Target: css("#age")}},
		{`write "hello" into the "Message" textarea`, Step{Kind: Type, Text: "hello", Target: withRole("Message", Field)}},
		{`type "" into "Name"`, Step{Kind: Type, Target: named("Name")}},
		{`type {{random.email}} into "Email"`, Step{Kind: Type, Text: "{{random.email}}", Target: named("Email")}},
		{`fill the "Email" field with "alice@example.com"`, Step{Kind: Type, Text: "alice@example.com", Target: withRole("Email", Field)}},
		{`fill in "Email" with "a"`, Step{Kind: Type, Text: "a", Target: named("Email")}},
		{`fill css=input[name="q"] with "go"`, Step{Kind: Type, Text: "go", Target: css(`input[name="q"]`)}},
		{`clear the "Search" input`, Step{Kind: Clear, Target: withRole("Search", Field)}},
		{`empty "Search"`, Step{Kind: Clear, Target: named("Search")}},
	})
}

func TestPress(t *testing.T) {
	press := func(key string) Step { return Step{Kind: Press, Key: key} }
	checkSteps(t, []stepCase{
		{"press Enter", press("Enter")},
		{"press enter", press("Enter")},
		{"press return", press("Enter")},
		{"press Tab", press("Tab")},
		{"press Shift+Tab", press("Shift+Tab")},
		{"press Control+A", press("Control+A")},
		{"press ctrl+a", press("Control+a")},
		{"press Control + Shift + K", press("Control+Shift+K")},
		{"press cmd+Enter", press("Meta+Enter")},
		{"press Esc", press("Escape")},
		{"press the Escape key", press("Escape")},
		{"press Page Down", press("PageDown")},
		{"press up arrow", press("ArrowUp")},
		{"press ArrowDown", press("ArrowDown")},
		{"press space", press("Space")},
		{"press F5", press("F5")},
		{"press /", press("/")},
		{"press +", press("+")},
		{"press ctrl++", press("Control++")},
		{`press "Enter"`, press("Enter")},
		{"hit Enter", press("Enter")},
	})
}

func TestChoose(t *testing.T) {
	checkSteps(t, []stepCase{
		{`select "Pro" from the "Plan" dropdown`, Step{Kind: Select, Text: "Pro", Target: withRole("Plan", Dropdown)}},
		{`select "Pro" in the "Plan" select`, Step{Kind: Select, Text: "Pro", Target: withRole("Plan", Dropdown)}},
		{`choose "Blue" from "Colour"`, Step{Kind: Select, Text: "Blue", Target: named("Colour")}},
		{`pick "2" from #qty`, Step{Kind: Select, Text: "2", Target: css("#qty")}},
		{`check the "Remember me" checkbox`, Step{Kind: Check, Target: withRole("Remember me", Checkbox)}},
		{`check "Terms"`, Step{Kind: Check, Target: named("Terms")}},
		{`tick the "Terms" check box`, Step{Kind: Check, Target: withRole("Terms", Checkbox)}},
		{`uncheck "Newsletter"`, Step{Kind: Uncheck, Target: named("Newsletter")}},
		{`untick "Newsletter"`, Step{Kind: Uncheck, Target: named("Newsletter")}},
	})
}

func TestPointer(t *testing.T) {
	checkSteps(t, []stepCase{
		{`hover over "Account"`, Step{Kind: Hover, Target: named("Account")}},
		{`hover "Account"`, Step{Kind: Hover, Target: named("Account")}},
		{`hover on "Account"`, Step{Kind: Hover, Target: named("Account")}},
		{`mouse over the "Help" link`, Step{Kind: Hover, Target: withRole("Help", Link)}},
		{`scroll to "Footer"`, Step{Kind: ScrollTo, Target: named("Footer")}},
		{`scroll "Footer" into view`, Step{Kind: ScrollTo, Target: named("Footer")}},
		{"scroll down", Step{Kind: ScrollDown}},
		{"scroll up the page", Step{Kind: ScrollUp}},
	})
}

func TestWait(t *testing.T) {
	wait := func(d time.Duration) Step { return Step{Kind: Wait, Duration: d} }
	checkSteps(t, []stepCase{
		{"wait 2 seconds", wait(2 * time.Second)},
		{"wait 1 second", wait(time.Second)},
		{"wait 1.5 s", wait(1500 * time.Millisecond)},
		{"wait 500 ms", wait(500 * time.Millisecond)},
		{"wait 500ms", wait(500 * time.Millisecond)},
		{"wait 250 milliseconds", wait(250 * time.Millisecond)},
		{"wait 3s", wait(3 * time.Second)},
		{"wait 1 minute", wait(time.Minute)},
		{"wait for 2 seconds", wait(2 * time.Second)},
		{`wait for "Dashboard"`, Step{Kind: WaitFor, Target: named("Dashboard")}},
		{`wait for the "Save" button to appear`, Step{Kind: WaitFor, Target: withRole("Save", Button)}},
		{`wait until "Dashboard" is visible`, Step{Kind: WaitFor, Target: named("Dashboard")}},
		{`wait for "Loading" to disappear`, Step{Kind: WaitFor, Target: named("Loading"), Gone: true}},
		{`wait until "Loading" disappears`, Step{Kind: WaitFor, Target: named("Loading"), Gone: true}},
		{`wait for .spinner to be hidden`, Step{Kind: WaitFor, Target: css(".spinner"), Gone: true}},
		{`wait until "Loading" is gone`, Step{Kind: WaitFor, Target: named("Loading"), Gone: true}},
		{`wait for the "Toast" to go away`, Step{Kind: WaitFor, Target: named("Toast"), Gone: true}},
		{`wait until "Toast" vanishes`, Step{Kind: WaitFor, Target: named("Toast"), Gone: true}},
		{`wait for the url to contain "/dashboard"`, Step{Kind: WaitForURL, Text: "/dashboard"}},
		{`wait until the URL contains "/dashboard"`, Step{Kind: WaitForURL, Text: "/dashboard"}},
	})
}

func TestAssert(t *testing.T) {
	checkSteps(t, []stepCase{
		{`expect the page contains "Welcome, Alice"`, check(PageContains, nil, "Welcome, Alice")},
		{`verify the page contains "x"`, check(PageContains, nil, "x")},
		{`assert that the page contains "x"`, check(PageContains, nil, "x")},
		{`check that the page contains "x"`, check(PageContains, nil, "x")},
		{`make sure the page contains "x"`, check(PageContains, nil, "x")},
		{`ensure the page includes "x"`, check(PageContains, nil, "x")},
		{`expect the page to contain "x"`, check(PageContains, nil, "x")},
		{`expect the page does not contain "Error"`, check(PageNotContains, nil, "Error")},
		{`expect the page doesn't contain "Error"`, check(PageNotContains, nil, "Error")},
		{`expect the page doesn’t contain "Error"`, check(PageNotContains, nil, "Error")},
		{`expect the page not to contain "Error"`, check(PageNotContains, nil, "Error")},
		{`expect "Welcome" is visible`, check(IsVisible, named("Welcome"), "")},
		{`expect the "Save" button to be visible`, check(IsVisible, withRole("Save", Button), "")},
		{`expect "Spinner" is hidden`, check(IsHidden, named("Spinner"), "")},
		{`expect "Spinner" is not visible`, check(IsHidden, named("Spinner"), "")},
		{`expect "Save" is enabled`, check(IsEnabled, named("Save"), "")},
		{`verify that the "Save" button is disabled`, check(IsDisabled, withRole("Save", Button), "")},
		{`expect "Save" isn't enabled`, check(IsDisabled, named("Save"), "")},
		{`check that the "Remember me" checkbox is checked`, check(IsChecked, withRole("Remember me", Checkbox), "")},
		{`check "Remember me" is checked`, check(IsChecked, named("Remember me"), "")},
		{`expect "Newsletter" is unchecked`, check(IsUnchecked, named("Newsletter"), "")},
		{`expect "Newsletter" should not be checked`, check(IsUnchecked, named("Newsletter"), "")},
		{`expect the "Cart" link contains "3"`, check(TargetContains, withRole("Cart", Link), "3")},
		{`expect #total to contain "$10"`, check(TargetContains, css("#total"), "$10")},
		{`expect css=div > span contains "hi"`, check(TargetContains, css("div > span"), "hi")},
		{`expect the "Email" field has value "alice@example.com"`, check(HasValue, withRole("Email", Field), "alice@example.com")},
		{`expect "Email" to have value ""`, check(HasValue, named("Email"), "")},
		{`expect the title is "Home"`, check(TitleIs, nil, "Home")},
		{`expect the page title to be "Home"`, check(TitleIs, nil, "Home")},
		{`expect the title contains "Home"`, check(TitleContains, nil, "Home")},
		{`expect the url is "http://localhost:3000/"`, check(URLIs, nil, "http://localhost:3000/")},
		{`expect the URL to contain "/dashboard"`, check(URLContains, nil, "/dashboard")},
		{`expect the current url contains "/dashboard"`, check(URLContains, nil, "/dashboard")},
		{"expect there are no console errors", check(NoConsoleErrors, nil, "")},
		{"make sure there is no console error", check(NoConsoleErrors, nil, "")},
		{`expect there are 3 "Delete" buttons`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: withRole("Delete", Button), Count: 3}}},
		{`expect there is 1 "Delete" button`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: withRole("Delete", Button), Count: 1}}},
		{`expect there is a "Delete" button`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: withRole("Delete", Button), Count: 1}}},
		{`expect there are two "Docs" links`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: withRole("Docs", Link), Count: 2}}},
		{`expect there are no "Error" elements`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: named("Error"), Count: 0}}},
		{`expect there are 2 "Item"`, Step{Kind: Assert, Assert: &Assertion{Kind: CountIs, Target: named("Item"), Count: 2}}},
		{`confirm that "Saved" is displayed`, check(IsVisible, named("Saved"), "")},
		{`ensure that "Saved" is shown`, check(IsVisible, named("Saved"), "")},
		{`expect "Spinner" not to be visible`, check(IsHidden, named("Spinner"), "")},
		{`expect "Spinner" to not be visible`, check(IsHidden, named("Spinner"), "")},
		{`expect "Save" is not disabled`, check(IsEnabled, named("Save"), "")},
		{`expect "Terms" is not unchecked`, check(IsChecked, named("Terms"), "")},
		{`expect the 2nd "Row" contains "Bob"`, check(TargetContains, nth("Row", AnyRole, 2), "Bob")},
		{`expect the "Email" field should have value "a"`, check(HasValue, withRole("Email", Field), "a")},
		{`expect the title equals "Home"`, check(TitleIs, nil, "Home")},
		{`I should see "Welcome"`, check(PageContains, nil, "Welcome")},
		{`you should see "Welcome"`, check(PageContains, nil, "Welcome")},
		{`I shouldn't see "Error"`, check(PageNotContains, nil, "Error")},
		{`should see "Welcome"`, check(PageContains, nil, "Welcome")},
		{`I should not see "Error"`, check(PageNotContains, nil, "Error")},
		{`expect to see "Welcome"`, check(PageContains, nil, "Welcome")},
	})
}

func TestRememberAndScreenshot(t *testing.T) {
	checkSteps(t, []stepCase{
		{`remember the text of "Order number" as orderId`, Step{Kind: Remember, Target: named("Order number"), Name: "orderId"}},
		{`save the text of #order as order_id`, Step{Kind: Remember, Target: css("#order"), Name: "order_id"}},
		{`store "Total" as "total"`, Step{Kind: Remember, Target: named("Total"), Name: "total"}},
		{"take a screenshot", Step{Kind: Screenshot}},
		{"Take a screenshot named \"dashboard\"", Step{Kind: Screenshot, Name: "dashboard"}},
		{"take screenshot called 'after login'", Step{Kind: Screenshot, Name: "after login"}},
		{"screenshot", Step{Kind: Screenshot}},
		{"capture a screenshot as \"cart\"", Step{Kind: Screenshot, Name: "cart"}},
	})
}
