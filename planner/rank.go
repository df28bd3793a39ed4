package planner

import (
	"slices"
	"strings"
	"unicode"
)

// promptStopWords carry no topic.
var promptStopWords = map[string]bool{
	"the": true, "and": true, "test": true, "tests": true, "testing": true, "check": true, "that": true, "this": true,
	"with": true, "for": true, "from": true, "page": true, "pages": true, "site": true, "http": true, "https": true,
	"localhost": true, "www": true, "com": true, "html": true, "please": true, "make": true, "sure": true, "works": true,
}

// rankByPrompt moves the flows the prompt talks about to the front, keeping
// the planner's order otherwise: "test sign-up and login" puts the sign-up
// and log-in flows first. The prompt's own steps stay first.
func rankByPrompt(prompt string, flows []proposal) {
	topics := topicWords(prompt)
	if len(topics) == 0 {
		return
	}
	score := func(f proposal) int {
		if f.kind == "prompt" {
			return 1 << 20
		}
		text := squash(f.name + " " + f.description)
		n := 0
		for _, t := range topics {
			if strings.Contains(text, t) {
				n++
			}
		}
		return n
	}
	slices.SortStableFunc(flows, func(a, b proposal) int { return score(b) - score(a) })
}

// topicWords are the prompt's words worth matching, squashed so that
// "sign-up", "sign up" and "signup" meet, as do "log in" and "login".
func topicWords(prompt string) []string {
	var out []string
	words := strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for i, w := range words {
		w = strings.ReplaceAll(w, "-", "")
		if (w == "sign" || w == "log") && i+1 < len(words) {
			w += strings.ReplaceAll(words[i+1], "-", "")
		}
		if len(w) < 3 || promptStopWords[w] || slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
