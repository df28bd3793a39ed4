package graph

import (
	"fmt"
	"strings"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
	"github.com/testing-agent/backend/graph/model"
)

// validateInstructions parses instructions for an editor: the steps that
// parsed and an error for each line that did not.
func validateInstructions(instructions string) (*model.InstructionsValidation, error) {
	if len(instructions) > 4*db.MaxTextLength {
		return nil, db.Invalidf("instructions", "instructions are too long: at most %d characters", db.MaxTextLength)
	}
	parsed, errs := steps.Parse(instructions)
	out := &model.InstructionsValidation{Valid: errs == nil, Steps: make([]*model.ParsedStep, len(parsed)), Errors: []*model.InstructionError{}}
	for i, st := range parsed {
		out.Steps[i] = &model.ParsedStep{Line: st.Line, Source: st.Source, Kind: string(st.Kind)}
	}
	if errs != nil {
		for _, e := range errs.Lines {
			ie := &model.InstructionError{Line: e.Line, Source: e.Source, Reason: e.Reason}
			if e.Suggestion != "" {
				ie.Suggestion = &e.Suggestion
			}
			out.Errors = append(out.Errors, ie)
		}
	}
	return out, nil
}

// checkInstructions refuses instructions that do not parse, naming each bad
// line and its nearest valid form, so a person sees mistakes before approving.
func checkInstructions(field, instructions string) error {
	_, errs := steps.Parse(instructions)
	if errs == nil {
		return nil
	}
	lines := make([]string, 0, len(errs.Lines))
	for _, e := range errs.Lines {
		line := fmt.Sprintf("line %d %q: %s", e.Line, e.Source, e.Reason)
		if e.Suggestion != "" {
			line += fmt.Sprintf(" (try: %s)", e.Suggestion)
		}
		lines = append(lines, line)
	}
	return db.Invalidf(field, "%s do not parse: %s", field, strings.Join(lines, "; "))
}
