package steps

import (
	"strconv"
)

// assertPrefixes open an assertion; each may be followed by "that". Bare
// "check" opens one too when an assertion follows ("check "Save" is
// disabled"), since "check <target>" alone is the checkbox action.
var assertPrefixes = []string{"expect", "verify", "assert", "check", "make sure", "ensure", "confirm"}

// assertion is one thing an assertion can check, written after a prefix.
type assertion struct {
	usage string // the model line after the prefix
	rest  part
	build func(c captures) *Assertion
}

var (
	containsPhrases    = []string{"contains", "to contain", "includes", "to include", "should contain", "should include"}
	notContainsPhrases = []string{"does not contain", "doesn't contain", "not to contain", "to not contain", "should not contain",
		"shouldn't contain", "does not include", "doesn't include", "not to include", "to not include"}
	isPhrases = []string{"is", "to be", "should be", "equals", "to equal"}
)

var assertions = []assertion{
	{
		usage: `the page contains "<text>"`,
		rest: seq(words("the page", "page"),
			choice("kind", append(optionsOf(containsPhrases, PageContains), optionsOf(notContainsPhrases, PageNotContains)...)...),
			text("text", "the text in quotes")),
		build: kindAndText,
	},
	{
		usage: `the title is "<text>"`,
		rest: seq(words("the title", "title", "the page title"),
			choice("kind", append(optionsOf(isPhrases, TitleIs), optionsOf(containsPhrases, TitleContains)...)...),
			text("text", "the text in quotes")),
		build: kindAndText,
	},
	{
		usage: `the url contains "<text>"`,
		rest: seq(words("the url", "url", "the current url"),
			choice("kind", append(optionsOf(containsPhrases, URLContains), optionsOf(isPhrases, URLIs)...)...),
			text("text", "the text in quotes")),
		build: kindAndText,
	},
	{
		usage: `to see "<text>"`,
		rest: seq(choice("kind", option{"to see", PageContains}, option{"not to see", PageNotContains}),
			text("text", "the text in quotes")),
		build: kindAndText,
	},
	{
		usage: "there are no console errors",
		rest: words("there are no console errors", "there is no console error", "there are no errors in the console",
			"no console errors", "the console has no errors"),
		build: func(captures) *Assertion { return &Assertion{Kind: NoConsoleErrors} },
	},
	{
		usage: `there are 3 "<name>" buttons`,
		rest:  seq(words("there are", "there is"), single("count", "a number", count), target("target", targetRules{plural: true})),
		build: func(c captures) *Assertion {
			return &Assertion{Kind: CountIs, Target: c.target(), Count: c["count"].(int)}
		},
	},
	{
		usage: `"<name>" is visible`,
		rest:  seq(anyTarget, choice("kind", stateOptions()...)),
		build: func(c captures) *Assertion {
			return &Assertion{Kind: c["kind"].(AssertKind), Target: c.target()}
		},
	},
	{
		usage: `<target> contains "<text>"`,
		rest:  seq(anyTarget, choice("kind", optionsOf(containsPhrases, TargetContains)...), text("text", "the text in quotes")),
		build: targetKindAndText,
	},
	{
		usage: `<target> has value "<text>"`,
		rest: seq(anyTarget, choice("kind", optionsOf([]string{"has value", "has the value", "to have value",
			"to have the value", "should have value", "should have the value"}, HasValue)...),
			text("text", "the text in quotes")),
		build: targetKindAndText,
	},
}

// assertionForms are the assertions behind every prefix, plus "I should
// see", which needs none.
func assertionForms() []form {
	var fs []form
	for _, a := range assertions {
		fs = append(fs, form{
			verbs: assertPrefixes,
			usage: a.usage,
			rest:  seq(opt(words("that")), a.rest),
			build: func(_ string, c captures) (Step, error) {
				return Step{Kind: Assert, Assert: a.build(c)}, nil
			},
		})
	}
	see := func(kind AssertKind, verbs ...string) form {
		return form{
			verbs: verbs,
			usage: `"<text>"`,
			rest:  text("text", "the text in quotes"),
			build: func(_ string, c captures) (Step, error) {
				return Step{Kind: Assert, Assert: &Assertion{Kind: kind, Text: c.text("text")}}, nil
			},
		}
	}
	return append(fs,
		see(PageContains, "i should see", "should see", "you should see"),
		see(PageNotContains, "i should not see", "should not see", "i shouldn't see", "shouldn't see", "you should not see"))
}

func optionsOf(phrases []string, kind AssertKind) []option {
	options := make([]option, len(phrases))
	for i, p := range phrases {
		options[i] = option{p, kind}
	}
	return options
}

// stateOptions are "is visible", "to be hidden", "is not checked" and the
// like; a negation turns a state into its opposite.
func stateOptions() []option {
	states := []struct {
		word          string
		kind, negated AssertKind
	}{
		{"visible", IsVisible, IsHidden}, {"hidden", IsHidden, IsVisible},
		{"enabled", IsEnabled, IsDisabled}, {"disabled", IsDisabled, IsEnabled},
		{"checked", IsChecked, IsUnchecked}, {"unchecked", IsUnchecked, IsChecked},
		{"displayed", IsVisible, IsHidden}, {"shown", IsVisible, IsHidden},
	}
	var options []option
	for _, copula := range []string{"is", "to be", "should be"} {
		for _, s := range states {
			options = append(options, option{copula + " " + s.word, s.kind})
		}
	}
	for _, copula := range []string{"is not", "isn't", "not to be", "to not be", "should not be", "shouldn't be"} {
		for _, s := range states {
			options = append(options, option{copula + " " + s.word, s.negated})
		}
	}
	return options
}

func kindAndText(c captures) *Assertion {
	return &Assertion{Kind: c["kind"].(AssertKind), Text: c.text("text")}
}

func targetKindAndText(c captures) *Assertion {
	return &Assertion{Kind: c["kind"].(AssertKind), Target: c.target(), Text: c.text("text")}
}

var countWords = map[string]int{
	"no": 0, "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// count reads the number in "there are 3 …": digits, or no, a, one … ten.
func count(t token) (any, bool) {
	if n, ok := countWords[t.word]; ok {
		return n, true
	}
	n, err := strconv.Atoi(t.word)
	return n, err == nil && n >= 0 && t.word[0] != '+'
}
