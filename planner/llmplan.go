package planner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/testing-agent/backend/db"
	"github.com/testing-agent/backend/executor/steps"
)

// mostLLMFlows bounds the flows taken from one answer.
const mostLLMFlows = 30

// llmFlow is one flow as the model writes it; instructions may come as one
// string or as a list of lines.
type llmFlow struct {
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	Instructions json.RawMessage `json:"instructions"`
}

type llmAnswer struct {
	Flows []llmFlow `json:"flows"`
}

// rejected is a flow from the model that does not parse.
type rejected struct {
	flow   llmFlow
	lines  string
	reason string
}

// planWithLLM asks the model for flows, checks each with the step parser,
// sends the ones that fail back once with the parser's errors, and drops
// what still fails. An error means the built-in planner should answer.
func (p *Planner) planWithLLM(ctx context.Context, prompt string, s *site, forms []*formCase, account *accountCase, rec *appRecord, pr *progress) ([]proposal, error) {
	pr.info(ctx, "Asking the LLM for flows", map[string]any{"model": p.llm.model})
	messages := []chatMessage{
		{Role: "system", Content: systemPrompt},
		{Role: "user", Content: userMessage(prompt, s, forms, account, rec)},
	}
	reply, err := p.llm.complete(ctx, messages)
	if err != nil {
		return nil, err
	}
	answer, err := decodeAnswer(reply)
	if err != nil {
		return nil, fmt.Errorf("the answer is not the JSON asked for: %w", err)
	}
	good, bad := checkFlows(answer.Flows)
	if len(bad) > 0 {
		pr.info(ctx, fmt.Sprintf("%s from the LLM did not parse; asking it once to fix them", count(len(bad), "flow")), nil)
		messages = append(messages, chatMessage{Role: "assistant", Content: reply}, chatMessage{Role: "user", Content: fixRequest(bad)})
		bad = p.retryFlows(ctx, messages, &good, bad, pr)
		for _, r := range bad {
			pr.warn(ctx, fmt.Sprintf("Dropped the LLM's flow %q: %s", clip(r.flow.Name, 80), r.reason), nil)
		}
	}
	if len(good) == 0 {
		return nil, errors.New("it proposed no flow that parses")
	}
	pr.info(ctx, fmt.Sprintf("The LLM proposed %s that parse", count(len(good), "flow")), nil)
	return good, nil
}

// retryFlows sends the follow-up and keeps the fixed flows; it returns the
// flows still rejected.
func (p *Planner) retryFlows(ctx context.Context, messages []chatMessage, good *[]proposal, bad []rejected, pr *progress) []rejected {
	reply, err := p.llm.complete(ctx, messages)
	if err != nil {
		pr.warn(ctx, fmt.Sprintf("The LLM did not answer the request to fix its flows: %v", err), nil)
		return bad
	}
	answer, err := decodeAnswer(reply)
	if err != nil {
		pr.warn(ctx, fmt.Sprintf("The LLM's fixed flows are not the JSON asked for: %v", err), nil)
		return bad
	}
	fixed, still := checkFlows(answer.Flows)
	taken := map[string]bool{}
	for _, g := range *good {
		taken[g.name], taken[g.instructions()] = true, true
	}
	fixedNames := map[string]bool{}
	for _, f := range fixed {
		if taken[f.name] || taken[f.instructions()] || len(*good) >= mostLLMFlows {
			continue // the model sent back a flow it already had right
		}
		*good = append(*good, f)
		taken[f.name], taken[f.instructions()], fixedNames[f.name] = true, true, true
	}
	var left []rejected
	for _, r := range bad {
		if fixedNames[r.flow.Name] {
			continue
		}
		for _, s := range still {
			if s.flow.Name == r.flow.Name {
				r = s // the parser's word on the second try
			}
		}
		left = append(left, r)
	}
	return left
}

// decodeAnswer reads the model's JSON, tolerating a Markdown fence or a
// sentence around the object.
func decodeAnswer(reply string) (llmAnswer, error) {
	s := strings.TrimSpace(reply)
	if start, end := strings.Index(s, "{"), strings.LastIndex(s, "}"); start >= 0 && end > start {
		s = s[start : end+1]
	}
	var a llmAnswer
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return llmAnswer{}, err
	}
	if a.Flows == nil {
		return llmAnswer{}, errors.New(`it has no "flows" list`)
	}
	return a, nil
}

// checkFlows keeps the flows that parse and fit the store's limits.
func checkFlows(flows []llmFlow) (good []proposal, bad []rejected) {
	for i, f := range flows {
		if len(good) >= mostLLMFlows {
			break
		}
		lines := instructionsText(f.Instructions)
		name := strings.TrimSpace(f.Name)
		if name == "" {
			name = fmt.Sprintf("Flow %d", i+1)
		}
		f.Name = name
		if strings.TrimSpace(lines) == "" {
			bad = append(bad, rejected{flow: f, reason: "it has no instructions"})
			continue
		}
		if len([]rune(lines)) > db.MaxTextLength || len([]rune(f.Description)) > db.MaxTextLength {
			bad = append(bad, rejected{flow: f, lines: lines, reason: "it is too long"})
			continue
		}
		if _, errs := steps.Parse(lines); errs != nil {
			bad = append(bad, rejected{flow: f, lines: lines, reason: errs.Error()})
			continue
		}
		desc := strings.TrimSpace(f.Description)
		if desc == "" {
			desc = "Proposed by the LLM."
		}
		good = append(good, proposal{name: name, description: desc, lines: strings.Split(lines, "\n"), kind: "llm"})
	}
	return good, bad
}

// instructionsText accepts instructions as a string or a list of lines.
func instructionsText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var lines []string
	if json.Unmarshal(raw, &lines) == nil {
		return strings.TrimSpace(strings.Join(lines, "\n"))
	}
	return ""
}

// fixRequest is the follow-up that names each rejected flow and what the
// parser said about it.
func fixRequest(bad []rejected) string {
	var b strings.Builder
	b.WriteString("These flows do not parse in the step language. Fix them and answer with {\"flows\":[…]} holding only the fixed flows, with the same names:\n")
	for _, r := range bad {
		fmt.Fprintf(&b, "\nFlow %q: %s\n", r.flow.Name, r.reason)
		if r.lines != "" {
			fmt.Fprintf(&b, "Its instructions were:\n%s\n", r.lines)
		}
	}
	return b.String()
}
