package steps

import (
	"strings"
)

// commonVerbs are the verbs an unknown step's error lists.
const commonVerbs = "go to, click, type, fill, press, select, check, hover over, wait for, expect, remember or take a screenshot"

// unknownVerb explains a line whose first word opens no form. A line that is
// an assertion without its prefix gets the prefix suggested; otherwise the
// suggestion is the form whose verb is spelt closest to the first word.
func unknownVerb(line string, toks []token) error {
	for _, a := range assertions {
		if newMatcher(line, toks).run(a.rest) {
			return invalid("an assertion starts with expect, verify, assert, check that or make sure", "expect "+line)
		}
	}
	first := ""
	if len(toks) > 0 {
		first = show(toks[0])
	}
	return invalid("unknown step "+first+": a step starts with a verb such as "+commonVerbs, nearestForm(toks))
}

// nearestForm is the model line of the form whose verb is closest to the
// step's first word, by edit distance. A verb of several words is compared
// by its first word and by all its words run together, so that "goto" finds
// "go to".
func nearestForm(toks []token) string {
	first := ""
	if len(toks) > 0 {
		first = toks[0].word
	}
	best, bestDistance := "", -1
	for _, f := range forms {
		for _, verb := range f.verbs {
			verb = plainVerb(verb)
			opening, _, _ := strings.Cut(verb, " ")
			d := min(editDistance(first, opening), editDistance(first, strings.ReplaceAll(verb, " ", "")))
			if bestDistance < 0 || d < bestDistance {
				best, bestDistance = f.model(verb), d
			}
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters that turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	rows := make([][]int, len(x)+1)
	for i := range rows {
		rows[i] = make([]int, len(y)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(x)][len(y)]
}
