package steps

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// form is one shape of step: the verbs that open it, the parts that follow,
// and how the matched values become a Step.
type form struct {
	verbs []string // lowercase phrases, each a way to start the step; [word] is optional
	usage string   // what follows the verb in the model line an error suggests
	rest  part     // nil when nothing follows the verb
	build func(verb string, c captures) (Step, error)
}

// model is the form's model line opened by verb, e.g. `type "<text>" into <target>`.
func (f form) model(verb string) string {
	verb = plainVerb(verb)
	if f.usage == "" {
		return verb
	}
	return verb + " " + f.usage
}

// plainVerb is a verb without its optional words: "click [on]" is "click".
func plainVerb(verb string) string {
	var kept []string
	for _, w := range strings.Fields(verb) {
		if !strings.HasPrefix(w, "[") {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// verbPart matches a verb, its [optional] words included.
func verbPart(verb string) part {
	var parts []part
	for _, w := range strings.Fields(verb) {
		if optional, ok := strings.CutPrefix(w, "["); ok {
			parts = append(parts, opt(words(strings.TrimSuffix(optional, "]"))))
		} else {
			parts = append(parts, words(w))
		}
	}
	return seq(parts...)
}

// forms lists every step shape; Parse takes the first that matches, so the
// order only matters between forms that could match the same line.
var forms = slices.Concat(actionForms, assertionForms())

var anyTarget = target("target", targetRules{})

var actionForms = []form{
	{
		verbs: []string{"go to", "navigate to", "open", "visit", "browse to"},
		usage: "<url>",
		rest:  single("url", "a URL", anyToken),
		build: func(verb string, c captures) (Step, error) {
			u, err := checkURL(verb, c.text("url"))
			return Step{Kind: Navigate, URL: u}, err
		},
	},
	{verbs: []string{"go back", "navigate back"}, build: just(GoBack)},
	{verbs: []string{"go forward", "navigate forward"}, build: just(GoForward)},
	{verbs: []string{"reload", "refresh"}, rest: opt(words("the page")), build: just(Reload)},
	clickForm(SingleClick, "click [on]", "tap [on]"),
	clickForm(DoubleClick, "double-click [on]", "double click [on]", "doubleclick [on]"),
	clickForm(RightClick, "right-click [on]", "right click [on]", "rightclick [on]"),
	{
		verbs: []string{"press"},
		usage: `the "<name>" button`,
		rest:  target("target", targetRules{role: Button}),
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: Click, Target: c.target(), Click: SingleClick}, nil
		},
	},
	{
		verbs: []string{"type", "enter", "input", "write"},
		usage: `"<text>" into <target>`,
		rest:  seq(text("text", "the text in quotes"), words("into", "in"), anyTarget),
		build: textAndTarget(Type),
	},
	{
		verbs: []string{"type", "input", "write"},
		usage: `"<text>"`,
		rest:  text("text", "the text in quotes"),
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: Type, Text: c.text("text")}, nil // into whatever has focus
		},
	},
	{
		verbs: []string{"fill [in]"},
		usage: `<target> with "<text>"`,
		rest:  seq(anyTarget, words("with"), text("text", "the text in quotes")),
		build: textAndTarget(Type),
	},
	{verbs: []string{"clear", "empty"}, usage: `"<name>"`, rest: anyTarget, build: targetOnly(Clear)},
	{
		verbs: []string{"press", "hit"},
		usage: "Enter",
		rest:  seq(opt(words("the")), key("key"), opt(words("key")), opt(seq(words("in", "into", "on"), anyTarget))),
		build: func(verb string, c captures) (Step, error) {
			written := c["key"].(writtenKey)
			k, err := canonicalKey(verb, written.text)
			if err != nil && verb == "press" && written.quoted {
				// press "Sign in": the name of a button, not a key
				err = invalid(err.Error(), fmt.Sprintf(`press the "%s" button`, written.text))
			}
			return Step{Kind: Press, Key: k, Target: c.target()}, err
		},
	},
	{
		verbs: []string{"select", "choose", "pick"},
		usage: `"<option>" from <target>`,
		rest:  seq(text("text", "the option in quotes"), words("from", "in"), anyTarget),
		build: textAndTarget(Select),
	},
	{verbs: []string{"check", "tick"}, usage: `"<name>"`, rest: anyTarget, build: targetOnly(Check)},
	{verbs: []string{"uncheck", "untick"}, usage: `"<name>"`, rest: anyTarget, build: targetOnly(Uncheck)},
	{verbs: []string{"hover [over]", "hover on", "mouse over"}, usage: `"<name>"`, rest: anyTarget, build: targetOnly(Hover)},
	{verbs: []string{"scroll to"}, usage: `"<name>"`, rest: anyTarget, build: targetOnly(ScrollTo)},
	{verbs: []string{"scroll"}, usage: `"<name>" into view`, rest: seq(anyTarget, words("into view")), build: targetOnly(ScrollTo)},
	{verbs: []string{"scroll down"}, rest: opt(words("the page")), build: just(ScrollDown)},
	{verbs: []string{"scroll up"}, rest: opt(words("the page")), build: just(ScrollUp)},
	{
		verbs: []string{"wait", "wait for"},
		usage: "2 seconds",
		rest:  duration("duration"),
		build: func(verb string, c captures) (Step, error) {
			d, err := checkWait(verb, c.text("duration"))
			return Step{Kind: Wait, Duration: d}, err
		},
	},
	{
		verbs: []string{"wait for", "wait until"},
		usage: `the url to contain "<text>"`,
		rest: seq(words("the url to contain", "the url contains", "the url to include", "the url includes"),
			text("text", "the text in quotes")),
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: WaitForURL, Text: c.text("text")}, nil
		},
	},
	{
		verbs: []string{"wait for", "wait until"},
		usage: `"<name>" to disappear`,
		rest: seq(anyTarget, words("to disappear", "disappears", "to be hidden", "is hidden",
			"to go away", "goes away", "to vanish", "vanishes", "to be gone", "is gone")),
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: WaitFor, Target: c.target(), Gone: true}, nil
		},
	},
	{
		verbs: []string{"wait for", "wait until"},
		usage: `"<name>"`,
		rest:  seq(anyTarget, opt(words("to appear", "appears", "to be visible", "is visible"))),
		build: targetOnly(WaitFor),
	},
	{
		verbs: []string{"remember", "save", "store"},
		usage: `the text of <target> as <name>`,
		rest:  seq(opt(words("the text of", "text of")), anyTarget, words("as"), single("name", "a name", anyToken)),
		build: func(verb string, c captures) (Step, error) {
			name, err := checkVariable(verb, c.text("name"))
			return Step{Kind: Remember, Target: c.target(), Name: name}, err
		},
	},
	{
		verbs: []string{"accept"},
		usage: `the dialog`,
		rest:  seq(opt(words("the")), dialogWord, opt(seq(words("with"), text("text", "the answer in quotes")))),
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: Dialog, Accept: true, Text: c.text("text")}, nil
		},
	},
	{
		verbs: []string{"dismiss", "cancel", "decline"},
		usage: `the dialog`,
		rest:  seq(opt(words("the")), dialogWord),
		build: just(Dialog),
	},
	{
		verbs: []string{"switch to"},
		usage: `the new tab`,
		rest:  seq(opt(words("the")), words("new tab", "new window", "popup", "new popup", "opened tab", "opened window", "other tab")),
		build: just(SwitchTab),
	},
	{
		verbs: []string{"close"},
		usage: `the tab`,
		rest:  seq(opt(words("the")), words("tab", "window", "popup", "current tab", "current window", "new tab", "new window")),
		build: just(CloseTab),
	},
	{
		verbs: []string{"take a screenshot", "take screenshot", "screenshot", "capture a screenshot", "capture screenshot"},
		usage: `named "<name>"`,
		rest:  opt(seq(words("named", "called", "as"), text("name", "the name in quotes"))),
		build: func(_ string, c captures) (Step, error) {
			if name, named := c["name"]; named && name == "" {
				return Step{}, invalid("the screenshot name is empty", "")
			}
			return Step{Kind: Screenshot, Name: c.text("name")}, nil
		},
	},
}

// dialogWord names a JavaScript dialog.
var dialogWord = words("dialog", "alert", "confirm", "confirmation", "prompt", "confirm dialog", "prompt dialog", "alert dialog")

func just(kind Kind) func(string, captures) (Step, error) {
	return func(string, captures) (Step, error) { return Step{Kind: kind}, nil }
}

func targetOnly(kind Kind) func(string, captures) (Step, error) {
	return func(_ string, c captures) (Step, error) { return Step{Kind: kind, Target: c.target()}, nil }
}

func textAndTarget(kind Kind) func(string, captures) (Step, error) {
	return func(_ string, c captures) (Step, error) {
		return Step{Kind: kind, Text: c.text("text"), Target: c.target()}, nil
	}
}

func clickForm(click ClickKind, verbs ...string) form {
	return form{
		verbs: verbs,
		usage: `"<name>"`,
		rest:  anyTarget,
		build: func(_ string, c captures) (Step, error) {
			return Step{Kind: Click, Target: c.target(), Click: click}, nil
		},
	}
}

// checkVariable checks the name a remember step stores a value under, which
// later steps write as {{name}}.
func checkVariable(verb, name string) (string, error) {
	switch {
	case name == baseURLName:
		return "", invalid(baseURLName+" is a run variable and cannot be remembered over", verb+" the text of <target> as <name>")
	case !identifier.MatchString(name):
		return "", invalid(strconv.Quote(name)+" is not a name: use letters, digits and _", verb+" the text of <target> as orderId")
	}
	return name, nil
}
