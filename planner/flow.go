package planner

import (
	"strings"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

// proposal is a flow the planner proposes.
type proposal struct {
	name        string
	description string
	lines       []string
	kind        string     // prompt, smoke, form, navigation, app, llm: for logs and ordering
	class       trialClass // app flows: what the action turned out to do
	control     string     // app flows: the control acted on
}

func (p proposal) instructions() string { return strings.Join(p.lines, "\n") }

func (p proposal) newFlow() db.NewTestFlow {
	return db.NewTestFlow{Name: clipName(p.name), Description: p.description, Instructions: p.instructions()}
}

// clipName keeps a name within the store's limit, on a word boundary.
func clipName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	runes := []rune(name)
	if len(runes) <= 120 {
		return name
	}
	cut := string(runes[:119])
	if i := strings.LastIndex(cut, " "); i > 60 {
		cut = cut[:i]
	}
	return cut + "…"
}

// builder collects the lines of a flow; the first step that cannot be
// written spoils the flow, since a flow missing a step tests something else.
type builder struct {
	lines []string
	err   error
}

func (b *builder) add(st steps.Step) {
	if b.err != nil {
		return
	}
	line, err := render(st)
	if err != nil {
		b.err = err
		return
	}
	b.lines = append(b.lines, line)
}

// maybe adds a step that the flow can do without, such as one more check.
func (b *builder) maybe(st steps.Step) bool {
	if b.err != nil {
		return false
	}
	line, err := render(st)
	if err != nil {
		return false
	}
	b.lines = append(b.lines, line)
	return true
}

func navigate(u string) steps.Step { return steps.Step{Kind: steps.Navigate, URL: u} }

func click(t *steps.Target) steps.Step {
	return steps.Step{Kind: steps.Click, Target: t, Click: steps.SingleClick}
}

func typeInto(text string, t *steps.Target) steps.Step {
	return steps.Step{Kind: steps.Type, Text: text, Target: t}
}

func checkBox(t *steps.Target) steps.Step { return steps.Step{Kind: steps.Check, Target: t} }

func choose(option string, t *steps.Target) steps.Step {
	return steps.Step{Kind: steps.Select, Text: option, Target: t}
}

func press(key string) steps.Step { return steps.Step{Kind: steps.Press, Key: key} }

func expect(kind steps.AssertKind, text string) steps.Step {
	return steps.Step{Kind: steps.Assert, Assert: &steps.Assertion{Kind: kind, Text: text}}
}

func expectOn(kind steps.AssertKind, t *steps.Target, text string) steps.Step {
	return steps.Step{Kind: steps.Assert, Assert: &steps.Assertion{Kind: kind, Target: t, Text: text}}
}
