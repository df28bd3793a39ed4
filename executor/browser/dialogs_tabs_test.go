package browser

import (
	"testing"
)

var dialogAndTabFlows = []flowCase{
	{
		name: "accept the dialogs a click opens",
		flow: `Go to /console.html
Click "Delete account"
Accept the dialog
Accept the dialog
Expect the page contains "deleted"`,
		check: func(t *testing.T, res RunResult) {
			if got := dialogsNoted(res); got != "accepted alert: This cannot be undone|accepted confirm: Really delete?" {
				t.Errorf("dialogs = %q", got)
			}
			if res.Steps[3].Data["dialog"] != "confirm" || res.Steps[3].Data["message"] != "Really delete?" {
				t.Errorf("the second dialog step reports %v", res.Steps[3].Data)
			}
		},
	},
	{
		name: "dismiss a confirm",
		flow: `Go to /console.html
Click "Delete account"
Accept the alert
Dismiss the dialog
Expect the page contains "kept"`,
	},
	{
		name: "answer a prompt",
		flow: `Go to /popup.html
Click "Ask my name"
Accept the prompt with "Alice"
Expect the page contains "name: Alice"`,
	},
	{
		name: "a dialog that opens later is waited for",
		flow: `Go to /popup.html
Click "Confirm later"
Accept the dialog
Expect the page contains "sure"
Expect the page does not contain "not sure"`,
	},
	{
		name: "switch to a new tab and back",
		flow: `Go to /popup.html
Click "Open in a new tab"
Switch to the new tab
Expect the page contains "from tab"
Expect the title is "Target"
Close the tab
Expect the title is "Opener"
Click "Open a window"
Switch to the new window
Expect the page contains "Nothing wrong here"
Close the window
Click "Ask my name"
Dismiss the dialog
Expect the page contains "name: null"`,
	},
}

var dialogAndTabFailures = []flowCase{
	{
		name:     "no dialog to accept",
		flow:     "Go to /popup.html\nAccept the dialog",
		failLine: 2,
		want:     []string{`no dialog opened after 600ms`},
	},
	{
		name:     "no new tab",
		flow:     "Go to /popup.html\nSwitch to the new tab",
		failLine: 2,
		want:     []string{`no new tab or window opened after 600ms`},
	},
	{
		name:     "closing the only tab",
		flow:     "Go to /popup.html\nClose the tab",
		failLine: 2,
		want:     []string{`this is the flow's only tab`},
	},
}

func TestDialogsAndTabs(t *testing.T) { runPassing(t, dialogAndTabFlows) }

func TestDialogAndTabFailures(t *testing.T) { runFailing(t, dialogAndTabFailures) }
