package steps

import (
	"errors"
	"regexp"
	"slices"
	"strings"
)

// Parse parses instructions, one step a line. It returns every step that
// parsed and an error for every line that did not (nil when all did).
// Instructions without a single step are an error too.
func Parse(instructions string) ([]Step, *Errors) {
	var parsed []Step
	var failed []LineError
	remembered := map[string]bool{}
	for i, line := range strings.Split(instructions, "\n") {
		source := strings.TrimSpace(line)
		body := stepText(source)
		if body == "" {
			continue
		}
		step, err := parseStep(body)
		if err == nil {
			err = checkTemplates(body, remembered)
			if step.Kind == Remember {
				// even when its own templates are wrong, so later lines are not blamed too
				remembered[step.Name] = true
			}
		}
		if err != nil {
			failed = append(failed, lineError(i+1, source, err))
			continue
		}
		step.Line, step.Source = i+1, source
		parsed = append(parsed, step)
	}
	if len(parsed) == 0 && len(failed) == 0 {
		failed = append(failed, LineError{Reason: "the instructions have no steps", Suggestion: "go to <url>"})
	}
	if len(failed) > 0 {
		return parsed, &Errors{Lines: failed}
	}
	return parsed, nil
}

func lineError(line int, source string, err error) LineError {
	e := LineError{Line: line, Source: source, Reason: err.Error()}
	var bad *invalidStep
	if errors.As(err, &bad) {
		e.Suggestion = bad.suggestion
	}
	return e
}

var (
	// listMarker is 1. 2) - * • or Step 3: at the start of a line.
	listMarker = regexp.MustCompile(`^(?i:\d+[.)]|[-*•](\s|$)|step\s*\d+\s*[:.)]?(\s|$))\s*`)
	// opener is "then" or "and then" at the start of a step.
	opener = regexp.MustCompile(`^(?i:(and\s+)?then)(\s*,\s*|\s+|$)`)
)

// stepText is the step a line holds without the words that carry no
// meaning: list markers, a leading "then", a trailing period. It is "" for
// blank lines and comments.
func stepText(line string) string {
	if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "//") {
		return ""
	}
	s := strings.TrimSpace(listMarker.ReplaceAllString(line, ""))
	s = strings.TrimSpace(opener.ReplaceAllString(s, ""))
	return strings.TrimSpace(strings.TrimSuffix(s, "."))
}

// parseStep matches a step against every form. The first form that matches
// builds the step. When none does, the error comes from the forms that got
// furthest through the line, as those are what the person most likely meant.
func parseStep(line string) (Step, error) {
	toks, unclosed := tokenize(line)
	if unclosed >= 0 {
		return Step{}, invalid("the quote that starts at "+clip(line[unclosed:])+" is not closed", nearestForm(toks))
	}
	var best struct {
		far      int
		expected []string
		model    string
	}
	best.far = -1
	for _, f := range forms {
		for _, verb := range f.verbs {
			if !opensWith(verb, toks) {
				continue // it would fail at the first word, which unknownVerb explains anyway
			}
			m := newMatcher(line, toks)
			rest := f.rest
			if rest == nil {
				rest = seq()
			}
			if m.run(seq(verbPart(verb), rest)) {
				step, err := f.build(plainVerb(verb), m.values())
				if err == nil {
					err = checkValues(step)
				}
				var bad *invalidStep
				if errors.As(err, &bad) && bad.suggestion == "" {
					bad.suggestion = f.model(verb)
				}
				return step, err
			}
			switch {
			case m.far > best.far:
				best.far, best.expected, best.model = m.far, m.expected, f.model(verb)
			case m.far == best.far:
				for _, e := range m.expected {
					if !slices.Contains(best.expected, e) {
						best.expected = append(best.expected, e)
					}
				}
			}
		}
	}
	if best.far <= 0 {
		return Step{}, unknownVerb(line, toks)
	}
	if oddQuotes(line) {
		return Step{}, invalid("a quote is not closed", best.model)
	}
	return Step{}, invalid(describeMismatch(toks, best.far, best.expected), best.model)
}

func opensWith(verb string, toks []token) bool {
	first, _, _ := strings.Cut(verb, " ")
	return len(toks) > 0 && toks[0].word == first
}

// checkValues refuses steps whose shape is right but whose text is empty
// where a value is needed.
func checkValues(s Step) error {
	targets := []*Target{s.Target}
	if s.Assert != nil {
		targets = append(targets, s.Assert.Target)
	}
	for _, t := range targets {
		if t == nil || t.CSS != "" || t.XPath != "" || t.Focused {
			continue
		}
		if strings.TrimSpace(t.Text) == "" && (t.Role == AnyRole || t.Text != "" || t.Containing) {
			return invalid("the name in quotes is empty", "")
		}
		if t.Scope != nil && t.Scope.Text != "" && strings.TrimSpace(t.Scope.Text) == "" {
			return invalid("the container's name in quotes is empty", "")
		}
	}
	switch {
	case s.Kind == WaitForURL && s.Text == "":
		return invalid("the text the url should contain is empty", "")
	case s.Assert != nil && s.Assert.Text == "" && needsText[s.Assert.Kind]:
		return invalid("the text to look for is empty", "")
	}
	return nil
}

// needsText are the assertions that hold trivially for empty text.
var needsText = map[AssertKind]bool{
	PageContains: true, PageNotContains: true, TargetContains: true, TitleContains: true, URLContains: true,
}
