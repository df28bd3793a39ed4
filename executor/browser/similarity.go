package browser

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// closest ranks the page's candidate names by how much they look like want
// and returns at most n of the best, most similar first.
func closest(want string, cands []candidate, n int) []candidate {
	type scored struct {
		candidate
		score float64
		order int
	}
	list := make([]scored, 0, len(cands))
	seen := map[string]bool{}
	for i, c := range cands {
		key := c.Role + "\x00" + c.Name
		if seen[key] {
			continue
		}
		seen[key] = true
		score := similarity(want, c.Name)
		if c.Disabled {
			score -= 0.05 // of two alike names, the one a person can use is likelier meant
		}
		list = append(list, scored{c, score, i})
	}
	slices.SortStableFunc(list, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.order - b.order
	})
	out := make([]candidate, 0, n)
	for _, s := range list {
		if len(out) == n {
			break
		}
		out = append(out, s.candidate)
	}
	return out
}

// similarity is between 0 and 1: edit distance on the lowercased names,
// lifted when one contains the other or they share words.
func similarity(a, b string) float64 {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return 1
	}
	longest := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if longest == 0 {
		return 0
	}
	score := 1 - float64(levenshtein(a, b))/float64(longest)
	if strings.Contains(a, b) || strings.Contains(b, a) {
		score += 0.3
	}
	score += 0.3 * sharedWords(a, b)
	return score / 1.6
}

func sharedWords(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	shared := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			shared++
		}
	}
	return float64(shared) / float64(max(len(wa), len(wb)))
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// maxNearestWords bounds how much page text nearestText searches.
const maxNearestWords = 5000

// nearestText is the run of words in text most like want: what a failed
// "the page contains" assertion shows instead of the page's first words.
func nearestText(text, want string) string {
	words := strings.Fields(text)
	if len(words) > maxNearestWords {
		words = words[:maxNearestWords]
	}
	n := len(strings.Fields(want))
	if n == 0 || len(words) == 0 {
		return ""
	}
	best, bestScore := "", -1.0
	lw := strings.ToLower(want)
	for size := n; size <= n+1 && size <= len(words); size++ {
		for i := 0; i+size <= len(words); i++ {
			cand := strings.Join(words[i:i+size], " ")
			lc := strings.ToLower(cand)
			longest := max(utf8.RuneCountInString(lw), utf8.RuneCountInString(lc))
			s := 1 - float64(levenshtein(lw, lc))/float64(longest) + 0.3*sharedWords(lw, lc)
			if s > bestScore {
				best, bestScore = cand, s
			}
		}
	}
	return best
}
