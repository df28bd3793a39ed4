package browser

import "testing"

var frameFlows = []flowCase{
	{
		name: "same-origin iframe",
		flow: `Go to /frames.html
Type "hello" into the "Note for same" field
Click the "Send from same" button
Expect the page contains "same sent hello"`,
	},
	{
		name: "cross-origin iframe",
		flow: `Go to /frames.html
Type "hi" into the "Note for cross" field
Check the "OK for cross" checkbox
Click the "Send from cross" button
Expect the page contains "cross sent hi ok"`,
	},
}

func TestFrames(t *testing.T) { runPassing(t, frameFlows) }
